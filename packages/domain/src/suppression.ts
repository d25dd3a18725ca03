// Small-count suppression for published figures: fewer than `threshold` people in a figure could
// identify someone, so such figures are hidden; further figures are hidden so that no hidden one
// can be worked out from the published totals. This is the one rule: tables with margins
// (suppressSmallCounts) and the grid's period trees (suppressAcrossPeriods) are both written as
// linked figures (every total is the sum of its parts) and go through suppressLinked.
//
// Algorithm (suppressLinked).
//  1. Primary: every figure with 0 < value < threshold is hidden, totals included (a row total of
//     3 identifies as much as a cell of 3). Zeros stay visible: a zero is nobody, and a reader
//     often knows it anyway (a course with no reports).
//  2. Secondary, by groups: a group (a total and its parts) with exactly one hidden figure gives
//     it away by one subtraction, so its cheapest other figure is hidden too; repeated until no
//     group has exactly one.
//  3. Secondary, by algebra: longer chains of subtractions can still pin a figure down, so the
//     equations are solved over the hidden figures (derivableFigures); for each determined one,
//     the cheapest visible figure of one of its groups is hidden, and steps 2–3 repeat. A figure
//     found determined again gets its next figure one layer of equations further out (the
//     groups of the hidden figures beside it): what pins it down is a chain through them, and
//     hiding more of its own groups would cost a round, each a full elimination, per figure.
// Cost: a part before a total (totals are what readers look for first), then the smallest value,
// then position, so the result is stable. Each round hides at least one figure, so it ends.
// Guarantee: no hidden figure is determined by the published ones through the equations. Bounds
// from non-negativity (a hidden pair summing to 7) are not hidden.

import { z } from "zod";
import { derivableFigures, type LinkedGroup } from "./suppression-algebra.js";

export type { LinkedGroup } from "./suppression-algebra.js";

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

/** Which figures to hide (true) among counts linked by groups (each total the sum of its parts). */
export function suppressLinked(
  values: readonly number[],
  groups: readonly LinkedGroup[],
  threshold = SMALL_COUNT_THRESHOLD,
): boolean[] {
  for (const v of values)
    if (!Number.isInteger(v) || v < 0)
      throw new RangeError("suppressLinked: counts are non-negative integers");
  const isTotal = new Array<boolean>(values.length).fill(false);
  const groupsOf: number[][] = values.map(() => []);
  const members = groups.map((g) => [g.total, ...g.parts]);
  members.forEach((m, k) => {
    isTotal[groups[k]!.total] = true;
    for (const i of m) groupsOf[i]!.push(k);
  });
  const hidden = values.map((v) => v > 0 && v < threshold);
  // Hidden figures per group, kept in step by hide(), so a round visits only the groups that changed.
  const hiddenIn = members.map((m) => m.filter((i) => hidden[i]).length);
  /**
   * The cheapest visible non-zero figure among `candidates`, or -1. Cheapest: opening the fewest
   * groups that had nothing hidden (each would need a partner hidden in turn; a figure whose
   * groups already hide something closes a cycle instead), then a part before a total, then the
   * smallest value, then position.
   */
  const cheapest = (candidates: Iterable<number>) => {
    let best = -1;
    let bestKey: number[] = [];
    for (const i of candidates) {
      if (hidden[i] || values[i] === 0) continue;
      const key = [groupsOf[i]!.filter((k) => hiddenIn[k] === 0).length, Number(isTotal[i]), values[i]!, i];
      if (best === -1 || lexLess(key, bestKey)) {
        best = i;
        bestKey = key;
      }
    }
    return best;
  };
  const queue = hiddenIn.flatMap((n, k) => (n === 1 ? [k] : []));
  const hide = (i: number) => {
    hidden[i] = true;
    for (const k of groupsOf[i]!) if (++hiddenIn[k]! === 1) queue.push(k);
  };
  const byGroups = () => {
    while (queue.length > 0) {
      const k = queue.pop()!;
      if (hiddenIn[k] !== 1) continue;
      const pick = cheapest(members[k]!);
      if (pick !== -1) hide(pick);
    }
  };
  // How often each figure was found determined: each time, its opening is sought one layer of
  // equations further out (the figures that pin it down sit there, not in its own groups).
  const tries = new Map<number, number>();
  for (;;) {
    byGroups();
    const determined = derivableFigures(groups, hidden);
    if (determined.length === 0) return hidden;
    const touched = new Set<number>();
    let hid = false;
    for (const d of determined) {
      const n = tries.get(d) ?? 0;
      // A first-timer next to a group that just got a figure may well be freed by it.
      if (n === 0 && groupsOf[d]!.some((k) => touched.has(k))) continue;
      tries.set(d, n + 1);
      // Still determined after a few: what pins it sits in a web of equations that single figures
      // rarely untie (each try a round, a full elimination), so its groups open wholly.
      let picks =
        n >= TRIES_BEFORE_OPENING_GROUPS
          ? groupsOf[d]!.flatMap((k) => members[k]!).filter((i) => !hidden[i] && values[i]! > 0)
          : [];
      if (picks.length === 0) picks = [opening(d, n)].filter((i) => i !== -1);
      for (const pick of picks) {
        hide(pick);
        hid = true;
        for (const k of [...groupsOf[d]!, ...groupsOf[pick]!]) touched.add(k);
      }
    }
    if (!hid) throw new Error("suppressLinked: no complementary figures");
  }

  /**
   * The cheapest visible non-zero figure in the groups `from` layers out from `d` (0: its own
   * groups; 1: the groups of the hidden figures in those; …), breadth-first over hidden figures;
   * the layer nearest to that which has one, further out first; -1 when there is none.
   */
  function opening(d: number, from: number): number {
    const seen = new Set([d]);
    const layers: number[][] = [];
    let layer = [d];
    while (layer.length > 0) {
      const candidates: number[] = [];
      const next: number[] = [];
      for (const f of layer)
        for (const k of groupsOf[f]!)
          for (const i of members[k]!) {
            if (!hidden[i]) candidates.push(i);
            else if (!seen.has(i)) {
              seen.add(i);
              next.push(i);
            }
          }
      layers.push(candidates);
      if (layers.length > from) {
        const pick = cheapest(candidates);
        if (pick !== -1) return pick;
      }
      layer = next;
    }
    for (let l = Math.min(from, layers.length) - 1; l >= 0; l--) {
      const pick = cheapest(layers[l]!);
      if (pick !== -1) return pick;
    }
    return -1;
  }
}

const TRIES_BEFORE_OPENING_GROUPS = 3;

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! < b[k]!;
  return false;
}

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
  const { values, groups } = extendedTable(cells);
  const hidden = suppressLinked(values, groups, threshold);
  return readTable(values, hidden, rows, cols, 0);
}

/**
 * A table with its row totals (last column), column totals (last row) and grand total, flat by
 * rows from `offset`, and its groups: each extended row and column adds up to its margin.
 */
export function extendedTable(cells: readonly (readonly number[])[], offset = 0) {
  const rows = cells.length;
  const cols = cells[0]?.length ?? 0;
  const C = cols + 1;
  const values = new Array<number>((rows + 1) * C).fill(0);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const v = cells[i]![j]!;
      values[i * C + j] = v;
      values[i * C + cols]! += v;
      values[rows * C + j]! += v;
      values[rows * C + cols]! += v;
    }
  const at = (i: number, j: number) => offset + i * C + j;
  const groups: LinkedGroup[] = [];
  for (let i = 0; i <= rows; i++)
    groups.push({ total: at(i, cols), parts: Array.from({ length: cols }, (_, j) => at(i, j)) });
  for (let j = 0; j <= cols; j++)
    groups.push({ total: at(rows, j), parts: Array.from({ length: rows }, (_, i) => at(i, j)) });
  return { values, groups };
}

/** The published table read back from flat figures (see extendedTable). */
export function readTable(
  values: readonly number[],
  hidden: readonly boolean[],
  rows: number,
  cols: number,
  offset: number,
): SuppressedTable {
  const C = cols + 1;
  const show = (i: number, j: number) => (hidden[offset + i * C + j] ? null : values[offset + i * C + j]!);
  return {
    cells: Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => show(i, j))),
    rowTotals: Array.from({ length: rows }, (_, i) => show(i, cols)),
    columnTotals: Array.from({ length: cols }, (_, j) => show(rows, j)),
    total: show(rows, cols),
  };
}

/**
 * A session's registrations and free places as published to anyone but its provider. The
 * capacity is public, so the free places give the registrations away: both are hidden when the
 * registrations are a small count.
 */
export function publishedPlaces(
  registrations: number,
  capacity: number | null,
  threshold = SMALL_COUNT_THRESHOLD,
): { registrations: number | null; availablePlaces: number | null } {
  const shown = suppressSmallCounts([[registrations]], threshold).total;
  const free = capacity === null ? null : Math.max(0, capacity - registrations);
  return { registrations: shown, availablePlaces: shown === null ? null : free };
}
