import { type GridPeriod, periodChildren, periodKey, yearPeriods } from "./period-grid.js";
import {
  extendedTable,
  type LinkedGroup,
  readTable,
  SMALL_COUNT_THRESHOLD,
  type SuppressedTable,
  suppressLinked,
} from "./suppression.js";

// One table of counts (rows × columns, with margins) for every period of a year's grid, suppressed
// together. A caller may ask for the year, a half, a quarter and a month of the same table one
// after another; each of those tables is the sum of its children, so a quarter's figure minus
// two of its months is the third. Suppressing all 19 tables as one set of linked figures (each
// table's rows and columns, and each figure of a period as the sum of the same figure in its
// children) keeps every hidden figure hidden across any combination of them.

/** The suppressed table of each period of the year, by period key ("2026", "2026-H1", …). */
export function suppressAcrossPeriods(
  year: number,
  /** Twelve tables, January first, all with the same rows and columns. */
  monthTables: readonly (readonly (readonly number[])[])[],
  threshold = SMALL_COUNT_THRESHOLD,
): Map<string, SuppressedTable> {
  if (monthTables.length !== 12) throw new RangeError("suppressAcrossPeriods: twelve months");
  const rows = monthTables[0]!.length;
  const cols = rows === 0 ? 0 : monthTables[0]![0]!.length;
  for (const t of monthTables)
    if (t.length !== rows || t.some((r) => r.length !== cols))
      throw new RangeError("suppressAcrossPeriods: the months' tables must have the same shape");
  const periods = yearPeriods(year);
  const size = (rows + 1) * (cols + 1);
  const slot = new Map(periods.map((p, k) => [periodKey(p), k * size]));
  const tableOf = (p: GridPeriod): number[][] => {
    if (p.kind === "MONTH") return monthTables[p.index - 1]!.map((r) => [...r]);
    const sum = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
    for (const child of periodChildren(p))
      tableOf(child).forEach((r, i) => {
        r.forEach((v, j) => {
          sum[i]![j]! += v;
        });
      });
    return sum;
  };
  const values: number[] = [];
  const groups: LinkedGroup[] = [];
  for (const p of periods) {
    const t = extendedTable(tableOf(p), slot.get(periodKey(p))!);
    values.push(...t.values);
    groups.push(...t.groups);
    // Each figure of a period, margins included, is the sum of the same figure in its children.
    const children = periodChildren(p).map((c) => slot.get(periodKey(c))!);
    if (children.length > 0)
      for (let k = 0; k < size; k++)
        groups.push({ total: slot.get(periodKey(p))! + k, parts: children.map((c) => c + k) });
  }
  const hidden = suppressLinked(values, groups, threshold);
  return new Map(
    periods.map((p) => [periodKey(p), readTable(values, hidden, rows, cols, slot.get(periodKey(p))!)]),
  );
}
