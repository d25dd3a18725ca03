import { graphql, type VariablesOf } from "@samspill/graphql";
import { describe, expect, it } from "vitest";
import { successData, validationIssues } from "../../support/answers.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { captureWrites } from "../../support/writes.js";
import {
  agreementInput,
  createAgreement,
  createMutation,
  expectNothingWritten,
  hmrEditor,
  kristiansundEditor,
  linkMutation,
  mutate,
  unlinkMutation,
  updateMutation,
} from "./agreement-fixtures.js";

// An agreement party edits only its own side. The shared fields (title, period, status …) and the
// party list belong to the coordinating party (whoever registered the agreement, unless they
// named another) and to the region's admins; every party keeps its own responsibilities
// (agreements-responsibilities-and-offers.test.ts) and links and unlinks only its own offers.

useSeededDatabase();

const regionalAdmin = viewerWith([{ org: "rhf:hmn", role: "ADMIN" }]);
const coordination = graphql(`query Coordination($id: ID!) {
  agreement(id: $id) { coordinator { id } mayEditSharedFields partyCount offerCount }
}`);

async function coordinationAs(viewer: Parameters<typeof testGateway>[1], id: string) {
  const response = await testGateway(db, viewer).query(coordination, { id });
  expect(response.errors).toBeUndefined();
  return response.data!.agreement!;
}

const offerOf = (key: string) =>
  db.offer.findFirstOrThrow({
    where: { providerId: orgId(key), status: "PUBLISHED" },
    select: { id: true },
  });

describe("the shared fields and the parties", () => {
  it("belong to the coordinating party: the organisation that registered the agreement", async () => {
    const created = await createAgreement();
    expect(await coordinationAs(hmrEditor, created.id)).toEqual({
      coordinator: { id: orgId("hf:hmr") },
      mayEditSharedFields: true,
      partyCount: 2,
      offerCount: 0,
    });
    expect(await coordinationAs(kristiansundEditor, created.id)).toMatchObject({
      mayEditSharedFields: false,
    });
  });

  it("refuse another party's editor, for fields and for the party list, writing nothing", async () => {
    const created = await createAgreement({ responsibilities: [] });
    for (const change of [
      { title: "Kristiansund sin avtale" },
      { status: "TERMINATED" },
      { validTo: null },
      {
        parties: [
          { organisationId: orgId("hf:hmr"), role: "HOSPITAL_TRUST" },
          { organisationId: orgId("mun:1505"), role: "MUNICIPALITY" },
          { organisationId: orgId("mun:1506"), role: "MUNICIPALITY" },
        ],
      },
      { coordinatorId: orgId("mun:1505") },
    ]) {
      await expectNothingWritten(async () => {
        const result = await mutate(kristiansundEditor, updateMutation, {
          id: created.id,
          version: 1,
          ...change,
        } as VariablesOf<typeof updateMutation>["input"]);
        expect(result.__typename).toBe("ForbiddenError");
        expect((result as { message: string }).message).toMatch(/coordinating party/);
      });
    }
    const row = await db.agreement.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ title: created.title, version: 1, coordinatorId: orgId("hf:hmr") });
  });

  it("move with coordination when the coordinator hands it over", async () => {
    const created = await createAgreement();
    const handed = await mutate(hmrEditor, updateMutation, {
      id: created.id,
      version: 1,
      coordinatorId: orgId("mun:1505"),
    });
    expect(handed.__typename).toBe("MutationUpdateAgreementSuccess");
    const renamed = await mutate(kristiansundEditor, updateMutation, {
      id: created.id,
      version: 2,
      title: `${created.title} (kommunen koordinerer)`,
    });
    expect(successData(renamed).version).toBe(3);
    await expectNothingWritten(async () => {
      const result = await mutate(hmrEditor, updateMutation, {
        id: created.id,
        version: 3,
        title: "Tilbake",
      });
      expect(result.__typename).toBe("ForbiddenError");
    });
  });

  it("name a coordinator among the parties, when registering too", async () => {
    const byMunicipality = await mutate(
      kristiansundEditor,
      createMutation,
      agreementInput({ coordinatorId: orgId("hf:hmr") }),
    );
    const created = successData(byMunicipality);
    expect((await coordinationAs(hmrEditor, created.id)).mayEditSharedFields).toBe(true);
    await expectNothingWritten(async () => {
      const result = await mutate(
        hmrEditor,
        createMutation,
        agreementInput({ coordinatorId: orgId("mun:5001") }),
      );
      expect(validationIssues(result)!.map((i) => [i.field, i.code])).toEqual([
        ["coordinatorId", "coordinator_not_a_party"],
      ]);
    });
  });

  it("may be kept by an admin of the region's health authority, not by its editors", async () => {
    const created = await createAgreement();
    expect((await coordinationAs(regionalAdmin, created.id)).mayEditSharedFields).toBe(true);
    const { result, audits } = await captureWrites(db, () =>
      mutate(regionalAdmin, updateMutation, { id: created.id, version: 1, status: "EXPIRED" }),
    );
    expect(successData(result).status).toBe("EXPIRED");
    expect(audits.map((a) => a.organisationId)).toEqual([orgId("rhf:hmn")]);
    await expectNothingWritten(async () => {
      const editor = viewerWith([{ org: "rhf:hmn", role: "EDITOR" }]);
      const refused = await mutate(editor, updateMutation, { id: created.id, version: 2, title: "Regionen" });
      expect(refused.__typename).toBe("ForbiddenError");
    });
  });
});

describe("linked offers", () => {
  it("are linked and unlinked only by their provider's editors", async () => {
    const created = await createAgreement();
    const trustOffer = await offerOf("hf:hmr");
    const municipalOffer = await offerOf("mun:1505");
    // Another party's offer: refused, though its provider is a party.
    await expectNothingWritten(async () => {
      const result = await mutate(kristiansundEditor, linkMutation, {
        agreementId: created.id,
        offerId: trustOffer.id,
      });
      expect(result.__typename).toBe("ForbiddenError");
      expect((result as { message: string }).message).toMatch(/only its own offers/);
    });
    const own = await mutate(kristiansundEditor, linkMutation, {
      agreementId: created.id,
      offerId: municipalOffer.id,
    });
    expect(successData(own).offers.map((o) => o.id)).toEqual([municipalOffer.id]);
    await mutate(hmrEditor, linkMutation, { agreementId: created.id, offerId: trustOffer.id });
    // The coordinator does not unlink another party's offer either.
    await expectNothingWritten(async () => {
      const result = await mutate(hmrEditor, unlinkMutation, {
        agreementId: created.id,
        offerId: municipalOffer.id,
      });
      expect(result.__typename).toBe("ForbiddenError");
    });
    expect((await coordinationAs(hmrEditor, created.id)).offerCount).toBe(2);
  });
});
