import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  createAgreementInput,
  daysUntil,
  partyRoleFits,
  responsibilityIssues,
  setAgreementResponsibilitiesInput,
  updateAgreementInput,
} from "./agreement.js";
import { parseInput, toFieldIssues } from "./validation.js";

const trust = "0195f3a0-1c2d-7e3f-8a4b-5c6d7e8f9a01";
const molde = "0195f3a0-1c2d-7e3f-8a4b-5c6d7e8f9a02";
const ffo = "0195f3a0-1c2d-7e3f-8a4b-5c6d7e8f9a03";
const other = "0195f3a0-1c2d-7e3f-8a4b-5c6d7e8f9a04";

const valid = {
  title: "Samarbeidsavtale om pasient- og pårørendeopplæring",
  subAgreement: "Delavtale 5",
  validFrom: "2025-01-01",
  validTo: "2028-12-31",
  parties: [
    { organisationId: trust, role: "HOSPITAL_TRUST" },
    { organisationId: molde, role: "MUNICIPALITY" },
  ],
  responsibilities: [
    { organisationId: molde, description: "Frisklivstilbud", diagnosisScope: "DIAGNOSIS_INDEPENDENT" },
  ],
};

/** The issues `schema` finds in `input`, as the API reports them. */
function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) return expect.unreachable("expected validation issues");
  return toFieldIssues(result.error);
}

describe("agreement input", () => {
  it("accepts a statutory agreement and fills defaults", () => {
    const parsed = parseInput(createAgreementInput, valid);
    expect(parsed.status).toBe("ACTIVE");
    expect(parsed.description).toBe("");
    expect(parsed.responsibilities[0]?.offerKinds).toEqual([]);
  });

  it("names every bad field in both languages", () => {
    const issues = issuesOf(createAgreementInput, {
      ...valid,
      title: " ",
      validFrom: "2025-02-30",
      documentUrl: "ftp://example.org/avtale.pdf",
      parties: [...valid.parties, { organisationId: "nope", role: "KING" }],
    });
    expect(issues.map((i) => i.field).sort()).toEqual([
      "documentUrl",
      "parties.2.organisationId",
      "parties.2.role",
      "title",
      "validFrom",
    ]);
    for (const issue of issues) {
      expect(issue.message).not.toBe("");
      expect(issue.messageNb).not.toBe("");
    }
  });

  it("refuses an agreement that ends before it starts", () => {
    const issues = issuesOf(createAgreementInput, { ...valid, validTo: "2024-12-31" });
    expect(issues).toEqual([
      expect.objectContaining({
        field: "validTo",
        code: "ends_before_start",
        messageNb: expect.stringMatching(/avtale/),
      }),
    ]);
    expect(parseInput(createAgreementInput, { ...valid, validTo: valid.validFrom }).validTo).toBe(
      valid.validFrom,
    );
  });

  it("needs two distinct parties", () => {
    const one = issuesOf(createAgreementInput, {
      ...valid,
      subAgreement: null,
      parties: [valid.parties[0]],
      responsibilities: [],
    });
    expect(one.map((i) => i.code)).toEqual(["too_few_parties"]);
    const twice = issuesOf(createAgreementInput, {
      ...valid,
      subAgreement: null,
      parties: [valid.parties[1], valid.parties[1]],
      responsibilities: [],
    });
    expect(twice.map((i) => [i.field, i.code])).toEqual([
      ["parties.1.organisationId", "duplicate_party"],
      ["parties", "too_few_parties"],
    ]);
  });

  it("gives a statutory agreement exactly one hospital trust and a municipality", () => {
    const twoTrusts = issuesOf(createAgreementInput, {
      ...valid,
      parties: [...valid.parties, { organisationId: other, role: "HOSPITAL_TRUST" }],
    });
    expect(twoTrusts.map((i) => i.code)).toEqual(["statutory_needs_one_hospital_trust"]);
    const noMunicipality = issuesOf(createAgreementInput, {
      ...valid,
      parties: [valid.parties[0], { organisationId: ffo, role: "USER_ORGANISATION" }],
      responsibilities: [],
    });
    expect(noMunicipality.map((i) => i.code)).toEqual(["statutory_needs_municipality"]);
    // Without a sub-agreement it is an ordinary agreement: any two parties will do.
    const plain = parseInput(createAgreementInput, {
      ...valid,
      subAgreement: null,
      parties: [
        { organisationId: molde, role: "MUNICIPALITY" },
        { organisationId: ffo, role: "USER_ORGANISATION" },
      ],
    });
    expect(plain.parties).toHaveLength(2);
  });

  it("ties every responsibility to a party", () => {
    const issues = issuesOf(createAgreementInput, {
      ...valid,
      responsibilities: [
        ...valid.responsibilities,
        { organisationId: ffo, description: "Brukerrepresentanter" },
      ],
    });
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ["responsibilities.1.organisationId", "not_a_party"],
    ]);
    expect(responsibilityIssues([{ organisationId: trust }], [trust, molde])).toEqual([]);
  });

  it("is strict about unknown fields", () => {
    const issues = issuesOf(createAgreementInput, { ...valid, owner: trust });
    expect(issues[0]?.code).toBe("unrecognized_keys");
  });

  it("checks an update's period when both ends are given", () => {
    const id = trust;
    expect(parseInput(updateAgreementInput, { id, version: 3, title: "Ny tittel" }).title).toBe("Ny tittel");
    const issues = issuesOf(updateAgreementInput, {
      id,
      version: 0,
      validFrom: "2026-01-01",
      validTo: "2025-01-01",
    });
    expect(issues.map((i) => i.field).sort()).toEqual(["validTo", "version"]);
  });

  it("validates a responsibility list", () => {
    const issues = issuesOf(setAgreementResponsibilitiesInput, {
      agreementId: trust,
      version: 1,
      responsibilities: [{ organisationId: molde, description: "", offerKinds: ["COOKING"] }],
    });
    expect(issues.map((i) => i.field).sort()).toEqual([
      "responsibilities.0.description",
      "responsibilities.0.offerKinds.0",
    ]);
  });
});

describe("party roles and expiry", () => {
  it("matches a party role to the organisation kind", () => {
    expect(partyRoleFits("HOSPITAL_TRUST", "HOSPITAL_TRUST")).toBe(true);
    expect(partyRoleFits("HOSPITAL_TRUST", "MUNICIPALITY")).toBe(false);
    expect(partyRoleFits("OTHER", "UNIVERSITY")).toBe(true);
  });

  it("counts whole days to the end of validity", () => {
    const today = new Date("2026-03-01T22:30:00Z");
    expect(daysUntil(new Date("2026-03-31"), today)).toBe(30);
    expect(daysUntil(new Date("2026-03-01"), today)).toBe(0);
    expect(daysUntil(new Date("2026-02-27"), today)).toBe(-2);
    expect(daysUntil(null, today)).toBeNull();
  });
});
