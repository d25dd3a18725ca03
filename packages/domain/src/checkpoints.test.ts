import { describe, expect, it } from "vitest";
import {
  type CheckpointRule,
  checkpointFollowing,
  checkpointRuleIssues,
  nextCheckpoint,
} from "./checkpoints.js";
import { cadences } from "./enums.js";

const base = { checkpointYear: null, cadenceYears: null, cadenceMonth: null, startYear: null };
const today = new Date("2026-11-23T00:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

// One row per cadence the two plans write (and quarterly, which the model also offers): the
// schedule as written, the rule it is read as, and the next checkpoint on or after 23 Nov 2026.
const table: { written: string; rule: CheckpointRule; next: string | null; afterMet: string | null }[] = [
  {
    written: "Årlig desember",
    rule: { ...base, cadence: "ANNUAL", cadenceMonth: 12 },
    next: "2026-12-31",
    afterMet: "2027-12-31",
  },
  {
    written: "Årlig mai 2024",
    rule: { ...base, cadence: "ANNUAL", cadenceMonth: 5, checkpointYear: 2024 },
    next: "2027-05-31",
    afterMet: "2028-05-31",
  },
  {
    written: "Halvårlig",
    rule: { ...base, cadence: "HALF_YEARLY" },
    next: "2026-12-31",
    afterMet: "2027-06-30",
  },
  {
    written: "Kvartalsvis",
    rule: { ...base, cadence: "QUARTERLY" },
    next: "2026-12-31",
    afterMet: "2027-03-31",
  },
  {
    written: "Etter kurs",
    rule: { ...base, cadence: "AFTER_EACH_COURSE" },
    next: null,
    afterMet: null,
  },
  {
    written: "Hvert 5 år",
    rule: { ...base, cadence: "EVERY_N_YEARS", cadenceYears: 5, startYear: 2023 },
    next: "2028-12-31",
    afterMet: "2033-12-31",
  },
  { written: "Kontinuerlig", rule: { ...base, cadence: "CONTINUOUS" }, next: null, afterMet: null },
  {
    written: "Mai 2025 (one-off, passed: stays overdue)",
    rule: { ...base, cadence: "ONCE", checkpointYear: 2025, cadenceMonth: 5 },
    next: "2025-05-31",
    afterMet: null,
  },
  {
    written: "2027 (one-off)",
    rule: { ...base, cadence: "ONCE", checkpointYear: 2027 },
    next: "2027-12-31",
    afterMet: null,
  },
];

describe("checkpoint cadences", () => {
  it.each(table)("$written: next $next, after it is met $afterMet", ({ rule, next, afterMet }) => {
    const due = nextCheckpoint(rule, today);
    expect(iso(due)).toBe(next);
    // Met on the day it falls due.
    expect(iso(due && checkpointFollowing(rule, due, due))).toBe(afterMet);
  });

  it("has a row for every cadence but OTHER (a schedule the plans do not name)", () => {
    const covered = new Set(table.map((r) => r.rule.cadence));
    expect(cadences.filter((c) => !covered.has(c))).toEqual(["OTHER"]);
  });

  it("half-yearly and quarterly checkpoints follow a named month", () => {
    expect(iso(nextCheckpoint({ ...base, cadence: "HALF_YEARLY", cadenceMonth: 3 }, today))).toBe(
      "2027-03-31",
    );
    expect(iso(nextCheckpoint({ ...base, cadence: "QUARTERLY", cadenceMonth: 2 }, today))).toBe("2026-11-30");
  });

  it("a checkpoint met late counts for the one it made up for, and met early moves past its date", () => {
    const rule: CheckpointRule = { ...base, cadence: "HALF_YEARLY" };
    expect(iso(checkpointFollowing(rule, day("2026-06-30"), day("2027-02-10")))).toBe("2027-06-30");
    expect(iso(checkpointFollowing(rule, day("2026-12-31"), day("2026-12-01")))).toBe("2027-06-30");
  });

  it("refuses a schedule that does not hold together", () => {
    expect(checkpointRuleIssues({ ...base, cadence: "ONCE" }).map((i) => i.code)).toEqual([
      "checkpoint_year_required",
    ]);
    expect(checkpointRuleIssues({ ...base, cadence: "EVERY_N_YEARS" }).map((i) => i.code)).toEqual([
      "cadence_years_mismatch",
    ]);
    expect(checkpointRuleIssues({ ...base, cadence: "ANNUAL", cadenceYears: 2 })).toHaveLength(1);
    expect(checkpointRuleIssues({ ...base, cadence: "HALF_YEARLY" })).toEqual([]);
  });
});
