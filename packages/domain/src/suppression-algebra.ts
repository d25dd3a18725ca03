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
      let set = holders.get(v);
      if (!set) holders.set(v, (set = new Set()));
      set.add(row);
    }
  };
  for (const row of rows) hold(row);
  // Short equations first, and within one the variable held by the fewest others (Markowitz's
  // rule): both keep the fill-in, and so the time, small. Coefficients stay near ±1, so any one
  // at least half the row's largest is a stable pivot.
  rows.sort((a, b) => a.size - b.size);
  for (const row of rows) {
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
  const out: number[] = [];
  for (const [v, row] of pivotOf) if (row.size === 1) out.push(v);
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
      if (!target.has(v)) holders.get(v)?.add(target) ?? holders.set(v, new Set([target]));
      target.set(v, next);
    }
  }
}
