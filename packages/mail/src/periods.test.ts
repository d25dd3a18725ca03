import { describe, expect, it } from "vitest";
import { halfYearOf, isoWeekKey, reportYearOf } from "./periods.js";

describe("period keys", () => {
  it("numbers ISO weeks by the Oslo date, with the Thursday rule at year ends", () => {
    expect(isoWeekKey(new Date("2026-11-23T06:00:00Z"))).toBe("2026-W48");
    // Sunday 23:30 in Oslo is still week 47 although UTC says Sunday 22:30.
    expect(isoWeekKey(new Date("2026-11-22T22:30:00Z"))).toBe("2026-W47");
    // Monday 00:30 Oslo (Sunday 23:30 UTC) already belongs to the next week.
    expect(isoWeekKey(new Date("2026-11-22T23:30:00Z"))).toBe("2026-W48");
    expect(isoWeekKey(new Date("2027-01-01T12:00:00Z"))).toBe("2026-W53");
    expect(isoWeekKey(new Date("2024-12-30T12:00:00Z"))).toBe("2025-W01");
  });

  it("splits the year into halves in Oslo time", () => {
    expect(halfYearOf(new Date("2026-06-30T21:59:00Z")).key).toBe("2026-H1");
    // 1 July 00:00 in Oslo is 30 June 22:00 UTC.
    const second = halfYearOf(new Date("2026-06-30T22:00:00Z"));
    expect(second.key).toBe("2026-H2");
    expect(second.start.toISOString().slice(0, 10)).toBe("2026-07-01");
    expect(second.end.toISOString().slice(0, 10)).toBe("2026-12-31");
  });

  it("reports on the year before the January run", () => {
    const r = reportYearOf(new Date("2027-01-15T06:00:00Z"));
    expect(r.year).toBe(2026);
    expect(r.start.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(r.end.toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });
});
