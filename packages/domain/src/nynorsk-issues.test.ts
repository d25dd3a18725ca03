import { describe, expect, it } from "vitest";
import { DomainValidationError, type FieldIssue } from "./errors.js";
import { createOfferInput, publishProblems } from "./offer.js";
import { validOfferDraft } from "./testing/offer-draft.js";
import { parseInput } from "./validation.js";

// Nynorsk readers get nynorsk, not the bokmål text: zod's built-in issues through our own
// renderer, the domain's rules through the text each one is written with.

const valid = validOfferDraft;

function issuesOf(input: unknown): FieldIssue[] {
  try {
    parseInput(createOfferInput, input);
  } catch (error) {
    if (error instanceof DomainValidationError) return error.issues;
    throw error;
  }
  return expect.unreachable("expected validation issues");
}

const at = (issues: FieldIssue[], field: string) => issues.find((i) => i.field === field)!;

describe("nynorsk validation messages", () => {
  it("renders a missing required field in nynorsk", () => {
    const { title: _, ...withoutTitle } = valid;
    const issue = at(issuesOf(withoutTitle), "title");
    expect(issue.code).toBe("invalid_type");
    expect(issue.messageNb).toBe("Ugyldig input: forventet string, fikk undefined");
    expect(issue.messageNn).toBe("Ugyldig input: venta string, fekk undefined");
  });

  it("renders a too short and a too long text in nynorsk, with zod's parameters", () => {
    const empty = at(issuesOf({ ...valid, title: "" }), "title");
    expect(empty.code).toBe("too_small");
    expect(empty.messageNn).toBe("For lite(n): venta at string skulle ha >=1 teikn");
    expect(empty.messageNn).not.toBe(empty.messageNb);
    const long = at(issuesOf({ ...valid, title: "x".repeat(201) }), "title");
    expect(long.code).toBe("too_big");
    expect(long.messageNb).toMatch(/<=200 tegn/);
    expect(long.messageNn).toBe("For stor(t): venta at string skulle ha <=200 teikn");
  });

  it("renders bad formats and enum values in nynorsk", () => {
    const issues = issuesOf({ ...valid, contactEmail: "nope", kind: "PICNIC" });
    expect(at(issues, "contactEmail").messageNn).toBe("Ugyldig e-postadresse");
    expect(at(issues, "kind").messageNn).toMatch(/^Ugyldig val: venta ein av /);
    expect(at(issues, "kind").messageNb).toMatch(/^Ugyldig valg: forventet en av /);
  });

  it("carries a custom refinement's own nynorsk text", () => {
    const issue = at(issuesOf({ ...valid, a0099Eligible: true }), "interdisciplinary");
    expect(issue.code).toBe("a0099_requires_interdisciplinary");
    expect(issue.messageNb).toBe("A0099-aktivitet krever tverrfaglig innhold");
    expect(issue.messageNn).toBe("A0099-aktivitet krev tverrfagleg innhald");
  });

  it("gives every publish rule a nynorsk text of its own", () => {
    const problems = publishProblems({
      audiences: [],
      format: "HYBRID",
      location: null,
      onlineUrl: null,
      contactEmail: null,
      contactPhone: null,
      diagnosisScope: "DIAGNOSIS_SPECIFIC",
      diagnosisCodes: [],
      diagnosisGroups: [],
      languages: [],
      municipalityNumbers: [],
    });
    expect(problems.length).toBeGreaterThanOrEqual(6);
    for (const p of problems) {
      expect(p.messageNn).not.toBe("");
      expect(p.messageNn, p.field).not.toBe(p.messageNb);
    }
  });
});
