// Which hidden figures a reader can work out from the published ones. Each published equation
// (a total is the sum of its parts) is linear in the hidden figures once the visible ones are put
// in; a hidden figure is given away exactly when every solution of those equations agrees on it.
// Sparse Gauss–Jordan elimination over the hidden figures: after full reduction a variable is
// determined exactly when its pivot row holds nothing else (no free variable moves it).

export interface LinkedGroup {
  /** Index of the total. */
  total: number;
  /** Indexes of the parts that add up to it. */
  parts: readonly number[];
}

const EPSILON = 1e-9;

/** Indexes of hidden figures that the equations and the visible figures determine. */
export function derivableFigures(groups: readonly LinkedGroup[], hidden: readonly boolean[]): number[] {
  const rows: Map<number, number>[] = [];
  for (const g of groups) {
    const row = new Map<number, number>();
    const add = (i: number, c: number) => {
      if (!hidden[i]) return;
      const v = (row.get(i) ?? 0) + c;
      if (Math.abs(v) < EPSILON) row.delete(i);
      else row.set(i, v);
    };
    add(g.total, -1);
    for (const p of g.parts) add(p, 1);
    if (row.size > 0) rows.push(row);
  }
  // pivotOf: variable → the row that owns it.
  const pivotOf = new Map<number, Map<number, number>>();
  // Rows holding each variable, so elimination touches only those.
  const holders = new Map<number, Set<Map<number, number>>>();
  const hold = (row: Map<number, number>) => {
    for (const v of row.keys()) {
      const set = holders.get(v);
      if (set) set.add(row);
      else holders.set(v, new Set([row]));
    }
  };
  for (const row of rows) hold(row);
  // Peeling: an equation holding a figure that no other equation holds puts no bound on the
  // other figures (that one absorbs any change), so it is set aside and the rest solved without
  // it; that figure is then worked out from the others, last peeled first. It shrinks the
  // elimination to the equations' core.
  const peeled: { row: Map<number, number>; v: number }[] = [];
  const removed = new Set<Map<number, number>>();
  const lonely = [...holders].filter(([, set]) => set.size === 1).map(([v]) => v);
  while (lonely.length > 0) {
    const v = lonely.pop()!;
    const set = holders.get(v)!;
    if (set.size !== 1) continue;
    const [row] = set as Set<Map<number, number>> & Iterable<Map<number, number>>;
    if (!row || row.size === 1) continue;
    removed.add(row);
    peeled.push({ row, v });
    for (const w of row.keys()) {
      const ws = holders.get(w)!;
      ws.delete(row);
      if (ws.size === 1) lonely.push(w);
    }
  }
  const core = rows.filter((r) => !removed.has(r));
  core.sort((a, b) => a.size - b.size);
  for (const row of core) {
    if (row.size === 0) continue;
    let largest = 0;
    for (const c of row.values()) largest = Math.max(largest, Math.abs(c));
    let best = -1;
    let bestHolders = Number.POSITIVE_INFINITY;
    for (const [v, c] of row) {
      const n = holders.get(v)?.size ?? 0;
      if (Math.abs(c) >= largest / 2 && n < bestHolders) {
        best = v;
        bestHolders = n;
      }
    }
    const scale = row.get(best)!;
    for (const [v, c] of row) row.set(v, c / scale);
    pivotOf.set(best, row);
    for (const other of [...(holders.get(best) ?? [])])
      if (other !== row && other.has(best)) subtract(other, row, other.get(best)!, holders);
  }
  // Each figure as the free figures that move it (constants dropped): a pivot by its row, a free
  // figure by itself, a peeled one through its equation. Determined means nothing moves it.
  const moves = new Map<number, Map<number, number>>();
  const movesOf = (v: number): Map<number, number> => {
    const known = moves.get(v);
    if (known) return known;
    const pivot = pivotOf.get(v);
    const expr = new Map<number, number>();
    if (pivot) for (const [w, c] of pivot) if (w !== v) expr.set(w, -c);
    if (!pivot) expr.set(v, 1);
    moves.set(v, expr);
    return expr;
  };
  for (let k = peeled.length - 1; k >= 0; k--) {
    const { row, v } = peeled[k]!;
    const own = row.get(v)!;
    const expr = new Map<number, number>();
    for (const [w, c] of row) {
      if (w === v) continue;
      for (const [f, d] of movesOf(w)) {
        const next = (expr.get(f) ?? 0) - (c * d) / own;
        if (Math.abs(next) < EPSILON) expr.delete(f);
        else expr.set(f, next);
      }
    }
    moves.set(v, expr);
  }
  const out: number[] = [];
  for (const v of pivotOf.keys()) if (movesOf(v).size === 0) out.push(v);
  for (const { v } of peeled) if (movesOf(v).size === 0) out.push(v);
  return out.sort((a, b) => a - b);
}

/** target −= factor × source, keeping `holders` in step. */
function subtract(
  target: Map<number, number>,
  source: Map<number, number>,
  factor: number,
  holders: Map<number, Set<Map<number, number>>>,
) {
  for (const [v, c] of source) {
    const next = (target.get(v) ?? 0) - factor * c;
    if (Math.abs(next) < EPSILON) {
      target.delete(v);
      holders.get(v)?.delete(target);
    } else {
      if (!target.has(v)) {
        const set = holders.get(v);
        if (set) set.add(target);
        else holders.set(v, new Set([target]));
      }
      target.set(v, next);
    }
  }
}
