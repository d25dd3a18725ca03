import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type GridPeriod, periodKey, periodMonths, yearPeriods } from "./period-grid.js";
import { SMALL_COUNT_THRESHOLD, type SuppressedTable } from "./suppression.js";
import { suppressAcrossPeriods } from "./suppression-periods.js";
import { rank } from "./testing/rank.js";

// The attacker's view of a year: every period's published table, each queryable on its own.
// The checks below are written from the published tables alone (not from the rule's groups):
// any period is the sum of the periods of any finer kind inside it, each table's rows and
// columns add up to its margins, and a reader subtracts what is visible from a published total.

const YEAR = 2025;
const finer: Record<GridPeriod["kind"], GridPeriod["kind"][]> = {
  YEAR: ["HALF_YEAR", "QUARTER", "MONTH"],
  HALF_YEAR: ["QUARTER", "MONTH"],
  QUARTER: ["MONTH"],
  MONTH: [],
};

const count = fc.oneof(
  { weight: 4, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 3, arbitrary: fc.integer({ min: 5, max: 40 }) },
);
const months = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).chain(([r, c]) =>
  fc.array(fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }), {
    minLength: 12,
    maxLength: 12,
  }),
);

/** A figure of an extended table: row `rows` holds the column totals, column `cols` the row totals. */
function figure(t: SuppressedTable, i: number, j: number): number | null {
  const rows = t.cells.length;
  const cols = t.columnTotals.length;
  if (i < rows && j < cols) return t.cells[i]![j]!;
  if (i < rows) return t.rowTotals[i]!;
  if (j < cols) return t.columnTotals[j]!;
  return t.total;
}

type Ref = [string, number, number];

/** Every "total = sum of parts" a reader of the published tables can write down. */
function equations(tables: Map<string, SuppressedTable>, rows: number, cols: number) {
  const out: { total: number | null; parts: (number | null)[]; truthKey: string; refs: Ref[] }[] = [];
  for (const p of yearPeriods(YEAR)) {
    const t = tables.get(periodKey(p))!;
    for (let i = 0; i <= rows; i++)
      out.push({
        total: figure(t, i, cols),
        parts: Array.from({ length: cols }, (_, j) => figure(t, i, j)),
        truthKey: `${periodKey(p)} row ${i}`,
        refs: [[periodKey(p), i, cols], ...Array.from({ length: cols }, (_, j): Ref => [periodKey(p), i, j])],
      });
    for (let j = 0; j <= cols; j++)
      out.push({
        total: figure(t, rows, j),
        parts: Array.from({ length: rows }, (_, i) => figure(t, i, j)),
        truthKey: `${periodKey(p)} column ${j}`,
        refs: [[periodKey(p), rows, j], ...Array.from({ length: rows }, (_, i): Ref => [periodKey(p), i, j])],
      });
    for (const kind of finer[p.kind]) {
      const inside = yearPeriods(YEAR).filter(
        (q) =>
          q.kind === kind && periodMonths(q).every((m) => periodMonths(p).some((n) => n.index === m.index)),
      );
      for (let i = 0; i <= rows; i++)
        for (let j = 0; j <= cols; j++)
          out.push({
            total: figure(t, i, j),
            parts: inside.map((q) => figure(tables.get(periodKey(q))!, i, j)),
            truthKey: `${periodKey(p)} as ${kind} (${i},${j})`,
            refs: [[periodKey(p), i, j], ...inside.map((q): Ref => [periodKey(q), i, j])],
          });
    }
  }
  return out;
}

/** Hidden figures that all the equations together pin down (dense linear algebra, no peeling). */
function derivable(tables: Map<string, SuppressedTable>, rows: number, cols: number): string[] {
  const eqs = equations(tables, rows, cols);
  const hidden = new Map<string, number>();
  for (const eq of eqs)
    eq.refs.forEach((ref, k) => {
      const v = k === 0 ? eq.total : eq.parts[k - 1];
      if (v === null && !hidden.has(ref.join())) hidden.set(ref.join(), hidden.size);
    });
  if (hidden.size === 0) return [];
  const matrix = eqs.map((eq) => {
    const row = new Array<number>(hidden.size).fill(0);
    eq.refs.forEach((ref, k) => {
      const at = hidden.get(ref.join());
      if (at !== undefined) row[at]! += k === 0 ? -1 : 1;
    });
    return row;
  });
  const base = rank(matrix);
  return [...hidden.keys()].filter((key) => {
    const unit = new Array<number>(hidden.size).fill(0);
    unit[hidden.get(key)!] = 1;
    return rank([...matrix, unit]) === base;
  });
}

describe("suppressAcrossPeriods", () => {
  it("publishes true values only and no count from 1 to 4 in any period", () => {
    fc.assert(
      fc.property(months, (monthTables) => {
        const tables = suppressAcrossPeriods(YEAR, monthTables);
        const rows = monthTables[0]!.length;
        const cols = monthTables[0]![0]!.length;
        for (const p of yearPeriods(YEAR)) {
          const t = tables.get(periodKey(p))!;
          for (let i = 0; i < rows; i++)
            for (let j = 0; j < cols; j++) {
              const truth = periodMonths(p).reduce((n, m) => n + monthTables[m.index - 1]![i]![j]!, 0);
              const shown = t.cells[i]![j]!;
              if (truth > 0 && truth < SMALL_COUNT_THRESHOLD) expect(shown).toBeNull();
              if (shown !== null) expect(shown).toBe(truth);
            }
          for (const v of [...t.rowTotals, ...t.columnTotals, t.total])
            if (v !== null) expect(v === 0 || v >= SMALL_COUNT_THRESHOLD).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("gives no hidden figure away by one subtraction, within a table or across periods", () => {
    fc.assert(
      fc.property(months, (monthTables) => {
        const rows = monthTables[0]!.length;
        const cols = monthTables[0]![0]!.length;
        const tables = suppressAcrossPeriods(YEAR, monthTables);
        for (const eq of equations(tables, rows, cols)) {
          const hidden = [eq.total, ...eq.parts].filter((v) => v === null).length;
          expect(hidden, eq.truthKey).not.toBe(1);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("leaves no hidden figure determined by all the published equations together", () => {
    const small = fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })).chain(([r, c]) =>
      fc.array(fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }), {
        minLength: 12,
        maxLength: 12,
      }),
    );
    fc.assert(
      fc.property(small, (monthTables) => {
        const tables = suppressAcrossPeriods(YEAR, monthTables);
        expect(derivable(tables, monthTables[0]!.length, monthTables[0]![0]!.length)).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it("hides a small month inside a larger quarter so the quarter minus two months does not give it", () => {
    const monthTables = Array.from({ length: 12 }, () => [[0]]);
    monthTables[0] = [[3]];
    monthTables[1] = [[20]];
    monthTables[2] = [[17]];
    const tables = suppressAcrossPeriods(YEAR, monthTables);
    const shown = (key: string) => tables.get(key)!.total;
    expect(shown(`${YEAR}-01`)).toBeNull();
    expect(shown(`${YEAR}-Q1`)).toBe(40);
    // With the quarter published, one of the other two months goes too.
    expect([shown(`${YEAR}-02`), shown(`${YEAR}-03`)].filter((v) => v === null)).toHaveLength(1);
  });
});
