import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type SuppressedTable, smallCountThresholdSetting, suppressSmallCounts } from "./suppression.js";
import { rank } from "./testing/rank.js";

// The oracle is independent of the algorithm's graph reasoning: it writes down the equations a
// reader of the published table has (each extended row and column adds up) and asks, by linear
// algebra, whether any hidden cell is pinned down by them.

type Cell = [number, number];

function extended(cells: number[][]): number[][] {
  const rows = cells.length;
  const cols = cells[0]!.length;
  const ext = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0));
  for (const [i, row] of cells.entries())
    for (const [j, v] of row.entries()) {
      ext[i]![j] = v;
      ext[i]![cols]! += v;
      ext[rows]![j]! += v;
      ext[rows]![cols]! += v;
    }
  return ext;
}

function hiddenCells(t: SuppressedTable): Cell[] {
  const out: Cell[] = [];
  const rows = t.cells.length;
  const cols = t.columnTotals.length;
  for (const [i, row] of t.cells.entries())
    for (const [j, v] of row.entries()) if (v === null) out.push([i, j]);
  for (const [i, v] of t.rowTotals.entries()) if (v === null) out.push([i, cols]);
  for (const [j, v] of t.columnTotals.entries()) if (v === null) out.push([rows, j]);
  if (t.total === null) out.push([rows, cols]);
  return out;
}

/** Hidden cells whose value the published equations determine. */
function derivable(rows: number, cols: number, hidden: Cell[]): Cell[] {
  const index = new Map(hidden.map(([i, j], k) => [`${i},${j}`, k]));
  const equations: number[][] = [];
  // In each equation the margin (last index) carries −1, the cells it sums +1.
  const coefficient = (index: number, last: number) => (index === last ? -1 : 1);
  for (let i = 0; i <= rows; i++) {
    const eq = new Array<number>(hidden.length).fill(0);
    for (let j = 0; j <= cols; j++) {
      const k = index.get(`${i},${j}`);
      if (k !== undefined) eq[k] = coefficient(j, cols);
    }
    equations.push(eq);
  }
  for (let j = 0; j <= cols; j++) {
    const eq = new Array<number>(hidden.length).fill(0);
    for (let i = 0; i <= rows; i++) {
      const k = index.get(`${i},${j}`);
      if (k !== undefined) eq[k] = coefficient(i, rows);
    }
    equations.push(eq);
  }
  const base = rank(equations);
  return hidden.filter((_, k) => {
    const unit = new Array<number>(hidden.length).fill(0);
    unit[k] = 1;
    return rank([...equations, unit]) === base;
  });
}

const count = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 5, arbitrary: fc.integer({ min: 5, max: 60 }) },
);
const table = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }))
  .chain(([r, c]) =>
    fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
  );

describe("suppressSmallCounts", () => {
  it("has an oracle that sees what primary suppression alone gives away", () => {
    // [[3, 20]] with only the 3 hidden: 23 − 20.
    expect(
      derivable(1, 2, [
        [0, 0],
        [1, 0],
      ]),
    ).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(
      derivable(2, 2, [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ]),
    ).toEqual([]);
  });

  it("publishes only true values, and hides every count from 1 to 4, totals included", () => {
    fc.assert(
      fc.property(table, (cells) => {
        const t = suppressSmallCounts(cells);
        const ext = extended(cells);
        const rows = cells.length;
        const cols = cells[0]!.length;
        const published = (i: number, j: number) =>
          i < rows && j < cols
            ? t.cells[i]![j]
            : i < rows
              ? t.rowTotals[i]
              : j < cols
                ? t.columnTotals[j]
                : t.total;
        for (let i = 0; i <= rows; i++)
          for (let j = 0; j <= cols; j++) {
            const v = published(i, j);
            const truth = ext[i]![j]!;
            if (truth > 0 && truth < 5) expect(v).toBeNull();
            if (v !== null) expect(v).toBe(truth);
          }
      }),
      { numRuns: 500 },
    );
  });

  it("leaves no hidden cell derivable from the published totals", () => {
    fc.assert(
      fc.property(table, (cells) => {
        const t = suppressSmallCounts(cells);
        expect(derivable(cells.length, cells[0]!.length, hiddenCells(t))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("changes nothing when no count is small", () => {
    const large = fc.oneof(fc.constant(0), fc.integer({ min: 5, max: 100 }));
    fc.assert(
      fc.property(
        fc.array(fc.array(large, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        (cells) => {
          expect(hiddenCells(suppressSmallCounts(cells))).toEqual([]);
        },
      ),
    );
  });

  it("honours another threshold", () => {
    const t = suppressSmallCounts([[9, 30]], 10);
    expect(t.cells[0]![0]).toBeNull();
    expect(t.columnTotals[0]).toBeNull();
    expect(t.rowTotals[0]).toBe(39);
  });

  it("hides complementary cells so the totals cannot give a small one away", () => {
    // Row 0: 3 is small; with the row total 23 published, 20 would give it away, and hiding 20
    // too is undone by the column totals unless row 1 is hidden as well: the cheapest cycle.
    const t = suppressSmallCounts([
      [3, 20],
      [15, 12],
    ]);
    expect(t).toEqual({
      cells: [
        [null, null],
        [null, null],
      ],
      rowTotals: [23, 27],
      columnTotals: [18, 32],
      total: 50,
    });
  });

  it("hides the matching column totals of a single row", () => {
    expect(suppressSmallCounts([[3, 10, 40]])).toEqual({
      cells: [[null, null, 40]],
      rowTotals: [53],
      columnTotals: [null, null, 40],
      total: 53,
    });
  });

  it("rejects what is not a table of counts", () => {
    expect(() => suppressSmallCounts([[1, 2], [3]])).toThrow(RangeError);
    expect(() => suppressSmallCounts([[-1]])).toThrow(RangeError);
    expect(() => suppressSmallCounts([[1.5]])).toThrow(RangeError);
  });

  it("takes a deployment's threshold of 5 or more, never less", () => {
    expect(smallCountThresholdSetting.parse(undefined)).toBe(5);
    expect(smallCountThresholdSetting.parse("12")).toBe(12);
    expect(smallCountThresholdSetting.safeParse("4").success).toBe(false);
    expect(smallCountThresholdSetting.safeParse("6.5").success).toBe(false);
  });
});
