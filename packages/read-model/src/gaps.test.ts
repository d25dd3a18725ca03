import { describe, expect, it } from "vitest";
import { daysUntil, findGaps, horizonEnd, needsAttention } from "./gaps.js";

const groups = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe("findGaps", () => {
  it("reports a municipality without offers once, not once per priority group", () => {
    const gaps = findGaps({
      municipalityNumbers: ["1505", "1506"],
      totals: new Map([["1506", 2]]),
      byPriorityGroup: new Map([
        [
          "1506",
          groups({
            CHILDREN_AND_YOUTH: 1,
            SEVERE_MENTAL_ILLNESS_AND_SUBSTANCE_USE: 1,
            FRAIL_ELDERLY: 1,
            MULTIPLE_CHRONIC_CONDITIONS: 1,
          }),
        ],
      ]),
    });
    expect(gaps).toEqual([
      { kind: "MUNICIPALITY_WITHOUT_OFFER", municipalityNumber: "1505", priorityGroup: null },
    ]);
  });

  it("reports a priority group missing everywhere once, and per municipality where others have it", () => {
    const gaps = findGaps({
      municipalityNumbers: ["1505", "1506"],
      totals: new Map([
        ["1505", 1],
        ["1506", 1],
      ]),
      byPriorityGroup: new Map([
        ["1505", groups({ FRAIL_ELDERLY: 1, CHILDREN_AND_YOUTH: 1, MULTIPLE_CHRONIC_CONDITIONS: 1 })],
        ["1506", groups({ FRAIL_ELDERLY: 1, MULTIPLE_CHRONIC_CONDITIONS: 1 })],
      ]),
    });
    expect(gaps).toEqual([
      {
        kind: "PRIORITY_GROUP_MISSING_IN_MUNICIPALITY",
        municipalityNumber: "1506",
        priorityGroup: "CHILDREN_AND_YOUTH",
      },
      {
        kind: "PRIORITY_GROUP_WITHOUT_OFFER",
        municipalityNumber: null,
        priorityGroup: "SEVERE_MENTAL_ILLNESS_AND_SUBSTANCE_USE",
      },
    ]);
  });

  it("reports every priority group when no municipality in scope has an offer", () => {
    const gaps = findGaps({ municipalityNumbers: ["1505"], totals: new Map(), byPriorityGroup: new Map() });
    expect(gaps.filter((g) => g.kind === "PRIORITY_GROUP_WITHOUT_OFFER")).toHaveLength(4);
    expect(gaps.filter((g) => g.kind === "MUNICIPALITY_WITHOUT_OFFER")).toHaveLength(1);
  });

  it("has nothing to say about an empty scope", () => {
    expect(findGaps({ municipalityNumbers: [], totals: new Map(), byPriorityGroup: new Map() })).toEqual([]);
  });
});

describe("time rules", () => {
  const today = new Date("2026-03-01T15:30:00Z");

  it("counts calendar days in UTC, whatever the time of day", () => {
    expect(daysUntil(new Date("2026-03-01T00:00:00Z"), today)).toBe(0);
    expect(daysUntil(new Date("2026-05-30T00:00:00Z"), today)).toBe(90);
    expect(daysUntil(new Date("2026-02-27T23:00:00Z"), today)).toBe(-2);
  });

  it("needs attention within 90 days and when overdue, not later", () => {
    expect(needsAttention(new Date("2026-05-30"), today)).toBe(90);
    expect(needsAttention(new Date("2026-05-31"), today)).toBeNull();
    expect(needsAttention(new Date("2025-12-01"), today)).toBe(-90);
    expect(needsAttention(null, today)).toBeNull();
  });

  it("ends the horizon on the 90th day", () => {
    expect(horizonEnd(today).toISOString()).toBe("2026-05-30T00:00:00.000Z");
  });
});
