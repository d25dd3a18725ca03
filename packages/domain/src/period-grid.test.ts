import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  gridPeriodKey,
  parsePeriodKey,
  periodChildren,
  periodKey,
  periodMonths,
  periodRange,
  yearPeriods,
} from "./period-grid.js";

describe("the period grid", () => {
  it("parses the four kinds of key and nothing else", () => {
    expect(parsePeriodKey("2026")).toEqual({ kind: "YEAR", year: 2026, index: 1 });
    expect(parsePeriodKey("2026-H2")).toEqual({ kind: "HALF_YEAR", year: 2026, index: 2 });
    expect(parsePeriodKey("2026-Q3")).toEqual({ kind: "QUARTER", year: 2026, index: 3 });
    expect(parsePeriodKey("2026-03")).toEqual({ kind: "MONTH", year: 2026, index: 3 });
    for (const bad of [
      "2026-13",
      "2026-00",
      "2026-Q5",
      "2026-H3",
      "26",
      "2026-03-01",
      "1999",
      " 2026",
      "2026-q1",
    ])
      expect(parsePeriodKey(bad), bad).toBeNull();
    expect(gridPeriodKey.safeParse("2026-01-01").success).toBe(false);
    expect(gridPeriodKey.parse("2026-Q1")).toBe("2026-Q1");
  });

  it("maps each period to a half-open UTC range that its children tile", () => {
    expect(periodRange(parsePeriodKey("2026-Q4")!)).toEqual({
      start: new Date("2026-10-01T00:00:00Z"),
      end: new Date("2027-01-01T00:00:00Z"),
    });
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), (year) => {
        const periods = yearPeriods(year);
        expect(periods).toHaveLength(19);
        for (const p of periods) {
          expect(parsePeriodKey(periodKey(p))).toEqual(p);
          const kids = periodChildren(p);
          if (p.kind === "MONTH") {
            expect(kids).toEqual([]);
            continue;
          }
          expect(periodRange(kids[0]!).start).toEqual(periodRange(p).start);
          expect(periodRange(kids.at(-1)!).end).toEqual(periodRange(p).end);
          for (let k = 1; k < kids.length; k++)
            expect(periodRange(kids[k]!).start).toEqual(periodRange(kids[k - 1]!).end);
          expect(periodMonths(p).flatMap((m) => periodKey(m))).toEqual(
            kids.flatMap((k) => periodMonths(k).map(periodKey)),
          );
        }
      }),
    );
  });
});
