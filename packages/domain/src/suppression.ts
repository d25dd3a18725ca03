// Small-count suppression for published figures: fewer than `threshold` people in a cell could
// identify someone, so such cells are hidden; further cells are hidden so that no hidden value
// can be worked out from the published row and column totals.
//
// Algorithm. The table is extended with its row totals (last column), column totals (last row)
// and grand total; each row and column of that extended table is one published equation
// (the inner cells add up to the margin). Hidden cells are the unknowns.
//  1. Primary: every cell of the extended table with 0 < value < threshold is hidden, margins
//     included (a row total of 3 identifies as much as a cell of 3). Zeros stay visible: a zero
//     is nobody.
//  2. Secondary: view the hidden cells as edges of a bipartite graph between the extended rows
//     and extended columns. A hidden cell's value follows from the equations exactly when its
//     edge is a bridge (it lies on no cycle), because the equations' solutions differ only by
//     adding and subtracting along cycles. While a bridge exists, hide what closes a cycle
//     through it at the least cost: either one visible cell joining the bridge's two sides, or
//     the visible corners of a rectangle with the bridge as a corner. Cost: fewest zeros hidden
//     (a hidden zero protects little), then the fewest totals, then the smallest sum.
// Each step hides at least one cell (an extended table is at least 2×2, so a rectangle exists),
// so the loop ends. Guarantee: no hidden cell is determined by the published figures through the
// equations. Bounds from non-negativity (a hidden pair summing to 7) are not hidden.

import { z } from "zod";

export interface SuppressedTable {
  /** The inner cells; null where hidden. */
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  total: number | null;
}

export const SMALL_COUNT_THRESHOLD = 5;

/**
 * A deployment's threshold (the services' SMALL_COUNT_THRESHOLD): fewer than 5 people must never
 * be published, so it may be raised (a stricter policy) but not lowered.
 */
export const smallCountThresholdSetting = z.coerce
  .number()
  .int()
  .min(SMALL_COUNT_THRESHOLD, `must be at least ${SMALL_COUNT_THRESHOLD}: fewer people could be identified`)
  .max(1000)
  .default(SMALL_COUNT_THRESHOLD);

/** Hides small counts (primary) and enough other cells (secondary) that none can be derived. */
export function suppressSmallCounts(
  cells: readonly (readonly number[])[],
  threshold = SMALL_COUNT_THRESHOLD,
): SuppressedTable {
  const rows = cells.length;
  const cols = rows === 0 ? 0 : cells[0]!.length;
  for (const row of cells) {
    if (row.length !== cols) throw new RangeError("suppressSmallCounts: rows must have equal length");
    for (const v of row)
      if (!Number.isInteger(v) || v < 0)
        throw new RangeError("suppressSmallCounts: counts are non-negative integers");
  }
  if (rows === 0 || cols === 0)
    return { cells: cells.map(() => []), rowTotals: cells.map(() => 0), columnTotals: [], total: 0 };

  // Extended table: index `rows` is the totals row, index `cols` the totals column.
  const R = rows + 1;
  const C = cols + 1;
  const ext: number[][] = Array.from({ length: R }, () => new Array<number>(C).fill(0));
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const v = cells[i]![j]!;
      ext[i]![j] = v;
      ext[i]![cols]! += v;
      ext[rows]![j]! += v;
      ext[rows]![cols]! += v;
    }

  const hidden: boolean[][] = ext.map((row) => row.map((v) => v > 0 && v < threshold));

  for (;;) {
    const bridge = findBridge(hidden, R, C);
    if (!bridge) break;
    const [r, c] = bridge;
    const { rowSide, colSide } = sidesWithout(hidden, R, C, r, c);
    const options: [number, number][][] = [];
    // One cell closing a cycle through the bridge: a row on one side with a column on the other.
    for (let i = 0; i < R; i++)
      for (let j = 0; j < C; j++)
        if (!hidden[i]![j] && rowSide[i] !== -1 && colSide[j] !== -1 && rowSide[i] !== colSide[j])
          options.push([[i, j]]);
    // A rectangle with the bridge as a corner always closes one; it costs its visible corners.
    for (let i = 0; i < R; i++)
      for (let j = 0; j < C; j++) {
        if (i === r || j === c) continue;
        const corners = (
          [
            [r, j],
            [i, c],
            [i, j],
          ] as [number, number][]
        ).filter(([a, b]) => !hidden[a]![b]);
        if (corners.length > 1) options.push(corners);
      }
    // A rectangle's three corners cannot all be hidden already: the bridge would be on a cycle.
    const pick = cheapest(options, ext, rows, cols);
    if (!pick) throw new Error("suppressSmallCounts: no complementary cells");
    for (const [i, j] of pick) hidden[i]![j] = true;
  }

  const show = (i: number, j: number) => (hidden[i]![j] ? null : ext[i]![j]!);
  return {
    cells: Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => show(i, j))),
    rowTotals: Array.from({ length: rows }, (_, i) => show(i, cols)),
    columnTotals: Array.from({ length: cols }, (_, j) => show(rows, j)),
    total: show(rows, cols),
  };
}

/**
 * The option hiding the fewest zeros (a hidden zero protects little), then the fewest totals
 * (the figures readers look for first), then the smallest sum (least information lost); ties
 * by position, so the result is stable.
 */
function cheapest(options: [number, number][][], ext: number[][], rows: number, cols: number) {
  const key = (cells: [number, number][]) => {
    const values = cells.map(([i, j]) => ext[i]![j]!);
    return [
      values.filter((v) => v === 0).length,
      cells.filter(([i, j]) => i === rows || j === cols).length,
      values.reduce((a, b) => a + b, 0),
      ...cells.flat(),
    ];
  };
  let best: [number, number][] | undefined;
  let bestKey: number[] | undefined;
  for (const option of options) {
    const k = key(option);
    if (!bestKey || lexLess(k, bestKey)) {
      best = option;
      bestKey = k;
    }
  }
  return best;
}

function lexLess(a: number[], b: number[]): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! < b[k]!;
  return false;
}

// Graph nodes: rows 0..R-1, columns R..R+C-1; edges are hidden cells.

function findBridge(hidden: boolean[][], R: number, C: number): [number, number] | null {
  const n = R + C;
  const adj: [number, number, number][][] = Array.from({ length: n }, () => []); // [neighbour, i, j]
  for (let i = 0; i < R; i++)
    for (let j = 0; j < C; j++)
      if (hidden[i]![j]) {
        adj[i]!.push([R + j, i, j]);
        adj[R + j]!.push([i, i, j]);
      }
  // Tarjan's bridge finding, iterative; each cell is a single edge, so the parent edge is
  // skipped by identity (i, j), not by neighbour.
  const disc = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  let time = 0;
  for (let start = 0; start < n; start++) {
    if (disc[start] !== -1) continue;
    const stack: { node: number; edge: [number, number] | null; next: number }[] = [
      { node: start, edge: null, next: 0 },
    ];
    disc[start] = low[start] = time++;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const edges = adj[top.node]!;
      if (top.next < edges.length) {
        const [to, i, j] = edges[top.next++]!;
        if (top.edge && top.edge[0] === i && top.edge[1] === j) continue;
        if (disc[to] === -1) {
          disc[to] = low[to] = time++;
          stack.push({ node: to, edge: [i, j], next: 0 });
        } else low[top.node] = Math.min(low[top.node]!, disc[to]!);
      } else {
        stack.pop();
        const parent = stack[stack.length - 1];
        if (parent) {
          low[parent.node] = Math.min(low[parent.node]!, low[top.node]!);
          if (low[top.node]! > disc[parent.node]!) return top.edge;
        }
      }
    }
  }
  return null;
}

/**
 * With the bridge (r, c) removed, which side each row and column is on: 0 for r's side, 1 for
 * c's side, -1 for neither (not connected to the bridge).
 */
function sidesWithout(hidden: boolean[][], R: number, C: number, r: number, c: number) {
  const side = new Array<number>(R + C).fill(-1);
  const flood = (from: number, label: number) => {
    const queue = [from];
    side[from] = label;
    while (queue.length) {
      const node = queue.pop()!;
      const neighbours: number[] = [];
      if (node < R) {
        for (let j = 0; j < C; j++) if (hidden[node]![j] && !(node === r && j === c)) neighbours.push(R + j);
      } else {
        const j = node - R;
        for (let i = 0; i < R; i++) if (hidden[i]![j] && !(i === r && j === c)) neighbours.push(i);
      }
      for (const m of neighbours)
        if (side[m] === -1) {
          side[m] = label;
          queue.push(m);
        }
    }
  };
  flood(r, 0);
  flood(R + c, 1);
  return { rowSide: side.slice(0, R), colSide: side.slice(R) };
}
