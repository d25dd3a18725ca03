import { describe, expect, it } from "vitest";
import { successData, validationIssues } from "../../support/answers.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { captureWrites } from "../../support/writes.js";
import {
  createAgreement,
  expectNothingWritten,
  hmrEditor,
  isoDay,
  mutate,
  oneQuery,
  trondheimEditor,
  updateMutation,
} from "./agreement-fixtures.js";

// updateAgreement: versioned edits of the shared fields by the coordinating party's editor, the
// merged rules and the refusals. Who edits which side: agreements-sides.test.ts.

useSeededDatabase();

describe("updateAgreement", () => {
  it("edits as the coordinating party's editor, bumps the version and records the change", async () => {
    const created = await createAgreement();
    const { result, audits, events } = await captureWrites(db, () =>
      mutate(hmrEditor, updateMutation, {
        id: created.id,
        version: 1,
        validTo: isoDay(400),
        status: "ACTIVE",
        title: `${created.title} (fornyet)`,
      }),
    );
    expect(result.__typename).toBe("MutationUpdateAgreementSuccess");
    expect(successData(result)).toMatchObject({ version: 2, validTo: isoDay(400), expiresInDays: 400 });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: "agreement.update",
      entityId: created.id,
      organisationId: orgId("hf:hmr"),
    });
    // Only what changed is in the audit entry; status was sent unchanged.
    expect(Object.keys(audits[0]!.changes as object).sort()).toEqual(["title", "validTo"]);
    expect(events).toEqual([
      expect.objectContaining({
        type: "agreement.updated",
        aggregateId: created.id,
        payload: { id: created.id, version: 2, validTo: isoDay(400), status: "ACTIVE" },
      }),
    ]);
  });

  it("answers a stale version with ConflictError and writes nothing", async () => {
    const created = await createAgreement();
    await mutate(hmrEditor, updateMutation, { id: created.id, version: 1, description: "Første endring" });
    await expectNothingWritten(async () => {
      const result = await mutate(hmrEditor, updateMutation, {
        id: created.id,
        version: 1,
        description: "Andre endring",
      });
      expect(result).toMatchObject({ __typename: "ConflictError", expectedVersion: 1, currentVersion: 2 });
    });
    const row = await db.agreement.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.description).toBe("Første endring");
  });

  it("checks the merged period and party rules against the stored agreement", async () => {
    const created = await createAgreement();
    await expectNothingWritten(async () => {
      const result = await mutate(hmrEditor, updateMutation, {
        id: created.id,
        version: 1,
        validTo: isoDay(-30),
      });
      expect(validationIssues(result)!.map((i) => [i.field, i.code])).toEqual([
        ["validTo", "ends_before_start"],
      ]);
    });
    await expectNothingWritten(async () => {
      // Kristiansund still holds a responsibility, so it cannot leave.
      const result = await mutate(hmrEditor, updateMutation, {
        id: created.id,
        version: 1,
        subAgreement: null,
        parties: [
          { organisationId: orgId("hf:hmr"), role: "HOSPITAL_TRUST" },
          { organisationId: orgId("uo:ffo-mr"), role: "USER_ORGANISATION" },
        ],
      });
      expect(validationIssues(result)!.map((i) => i.code)).toEqual(["party_has_responsibilities"]);
    });
  });

  it("replaces the parties", async () => {
    const created = await createAgreement();
    const result = await mutate(hmrEditor, updateMutation, {
      id: created.id,
      version: 1,
      parties: [
        { organisationId: orgId("hf:hmr"), role: "HOSPITAL_TRUST" },
        { organisationId: orgId("mun:1505"), role: "MUNICIPALITY" },
        { organisationId: orgId("uo:ffo-mr"), role: "USER_ORGANISATION" },
      ],
    });
    expect(successData(result).parties.map((p) => p.organisation.name)).toContain("FFO Møre og Romsdal");
    // The new party's members now see it.
    const seen = await testGateway(db, viewerWith([{ org: "uo:ffo-mr", role: "VIEWER" }])).query(oneQuery, {
      id: created.id,
    });
    expect(seen.data!.agreement?.id).toBe(created.id);
  });

  it("does not let the coordinator write itself out without handing coordination over", async () => {
    const created = await createAgreement({ responsibilities: [] });
    await expectNothingWritten(async () => {
      const result = await mutate(hmrEditor, updateMutation, {
        id: created.id,
        version: 1,
        subAgreement: null,
        parties: [
          { organisationId: orgId("mun:1505"), role: "MUNICIPALITY" },
          { organisationId: orgId("mun:1506"), role: "MUNICIPALITY" },
        ],
      });
      expect(validationIssues(result)!.map((i) => [i.field, i.code])).toEqual([
        ["coordinatorId", "coordinator_not_a_party"],
      ]);
    });
  });

  it("refuses other organisations, viewers and forum members, writing nothing", async () => {
    const created = await createAgreement();
    for (const viewer of [
      trondheimEditor,
      viewerWith([{ org: "mun:1505", role: "VIEWER" }]),
      viewerWith([{ org: "hf-community:mr", role: "FORUM_MEMBER" }]),
    ]) {
      await expectNothingWritten(async () => {
        const result = await mutate(viewer, updateMutation, { id: created.id, version: 1, title: "Kapret" });
        expect(result.__typename).toBe("ForbiddenError");
      });
    }
    // An unknown agreement is refused like a foreign one: the answer does not tell it exists.
    await expectNothingWritten(async () => {
      const result = await mutate(hmrEditor, updateMutation, {
        id: "0195f3a0-1c2d-7e3f-8a4b-5c6d7e8f9a0b",
        version: 1,
        title: "Finnes ikke",
      });
      expect(result.__typename).toBe("ForbiddenError");
    });
    await expectNothingWritten(async () => {
      const response = await testGateway(db, null).query(updateMutation, {
        input: { id: created.id, version: 1, title: "Kapret" },
      });
      expect(response.errors?.[0]?.message).toMatch(/not authorized/i);
    });
  });
});
