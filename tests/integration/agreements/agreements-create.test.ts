import { describe, expect, it } from "vitest";
import { successData, validationIssues } from "../../support/answers.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { captureWrites } from "../../support/writes.js";
import {
  agreementInput,
  createMutation,
  expectNothingWritten,
  hmrEditor,
  mutate,
  trondheimEditor,
} from "./agreement-fixtures.js";

// createAgreement: the agreement with its audit entry and event, and every refusal writing nothing.

useSeededDatabase();

describe("createAgreement", () => {
  it("registers an agreement with parties and responsibilities, with one audit entry and one event", async () => {
    const input = agreementInput();
    const { result, audits, events } = await captureWrites(db, () =>
      mutate(hmrEditor, createMutation, input),
    );
    expect(result.__typename).toBe("MutationCreateAgreementSuccess");
    const created = successData(result);
    expect(created).toMatchObject({
      title: input.title,
      statutory: true,
      validFrom: input.validFrom,
      validTo: input.validTo,
      expiresInDays: 10,
      status: "ACTIVE",
      version: 1,
    });
    expect(created.parties.map((p) => p.role).sort()).toEqual(["HOSPITAL_TRUST", "MUNICIPALITY"]);
    expect(created.responsibilities.find((r) => r.organisation.id === orgId("mun:1505"))?.offerKinds).toEqual(
      ["GROUP_COURSE"],
    );
    expect(audits).toEqual([
      expect.objectContaining({
        action: "agreement.create",
        entityType: "Agreement",
        entityId: created.id,
        organisationId: orgId("hf:hmr"),
      }),
    ]);
    expect(events).toEqual([
      expect.objectContaining({
        type: "agreement.created",
        aggregateType: "Agreement",
        aggregateId: created.id,
        payload: { id: created.id, version: 1, validTo: input.validTo, status: "ACTIVE" },
      }),
    ]);
  });

  it("names every bad field, in Norwegian and English, and writes nothing", async () => {
    await expectNothingWritten(async () => {
      const result = await mutate(
        hmrEditor,
        createMutation,
        agreementInput({ title: "  ", validFrom: "2025-02-30", documentUrl: "avtale.pdf" }),
      );
      expect(result.__typename).toBe("ValidationError");
      expect(
        validationIssues(result)!
          .map((i) => i.field)
          .sort(),
      ).toEqual(["documentUrl", "title", "validFrom"]);
      for (const issue of validationIssues(result)!) {
        expect(issue.message).not.toBe("");
        expect(issue.messageNb).not.toBe("");
      }
    });
  });

  it("applies the agreement rules: period, one hospital trust, responsibilities of parties", async () => {
    await expectNothingWritten(async () => {
      const result = await mutate(
        hmrEditor,
        createMutation,
        agreementInput({
          validFrom: "2026-01-01",
          validTo: "2025-12-31",
          parties: [
            { organisationId: orgId("hf:hmr"), role: "HOSPITAL_TRUST" },
            { organisationId: orgId("hf:stolav"), role: "HOSPITAL_TRUST" },
            { organisationId: orgId("mun:1505"), role: "MUNICIPALITY" },
          ],
          responsibilities: [{ organisationId: orgId("uo:ffo-mr"), description: "Brukerrepresentanter" }],
        }),
      );
      expect(result.__typename).toBe("ValidationError");
      expect(validationIssues(result)!.map((i) => [i.field, i.code])).toEqual([
        ["validTo", "ends_before_start"],
        ["parties", "statutory_needs_one_hospital_trust"],
        ["responsibilities.0.organisationId", "not_a_party"],
      ]);
      expect(validationIssues(result)![0]!.messageNb).toBe("En avtale kan ikke slutte før den begynner");
    });
  });

  it("refuses a party whose role does not fit the organisation", async () => {
    await expectNothingWritten(async () => {
      const result = await mutate(
        hmrEditor,
        createMutation,
        agreementInput({
          parties: [
            { organisationId: orgId("hf:hmr"), role: "HOSPITAL_TRUST" },
            { organisationId: orgId("mun:1505"), role: "MUNICIPALITY" },
            { organisationId: orgId("uo:ffo-mr"), role: "UNIVERSITY" },
          ],
        }),
      );
      expect(validationIssues(result)!.map((i) => [i.field, i.code])).toEqual([
        ["parties.2.role", "role_does_not_fit"],
      ]);
    });
  });

  it("refuses a foreign organisation, a role without editing rights and a creator outside the parties", async () => {
    for (const viewer of [
      trondheimEditor,
      viewerWith([{ org: "hf:hmr", role: "REPORTER" }]),
      viewerWith([{ org: "hf-community:mr", role: "FORUM_MEMBER" }]),
      null,
    ]) {
      await expectNothingWritten(async () => {
        const response = await testGateway(db, viewer).query(createMutation, { input: agreementInput() });
        expect(response.errors?.[0]?.message).toMatch(/not authorized/i);
      });
    }
    // An editor of the trust cannot make an agreement between two other organisations.
    await expectNothingWritten(async () => {
      const response = await testGateway(db, hmrEditor).query(createMutation, {
        input: agreementInput({
          subAgreement: null,
          parties: [
            { organisationId: orgId("mun:1505"), role: "MUNICIPALITY" },
            { organisationId: orgId("uo:ffo-mr"), role: "USER_ORGANISATION" },
          ],
          responsibilities: [],
        }),
      });
      expect(response.errors?.[0]?.message).toMatch(/not authorized/i);
    });
  });
});
