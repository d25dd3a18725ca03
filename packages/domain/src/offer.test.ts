import { describe, expect, it } from "vitest";
import { DomainValidationError } from "./errors.js";
import {
  assertTransition,
  canTransition,
  createOfferInput,
  publishProblems,
  taskDivisionFlag,
} from "./offer.js";
import { validOfferDraft } from "./testing/offer-draft.js";
import { parseInput } from "./validation.js";

const valid = validOfferDraft;

const publishable = {
  audiences: ["PATIENTS"] as const,
  format: "PHYSICAL" as const,
  location: "Molde",
  contactEmail: "post@molde.kommune.no",
  diagnosisScope: "DIAGNOSIS_INDEPENDENT" as const,
  diagnosisCodes: [],
  diagnosisGroups: [],
  languages: ["nb"],
  municipalityNumbers: ["1506"],
};

describe("offer input", () => {
  it("accepts a minimal draft and fills defaults", () => {
    const parsed = parseInput(createOfferInput, valid);
    expect(parsed.languages).toEqual(["nb"]);
    expect(parsed.audiences).toEqual([]);
  });

  it("names every bad field, in English and Norwegian", () => {
    try {
      parseInput(createOfferInput, {
        ...valid,
        title: "",
        languages: ["xx"],
        contactEmail: "nope",
        diagnosisCodes: ["E1"],
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainValidationError);
      const issues = (error as DomainValidationError).issues;
      expect(issues.map((i) => i.field).sort()).toEqual([
        "contactEmail",
        "diagnosisCodes.0",
        "languages.0",
        "title",
      ]);
      for (const issue of issues) {
        expect(issue.message).not.toBe("");
        expect(issue.messageNb).not.toBe("");
      }
      const title = issues.find((i) => i.field === "title")!;
      expect(title.messageNb).not.toEqual(title.message);
    }
  });

  it("rejects unknown fields instead of ignoring them", () => {
    expect(() => parseInput(createOfferInput, { ...valid, status: "PUBLISHED" })).toThrow(
      DomainValidationError,
    );
  });

  it("requires interdisciplinary content for A0099", () => {
    expect(() => parseInput(createOfferInput, { ...valid, a0099Eligible: true })).toThrow(
      /interdisciplinary/,
    );
    expect(
      parseInput(createOfferInput, { ...valid, a0099Eligible: true, interdisciplinary: true }).a0099Eligible,
    ).toBe(true);
  });
});

describe("publishing", () => {
  it("passes a complete offer", () => {
    expect(publishProblems(publishable)).toEqual([]);
  });

  it("lists what is missing", () => {
    const problems = publishProblems({ ...publishable, audiences: [], contactEmail: null, format: "HYBRID" });
    expect(problems.map((p) => p.field).sort()).toEqual(["audiences", "contactEmail", "onlineUrl"]);
  });

  it("needs a diagnosis for diagnosis-specific offers", () => {
    const problems = publishProblems({ ...publishable, diagnosisScope: "DIAGNOSIS_SPECIFIC" });
    expect(problems.map((p) => p.field)).toEqual(["diagnosisCodes"]);
  });

  it("follows the lifecycle", () => {
    expect(canTransition("DRAFT", "PUBLISHED")).toBe(true);
    expect(canTransition("PUBLISHED", "DRAFT")).toBe(false);
    expect(canTransition("ARCHIVED", "PUBLISHED")).toBe(false);
    expect(() => assertTransition("ARCHIVED", "PAUSED", publishable)).toThrow(DomainValidationError);
    expect(() => assertTransition("DRAFT", "PUBLISHED", { ...publishable, audiences: [] })).toThrow(
      /audience/,
    );
  });
});

describe("task division", () => {
  it("flags a municipality's diagnosis-specific offer, and only that", () => {
    expect(taskDivisionFlag("MUNICIPALITY", "DIAGNOSIS_SPECIFIC").flagged).toBe(true);
    expect(taskDivisionFlag("MUNICIPALITY", "DIAGNOSIS_INDEPENDENT").flagged).toBe(false);
    expect(taskDivisionFlag("HOSPITAL_TRUST", "DIAGNOSIS_SPECIFIC").flagged).toBe(false);
  });
});
