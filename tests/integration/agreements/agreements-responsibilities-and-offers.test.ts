import { describe, expect, it } from "vitest";
import { successData, validationIssues } from "../../support/answers.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { captureWrites } from "../../support/writes.js";
import {
  createAgreement,
  expectNothingWritten,
  hmrEditor,
  kristiansundEditor,
  linkMutation,
  mutate,
  oneQuery,
  responsibilitiesMutation,
  trondheimEditor,
  unlinkMutation,
} from "./agreement-fixtures.js";

// setAgreementResponsibilities and linking offers to an agreement.

useSeededDatabase();

describe("setAgreementResponsibilities", () => {
  it("replaces the responsibilities, versioned, with one audit entry and one event", async () => {
    const created = await createAgreement({ responsibilities: [] });
    const responsibilities = [
      {
        organisationId: orgId("mun:1505"),
        description: "Kurs for skrøpelige eldre",
        priorityGroups: ["FRAIL_ELDERLY" as const],
        audiences: ["PATIENTS" as const, "CARERS" as const],
      },
    ];
    const { result, audits, events } = await captureWrites(db, () =>
      mutate(kristiansundEditor, responsibilitiesMutation, {
        agreementId: created.id,
        version: 1,
        responsibilities,
      }),
    );
    expect(successData(result).responsibilities).toEqual([
      {
        description: "Kurs for skrøpelige eldre",
        diagnosisScope: null,
        offerKinds: [],
        audiences: ["PATIENTS", "CARERS"],
        organisation: { id: orgId("mun:1505") },
      },
    ]);
    expect(successData(result).version).toBe(2);
    expect(audits.map((a) => [a.action, a.entityId])).toEqual([["agreement.responsibilities", created.id]]);
    expect(events.map((e) => [e.type, e.aggregateId, (e.payload as { version: number }).version])).toEqual([
      ["agreement.updated", created.id, 2],
    ]);
  });

  it("lets each party edit only its own side", async () => {
    const created = await createAgreement({ responsibilities: [] });
    const hmrSide = { organisationId: orgId("hf:hmr"), description: "Lærings- og mestringskurs" };
    const own = await mutate(hmrEditor, responsibilitiesMutation, {
      agreementId: created.id,
      version: 1,
      responsibilities: [hmrSide],
    });
    expect(successData(own).version).toBe(2);
    // The trust may not write the municipality's side, nor drop or reword it once it is there.
    await expectNothingWritten(async () => {
      const result = await mutate(hmrEditor, responsibilitiesMutation, {
        agreementId: created.id,
        version: 2,
        responsibilities: [hmrSide, { organisationId: orgId("mun:1505"), description: "Pålagt av HF" }],
      });
      expect(result.__typename).toBe("ForbiddenError");
    });
    const municipal = { organisationId: orgId("mun:1505"), description: "Frisklivssentralen" };
    const theirs = await mutate(kristiansundEditor, responsibilitiesMutation, {
      agreementId: created.id,
      version: 2,
      responsibilities: [municipal, hmrSide],
    });
    expect(
      successData(theirs)
        .responsibilities.map((r) => r.description)
        .sort(),
    ).toEqual(["Frisklivssentralen", "Lærings- og mestringskurs"]);
    for (const responsibilities of [[hmrSide], [hmrSide, { ...municipal, description: "Endret av HF" }]]) {
      await expectNothingWritten(async () => {
        const result = await mutate(hmrEditor, responsibilitiesMutation, {
          agreementId: created.id,
          version: 3,
          responsibilities,
        });
        expect(result.__typename).toBe("ForbiddenError");
      });
    }
  });

  it("refuses a responsibility of a non-party and a stale version", async () => {
    const created = await createAgreement();
    await expectNothingWritten(async () => {
      const result = await mutate(hmrEditor, responsibilitiesMutation, {
        agreementId: created.id,
        version: 1,
        responsibilities: [{ organisationId: orgId("mun:5001"), description: "Trondheim" }],
      });
      expect(validationIssues(result)!.map((i) => [i.field, i.code])).toEqual([
        ["responsibilities.0.organisationId", "not_a_party"],
      ]);
    });
    await expectNothingWritten(async () => {
      const result = await mutate(hmrEditor, responsibilitiesMutation, {
        agreementId: created.id,
        version: 7,
        responsibilities: [],
      });
      expect(result.__typename).toBe("ConflictError");
    });
    await expectNothingWritten(async () => {
      const result = await mutate(trondheimEditor, responsibilitiesMutation, {
        agreementId: created.id,
        version: 1,
        responsibilities: [],
      });
      expect(result.__typename).toBe("ForbiddenError");
    });
  });
});

describe("linking offers", () => {
  it("lets a party's editor link and unlink its own offer, each with one audit entry and one event", async () => {
    const created = await createAgreement();
    const offer = await db.offer.findFirstOrThrow({
      where: { providerId: orgId("hf:hmr"), status: "PUBLISHED" },
      select: { id: true, title: true },
    });
    const linked = await captureWrites(db, () =>
      mutate(hmrEditor, linkMutation, { agreementId: created.id, offerId: offer.id }),
    );
    expect(successData(linked.result).offers).toEqual([{ id: offer.id, title: offer.title }]);
    expect(successData(linked.result).version).toBe(2);
    expect(linked.audits.map((a) => [a.action, a.entityId, a.changes])).toEqual([
      ["agreement.offer_link", created.id, { offers: { added: offer.id } }],
    ]);
    expect(linked.events.map((e) => [e.type, e.aggregateId])).toEqual([["agreement.updated", created.id]]);

    await expectNothingWritten(async () => {
      const again = await mutate(hmrEditor, linkMutation, { agreementId: created.id, offerId: offer.id });
      expect(validationIssues(again)!.map((i) => [i.field, i.code])).toEqual([["offerId", "already_linked"]]);
    });

    const unlinked = await captureWrites(db, () =>
      mutate(hmrEditor, unlinkMutation, { agreementId: created.id, offerId: offer.id }),
    );
    expect(successData(unlinked.result).offers).toEqual([]);
    expect(unlinked.audits.map((a) => [a.action, a.entityId])).toEqual([
      ["agreement.offer_unlink", created.id],
    ]);
    expect(unlinked.events.map((e) => e.type)).toEqual(["agreement.updated"]);

    await expectNothingWritten(async () => {
      const again = await mutate(hmrEditor, unlinkMutation, { agreementId: created.id, offerId: offer.id });
      expect(validationIssues(again)!.map((i) => i.code)).toEqual(["not_linked"]);
    });
  });

  it("refuses an offer whose provider is not a party, and callers who do not edit for a party", async () => {
    const created = await createAgreement();
    const foreignOffer = await db.offer.findFirstOrThrow({
      where: { providerId: orgId("hf:stolav") },
      select: { id: true },
    });
    await expectNothingWritten(async () => {
      const result = await mutate(hmrEditor, linkMutation, {
        agreementId: created.id,
        offerId: foreignOffer.id,
      });
      expect(validationIssues(result)!.map((i) => [i.field, i.code])).toEqual([
        ["offerId", "provider_not_a_party"],
      ]);
    });
    const ownOffer = await db.offer.findFirstOrThrow({
      where: { providerId: orgId("hf:hmr") },
      select: { id: true },
    });
    for (const viewer of [
      viewerWith([{ org: "hf:stolav", role: "EDITOR" }]),
      viewerWith([{ org: "hf:hmr", role: "VIEWER" }]),
    ]) {
      await expectNothingWritten(async () => {
        const result = await mutate(viewer, linkMutation, { agreementId: created.id, offerId: ownOffer.id });
        expect(result.__typename).toBe("ForbiddenError");
      });
    }
  });

  it("shows a linked draft only to its provider's members", async () => {
    const created = await createAgreement();
    const draft = await db.offer.findFirstOrThrow({
      where: { providerId: orgId("hf:hmr"), status: "DRAFT" },
      select: { id: true },
    });
    await mutate(hmrEditor, linkMutation, { agreementId: created.id, offerId: draft.id });
    const own = await testGateway(db, hmrEditor).query(oneQuery, {
      id: created.id,
    });
    expect(own.data!.agreement!.offers.map((o) => o.id)).toEqual([draft.id]);
    const partner = await testGateway(db, kristiansundEditor).query(oneQuery, {
      id: created.id,
    });
    expect(partner.data!.agreement!.offers).toEqual([]);
  });
});
