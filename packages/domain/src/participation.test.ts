import { describe, expect, it } from "vitest";
import { DomainValidationError } from "./errors.js";
import {
  correctParticipationReportInput,
  norwegianToday,
  pamMeanBounds,
  participationIssues,
  reportPamEvaluationInput,
  reportParticipationInput,
} from "./participation.js";
import { personalDataIn } from "./personal-data.js";
import { parseInput } from "./validation.js";

const reporterId = "0195f3a0-1c2d-7e3f-8a4b-5c6d7e8f9a0b";
const offerId = "0195f3a0-1c2d-7e3f-8a4b-5c6d7e8f9a0c";

const report = {
  reporterId,
  offerId,
  periodStart: "2025-01-01",
  periodEnd: "2025-06-30",
  patients: 12,
  carers: 4,
  userRepsPlanning: 1,
  userRepsDelivery: 2,
};

function issuesOf(schema: Parameters<typeof parseInput>[0], input: unknown) {
  try {
    parseInput(schema, input);
  } catch (e) {
    if (e instanceof DomainValidationError) return e.issues;
    throw e;
  }
  return [];
}

describe("participation report input", () => {
  it("accepts aggregates and fills absent counts with 0", () => {
    const parsed = parseInput(reportParticipationInput, report);
    expect(parsed.parents).toBe(0);
    expect(parsed.userRepsEvaluation).toBe(0);
  });

  it("needs exactly one subject", () => {
    const both = issuesOf(reportParticipationInput, { ...report, meetingPointId: offerId });
    expect(both.map((i) => i.code)).toContain("one_subject");
    const neither = issuesOf(reportParticipationInput, { ...report, offerId: null });
    expect(neither.find((i) => i.code === "one_subject")?.field).toBe("offerId");
  });

  it("refuses negative, fractional and absurd counts", () => {
    const issues = issuesOf(reportParticipationInput, {
      ...report,
      patients: -1,
      carers: 2.5,
      others: 1_000_000,
    });
    expect(issues.map((i) => i.field).sort()).toEqual(["carers", "others", "patients"]);
  });

  it("checks the period: order, future, length", () => {
    const today = "2026-11-23";
    const f = {
      ...report,
      patients: 5,
      carers: 0,
      childrenAndYouth: 0,
      parents: 0,
      others: 0,
      userRepsEvaluation: 0,
    };
    const codes = (s: string, e: string) =>
      participationIssues({ ...f, periodStart: s, periodEnd: e }, today).map((i) => i.code);
    expect(codes("2026-02-01", "2026-01-01")).toEqual(["ends_before_start"]);
    expect(codes("2026-11-01", "2026-11-24")).toEqual(["in_future"]);
    expect(codes("2026-11-01", "2026-11-23")).toEqual([]);
    expect(codes("2024-01-01", "2025-06-30")).toEqual(["period_too_long"]);
    expect(codes("2024-01-01", "2024-12-31")).toEqual([]);
  });

  it("needs a participant and no more user representatives than participants in any phase", () => {
    const nobody = issuesOf(reportParticipationInput, {
      ...report,
      patients: 0,
      carers: 0,
      userRepsPlanning: 0,
      userRepsDelivery: 0,
    });
    expect(nobody.map((i) => i.code)).toEqual(["no_participants"]);
    const swapped = issuesOf(reportParticipationInput, {
      ...report,
      patients: 2,
      carers: 0,
      userRepsDelivery: 3,
    });
    expect(swapped).toHaveLength(1);
    expect(swapped[0]).toMatchObject({ field: "userRepsDelivery", code: "more_reps_than_participants" });
    expect(swapped[0]!.messageNb).toMatch(/brukerrepresentanter/);
  });

  it("refuses personal data in notes, naming the field, in both languages", () => {
    const issues = issuesOf(reportParticipationInput, { ...report, notes: "Deltaker 01019012345 sluttet" });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: "notes", code: "personal_data" });
    expect(issues[0]!.message).toMatch(/national identity number/);
    expect(issues[0]!.messageNb).toMatch(/fødselsnummer/);
    expect(
      parseInput(reportParticipationInput, { ...report, notes: "  Kurset gikk over 8 kvelder  " }).notes,
    ).toBe("Kurset gikk over 8 kvelder");
  });

  it("checks each field of a correction on its own", () => {
    const issues = issuesOf(correctParticipationReportInput, {
      id: offerId,
      version: 0,
      patients: -2,
      notes: "ring 912 34 567",
    });
    expect(issues.map((i) => i.field).sort()).toEqual(["notes", "patients", "version"]);
  });
});

describe("personal data detection", () => {
  it.each([
    ["fnr 01019012345", ["NATIONAL_IDENTITY_NUMBER"]],
    ["fnr 010190 12345", ["NATIONAL_IDENTITY_NUMBER"]],
    ["skriv til kari@example.no", ["EMAIL"]],
    ["ring 91234567", ["PHONE"]],
    ["ring +47 912 34 567", ["PHONE"]],
    ["ring 73 86 80 00", ["PHONE"]],
  ])("finds it in %s", (text, kinds) => {
    expect(personalDataIn(text)).toEqual(kinds);
  });

  it.each([
    "12 deltakere, 3 pårørende",
    "Kurs 2024 2025, kl. 10.00-12.00 den 12.03.2024",
    "Oppfølging etter 6 uker; A0099 registrert",
    "Org.nr. 983 658 725 deltok",
  ])("lets ordinary notes through: %s", (text) => {
    expect(personalDataIn(text)).toEqual([]);
  });
});

describe("PAM input", () => {
  const pam = {
    offerId,
    periodStart: "2025-01-01",
    periodEnd: "2025-06-30",
    respondentsBefore: 10,
    respondentsAfter: 8,
    meanScoreBefore: 52.4,
    meanScoreAfter: 60.1,
    levelsBefore: [3, 4, 2, 1],
    levelsAfter: [1, 2, 3, 2],
  };

  it("accepts consistent aggregates", () => {
    expect(parseInput(reportPamEvaluationInput, pam).meanScoreAfter).toBe(60.1);
  });

  it("needs the levels to add up to the respondents", () => {
    const issues = issuesOf(reportPamEvaluationInput, { ...pam, levelsAfter: [1, 2, 3, 3] });
    expect(issues.map((i) => [i.field, i.code])).toEqual([["levelsAfter", "levels_sum"]]);
  });

  it("refuses a mean score the levels cannot produce", () => {
    const issues = issuesOf(reportPamEvaluationInput, { ...pam, meanScoreBefore: 80 });
    expect(issues.map((i) => [i.field, i.code])).toEqual([["meanScoreBefore", "mean_outside_levels"]]);
    expect(pamMeanBounds([0, 0, 0, 4])).toEqual([67.1, 100]);
  });

  it("refuses scores outside 0–100, a wrong number of levels and nobody answering", () => {
    const issues = issuesOf(reportPamEvaluationInput, {
      ...pam,
      meanScoreBefore: 101,
      levelsAfter: [1, 2, 5],
      respondentsAfter: 0,
    });
    expect(issues.map((i) => i.field).sort()).toEqual(["levelsAfter", "meanScoreBefore", "respondentsAfter"]);
  });
});

describe("norwegianToday", () => {
  it("uses Norwegian time, not UTC", () => {
    expect(norwegianToday(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(norwegianToday(new Date("2026-01-15T12:00:00Z"))).toBe("2026-01-15");
  });
});
