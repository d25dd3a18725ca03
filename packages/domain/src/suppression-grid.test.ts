import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type GridPeriod, parsePeriodKey, periodKey, periodMonths, yearPeriods } from "./period-grid.js";
import { SMALL_COUNT_THRESHOLD } from "./suppression.js";
import { PublishedGrid, providerYear } from "./suppression-grid.js";
import { rank } from "./testing/rank.js";

// The attacker's view of the grid: any two scopes (sets of offers, nested or overlapping, whole
// providers or parts of them), each asked for any period of the year as a table (offers as rows,
// their sums as margins). Offers 0 and 1 belong to one provider, 2 and 3 to another. The checks
// are written from the published figures alone: each is a sum of the true counts (month × offer ×
// column), and a figure is given away when those equations pin it down.

const YEAR = 2025;
const OFFERS = 4;
const WIDTH = 2;
const unknowns = 12 * OFFERS * WIDTH;
const at = (month: number, offer: number, column: number) => ((month - 1) * OFFERS + offer) * WIDTH + column;

const count = fc.oneof(
  { weight: 4, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 3, arbitrary: fc.integer({ min: 5, max: 40 }) },
);
const grid = fc.array(
  fc.array(fc.array(count, { minLength: WIDTH, maxLength: WIDTH }), { minLength: 12, maxLength: 12 }),
  { minLength: OFFERS, maxLength: OFFERS },
);
const scope = fc.uniqueArray(fc.integer({ min: 0, max: OFFERS - 1 }), { minLength: 1, maxLength: OFFERS });
const period = fc.constantFrom(...yearPeriods(YEAR).map(periodKey));
const query = fc.record({ offers: scope, period });

/** The true counts a figure adds up: months of a period × offers × one column or all. */
function cellsOf(p: GridPeriod, offers: readonly number[], column: number | null): number[] {
  return periodMonths(p).flatMap((m) =>
    offers.flatMap((o) =>
      Array.from({ length: WIDTH }, (_, j) => j).flatMap((j) =>
        column === null || column === j ? [at(m.index, o, j)] : [],
      ),
    ),
  );
}

const indicator = (cells: readonly number[]) => {
  const v = new Array<number>(unknowns).fill(0);
  for (const c of cells) v[c] = 1;
  return v;
};

describe("PublishedGrid", () => {
  it("gives no count under the threshold away to any two scopes and periods, subtracted", () => {
    fc.assert(
      fc.property(grid, query, query, (counts, a, b) => {
        const g = new PublishedGrid(
          YEAR,
          WIDTH,
          counts.map((months, o) => ({ offerId: String(o), providerId: o < 2 ? "P" : "Q", months })),
        );
        const truth = (cells: readonly number[]) =>
          cells.reduce(
            (n, c) =>
              n + counts[Math.floor(c / WIDTH) % OFFERS]![Math.floor(c / WIDTH / OFFERS)]![c % WIDTH]!,
            0,
          );
        const shown: number[][] = [];
        for (const q of [a, b]) {
          const p = parsePeriodKey(q.period)!;
          const t = g.table(q.offers.map(String), p);
          const figures: [number | null, number[]][] = [
            ...q.offers.flatMap((o, i): [number | null, number[]][] => [
              ...t.cells[i]!.map((v, j): [number | null, number[]] => [v, cellsOf(p, [o], j)]),
              [t.rowTotals[i]!, cellsOf(p, [o], null)],
            ]),
            ...t.columnTotals.map((v, j): [number | null, number[]] => [v, cellsOf(p, q.offers, j)]),
            [t.total, cellsOf(p, q.offers, null)],
          ];
          for (const [value, cells] of figures) {
            if (value === null) continue;
            // Shown figures are true, and never small.
            expect(value).toBe(truth(cells));
            expect(value === 0 || value >= SMALL_COUNT_THRESHOLD).toBe(true);
            shown.push(indicator(cells));
          }
        }
        // Small figures of single offers and of both scopes, in every period.
        const base = rank(shown);
        for (const p of yearPeriods(YEAR))
          for (const offers of [...Array.from({ length: OFFERS }, (_, o) => [o]), a.offers, b.offers])
            for (const column of [null, ...Array.from({ length: WIDTH }, (_, j) => j)]) {
              const cells = cellsOf(p, offers, column);
              const value = truth(cells);
              if (value > 0 && value < SMALL_COUNT_THRESHOLD)
                expect(rank([...shown, indicator(cells)]), `${periodKey(p)} ${offers} ${column}`).toBe(
                  base + 1,
                );
            }
      }),
      { numRuns: 40 },
    );
  });

  it("publishes a scope's total only as the sum of its offers' published figures", () => {
    const months = (v: number) => Array.from({ length: 12 }, (_, m) => (m === 0 ? [v, 10] : [0, 0]));
    const g = new PublishedGrid(YEAR, 2, [
      { offerId: "small", providerId: "P", months: months(3) },
      { offerId: "large", providerId: "Q", months: months(20) },
    ]);
    const january = parsePeriodKey(`${YEAR}-01`)!;
    expect(g.offer("small", january).cells[0]).toBeNull();
    expect(g.offer("large", january)).toEqual({ cells: [20, 10], total: 30 });
    // With the small offer's first column hidden, no scope holding it publishes that column.
    expect(g.sum(["small", "large"], january).cells[0]).toBeNull();
    expect(g.sum(["large"], january).cells[0]).toBe(20);
    // An offer without counts adds zeros.
    expect(g.sum(["large", "none"], january)).toEqual({ cells: [20, 10], total: 30 });
  });

  it("remembers a provider's pattern by its counts, and refuses what is not a year of counts", () => {
    const rows = [Array.from({ length: 12 }, () => [3, 9])];
    expect(providerYear(YEAR, rows)).toBe(
      providerYear(
        YEAR,
        rows.map((r) => r.map((m) => [...m])),
      ),
    );
    expect(() => new PublishedGrid(YEAR, 2, [{ offerId: "a", providerId: "P", months: [[1, 2]] }])).toThrow(
      RangeError,
    );
    expect(() => providerYear(YEAR, [Array.from({ length: 12 }, () => [-1])])).toThrow(RangeError);
  });
});
