import type { Database } from "@samspill/database";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { captureWrites, writeCounts } from "../../support/writes.js";

// Agreements through HTTP: who sees which, and every write with its audit entry and event.

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

const hmrEditor = viewerWith([{ org: "hf:hmr", role: "EDITOR" }]);
const kristiansundEditor = viewerWith([{ org: "mun:1505", role: "EDITOR" }]);
const trondheimEditor = viewerWith([{ org: "mun:5001", role: "EDITOR" }]);

const AGREEMENT = `id title subAgreement statutory validFrom validTo expiresInDays status version
  parties { role organisation { id name } }
  responsibilities { description diagnosisScope offerKinds audiences organisation { id } }
  offers { id title }
  meetingPoints { id title }`;

const RESULT = (success: string) => `
  __typename
  ... on ${success} { data { ${AGREEMENT} } }
  ... on ValidationError { issues { field code message messageNb } }
  ... on ConflictError { expectedVersion currentVersion }
  ... on Error { message }`;

const createMutation = `mutation Create($input: CreateAgreementInput!) {
  createAgreement(input: $input) { ${RESULT("MutationCreateAgreementSuccess")} } }`;
const updateMutation = `mutation Update($input: UpdateAgreementInput!) {
  updateAgreement(input: $input) { ${RESULT("MutationUpdateAgreementSuccess")} } }`;
const responsibilitiesMutation = `mutation Resp($input: SetAgreementResponsibilitiesInput!) {
  setAgreementResponsibilities(input: $input) { ${RESULT("MutationSetAgreementResponsibilitiesSuccess")} } }`;
const linkMutation = `mutation Link($input: AgreementOfferLinkInput!) {
  linkOfferToAgreement(input: $input) { ${RESULT("MutationLinkOfferToAgreementSuccess")} } }`;
const unlinkMutation = `mutation Unlink($input: AgreementOfferLinkInput!) {
  unlinkOfferFromAgreement(input: $input) { ${RESULT("MutationUnlinkOfferFromAgreementSuccess")} } }`;
const listQuery = `query List($filter: AgreementFilter, $first: Int, $after: String) {
  agreements(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id title expiresInDays } } } }`;
const oneQuery = `query One($id: ID!) { agreement(id: $id) { ${AGREEMENT} } }`;

interface Agreement {
  id: string;
  title: string;
  statutory: boolean;
  validFrom: string;
  validTo: string | null;
  expiresInDays: number | null;
  status: string;
  version: number;
  parties: { role: string; organisation: { id: string; name: string } }[];
  responsibilities: {
    description: string;
    diagnosisScope: string | null;
    offerKinds: string[];
    organisation: { id: string };
  }[];
  offers: { id: string; title: string }[];
  meetingPoints: { id: string; title: string }[];
}
interface Issue {
  field: string;
  code: string;
  message: string;
  messageNb: string;
}
interface Result {
  __typename: string;
  data?: Agreement;
  issues?: Issue[];
  expectedVersion?: number;
  currentVersion?: number;
  message?: string;
}
interface List {
  agreements: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; title: string; expiresInDays: number | null } }[];
  };
}

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

let serial = 0;
function agreementInput(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    title: `Delavtale 5 Helse Møre og Romsdal – Kristiansund (${serial}, ${Date.now()})`,
    subAgreement: "Delavtale 5",
    description: "Pasient- og pårørendeopplæring",
    validFrom: isoDay(-10),
    validTo: isoDay(10),
    parties: [
      { organisationId: orgId("hf:hmr"), role: "HOSPITAL_TRUST" },
      { organisationId: orgId("mun:1505"), role: "MUNICIPALITY" },
    ],
    responsibilities: [
      {
        organisationId: orgId("hf:hmr"),
        description: "Diagnosespesifikke kurs",
        diagnosisScope: "DIAGNOSIS_SPECIFIC",
      },
      {
        organisationId: orgId("mun:1505"),
        description: "Frisklivstilbud",
        diagnosisScope: "DIAGNOSIS_INDEPENDENT",
        offerKinds: ["GROUP_COURSE"],
      },
    ],
    ...overrides,
  };
}

async function mutate(
  viewer: ReturnType<typeof viewerWith>,
  mutation: string,
  input: unknown,
): Promise<Result> {
  const response = await testGateway(db, viewer).query<Record<string, Result>>(mutation, { input });
  expect(response.errors).toBeUndefined();
  return Object.values(response.data!)[0]!;
}

async function createAgreement(overrides: Record<string, unknown> = {}): Promise<Agreement> {
  const result = await mutate(hmrEditor, createMutation, agreementInput(overrides));
  expect(result.__typename).toBe("MutationCreateAgreementSuccess");
  return result.data!;
}

/** Runs a refused write and checks that it left the audit trail and the outbox as they were. */
async function expectNothingWritten(run: () => Promise<unknown>) {
  const before = await writeCounts(db);
  const agreements = await db.agreement.count();
  await run();
  expect(await writeCounts(db)).toEqual(before);
  expect(await db.agreement.count()).toBe(agreements);
}

const seeded = (title: string) => db.agreement.findFirstOrThrow({ where: { title }, select: { id: true } });
const MOLDE_D5 = "Samarbeidsavtale mellom Helse Møre og Romsdal HF og Molde kommune";
const ALESUND_D5 = "Samarbeidsavtale mellom Helse Møre og Romsdal HF og Ålesund kommune";
const TRONDHEIM_D5 = "Samarbeidsavtale mellom St. Olavs hospital HF og Trondheim kommune";
const LEVANGER_D5 = "Samarbeidsavtale mellom Helse Nord-Trøndelag HF og Levanger kommune";

describe("who sees which agreement", () => {
  const titlesFor = async (viewer: ReturnType<typeof viewerWith>) => {
    const result = await testGateway(db, viewer).query<List>(listQuery, { first: 100 });
    expect(result.errors).toBeUndefined();
    return result.data!.agreements.edges.map((e) => e.node.title);
  };

  it("shows a party's members its agreements and nobody else's", async () => {
    const titles = await titlesFor(viewerWith([{ org: "mun:1506", role: "VIEWER" }]));
    expect(titles).toContain(MOLDE_D5);
    expect(titles).not.toContain(ALESUND_D5);
    expect(titles).not.toContain(TRONDHEIM_D5);
  });

  it("shows a health community's members the agreements of its members", async () => {
    const mr = await titlesFor(viewerWith([{ org: "hf-community:mr", role: "FORUM_MEMBER" }]));
    expect(mr).toEqual(expect.arrayContaining([MOLDE_D5, ALESUND_D5]));
    expect(mr).not.toContain(TRONDHEIM_D5);
    const trondelag = await titlesFor(viewerWith([{ org: "hf-community:trondelag", role: "VIEWER" }]));
    expect(trondelag).toContain(TRONDHEIM_D5);
    expect(trondelag).not.toContain(MOLDE_D5);
  });

  it("shows the regional health authority the agreements in its region", async () => {
    const titles = await titlesFor(viewerWith([{ org: "rhf:hmn", role: "VIEWER" }]));
    expect(titles).toEqual(expect.arrayContaining([MOLDE_D5, ALESUND_D5, TRONDHEIM_D5, LEVANGER_D5]));
  });

  it("refuses signed-out callers and answers null for an agreement you may not see", async () => {
    const anonymous = await testGateway(db).query<List>(listQuery, {});
    expect(anonymous.errors?.[0]?.message).toMatch(/not authorized/i);
    const { id } = await seeded(MOLDE_D5);
    const foreign = await testGateway(db, trondheimEditor).query<{ agreement: Agreement | null }>(oneQuery, {
      id,
    });
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data!.agreement).toBeNull();
    const own = await testGateway(db, viewerWith([{ org: "mun:1506", role: "VIEWER" }])).query<{
      agreement: Agreement;
    }>(oneQuery, { id });
    expect(own.data!.agreement.parties.map((p) => p.organisation.name).sort()).toEqual([
      "Helse Møre og Romsdal HF",
      "Molde kommune",
    ]);
    expect(own.data!.agreement.offers.length).toBeGreaterThan(0);
    expect(own.data!.agreement.meetingPoints.length).toBeGreaterThan(0);
  });

  it("filters by party, hospital trust, status and expiry, and pages", async () => {
    const rhf = testGateway(db, viewerWith([{ org: "rhf:hmn", role: "VIEWER" }]));
    const expiring = await rhf.query<List>(listQuery, {
      filter: { hospitalTrustId: orgId("hf:hmr"), expiringWithinDays: 90, status: "ACTIVE" },
      first: 50,
    });
    const nodes = expiring.data!.agreements.edges.map((e) => e.node);
    expect(nodes.map((n) => n.title)).toContain(MOLDE_D5);
    expect(nodes.map((n) => n.title)).not.toContain(ALESUND_D5);
    expect(nodes.map((n) => n.title)).not.toContain(LEVANGER_D5);
    for (const n of nodes) expect(n.expiresInDays).toBeGreaterThanOrEqual(0);
    for (const n of nodes) expect(n.expiresInDays).toBeLessThanOrEqual(90);

    const trondheim = await rhf.query<List>(listQuery, { filter: { organisationId: orgId("mun:5001") } });
    expect(trondheim.data!.agreements.edges.map((e) => e.node.title)).toEqual([TRONDHEIM_D5]);

    const first = await rhf.query<List>(listQuery, { first: 2 });
    expect(first.data!.agreements.pageInfo.hasNextPage).toBe(true);
    const second = await rhf.query<List>(listQuery, {
      first: 2,
      after: first.data!.agreements.pageInfo.endCursor,
    });
    const ids = [...first.data!.agreements.edges, ...second.data!.agreements.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(4);
    // Soonest expiring first.
    const days = first.data!.agreements.edges.map((e) => e.node.expiresInDays ?? Number.POSITIVE_INFINITY);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(first.data!.agreements.totalCount).toBeGreaterThanOrEqual(4);
  });

  it("rejects a malformed filter", async () => {
    const result = await testGateway(db, hmrEditor).query<List>(listQuery, {
      filter: { expiringWithinDays: -1 },
    });
    expect(result.errors?.[0]?.message).toBeDefined();
  });
});

describe("createAgreement", () => {
  it("registers an agreement with parties and responsibilities, with one audit entry and one event", async () => {
    const input = agreementInput();
    const { result, audits, events } = await captureWrites(db, () =>
      mutate(hmrEditor, createMutation, input),
    );
    expect(result.__typename).toBe("MutationCreateAgreementSuccess");
    const created = result.data!;
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
      expect(result.issues!.map((i) => i.field).sort()).toEqual(["documentUrl", "title", "validFrom"]);
      for (const issue of result.issues!) {
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
      expect(result.issues!.map((i) => [i.field, i.code])).toEqual([
        ["validTo", "ends_before_start"],
        ["parties", "statutory_needs_one_hospital_trust"],
        ["responsibilities.0.organisationId", "not_a_party"],
      ]);
      expect(result.issues![0]!.messageNb).toBe("En avtale kan ikke slutte før den begynner");
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
      expect(result.issues!.map((i) => [i.field, i.code])).toEqual([["parties.2.role", "role_does_not_fit"]]);
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

describe("updateAgreement", () => {
  it("edits as any party's editor, bumps the version and records the change", async () => {
    const created = await createAgreement();
    const { result, audits, events } = await captureWrites(db, () =>
      mutate(kristiansundEditor, updateMutation, {
        id: created.id,
        version: 1,
        validTo: isoDay(400),
        status: "ACTIVE",
        title: `${created.title} (fornyet)`,
      }),
    );
    expect(result.__typename).toBe("MutationUpdateAgreementSuccess");
    expect(result.data).toMatchObject({ version: 2, validTo: isoDay(400), expiresInDays: 400 });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: "agreement.update",
      entityId: created.id,
      organisationId: orgId("mun:1505"),
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
      const result = await mutate(kristiansundEditor, updateMutation, {
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
      expect(result.issues!.map((i) => [i.field, i.code])).toEqual([["validTo", "ends_before_start"]]);
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
      expect(result.issues!.map((i) => i.code)).toEqual(["party_has_responsibilities"]);
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
    expect(result.data!.parties.map((p) => p.organisation.name)).toContain("FFO Møre og Romsdal");
    // The new party's members now see it.
    const seen = await testGateway(db, viewerWith([{ org: "uo:ffo-mr", role: "VIEWER" }])).query<{
      agreement: Agreement | null;
    }>(oneQuery, { id: created.id });
    expect(seen.data!.agreement?.id).toBe(created.id);
  });

  it("does not let an editor write their own organisation out of the agreement", async () => {
    const created = await createAgreement({ responsibilities: [] });
    await expectNothingWritten(async () => {
      const result = await mutate(kristiansundEditor, updateMutation, {
        id: created.id,
        version: 1,
        parties: [
          { organisationId: orgId("hf:hmr"), role: "HOSPITAL_TRUST" },
          { organisationId: orgId("mun:1506"), role: "MUNICIPALITY" },
        ],
      });
      expect(result.__typename).toBe("ForbiddenError");
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

describe("setAgreementResponsibilities", () => {
  it("replaces the responsibilities, versioned, with one audit entry and one event", async () => {
    const created = await createAgreement();
    const responsibilities = [
      {
        organisationId: orgId("mun:1505"),
        description: "Kurs for skrøpelige eldre",
        priorityGroups: ["FRAIL_ELDERLY"],
        audiences: ["PATIENTS", "CARERS"],
      },
    ];
    const { result, audits, events } = await captureWrites(db, () =>
      mutate(hmrEditor, responsibilitiesMutation, { agreementId: created.id, version: 1, responsibilities }),
    );
    expect(result.data!.responsibilities).toEqual([
      {
        description: "Kurs for skrøpelige eldre",
        diagnosisScope: null,
        offerKinds: [],
        audiences: ["PATIENTS", "CARERS"],
        organisation: { id: orgId("mun:1505") },
      },
    ]);
    expect(result.data!.version).toBe(2);
    expect(audits.map((a) => [a.action, a.entityId])).toEqual([["agreement.responsibilities", created.id]]);
    expect(events.map((e) => [e.type, e.aggregateId, (e.payload as { version: number }).version])).toEqual([
      ["agreement.updated", created.id, 2],
    ]);
  });

  it("refuses a responsibility of a non-party and a stale version", async () => {
    const created = await createAgreement();
    await expectNothingWritten(async () => {
      const result = await mutate(hmrEditor, responsibilitiesMutation, {
        agreementId: created.id,
        version: 1,
        responsibilities: [{ organisationId: orgId("mun:5001"), description: "Trondheim" }],
      });
      expect(result.issues!.map((i) => [i.field, i.code])).toEqual([
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
  it("lets a party's editor link and unlink a party's offer, each with one audit entry and one event", async () => {
    const created = await createAgreement();
    const offer = await db.offer.findFirstOrThrow({
      where: { providerId: orgId("hf:hmr"), status: "PUBLISHED" },
      select: { id: true, title: true },
    });
    const linked = await captureWrites(db, () =>
      mutate(hmrEditor, linkMutation, { agreementId: created.id, offerId: offer.id }),
    );
    expect(linked.result.data!.offers).toEqual([{ id: offer.id, title: offer.title }]);
    expect(linked.result.data!.version).toBe(2);
    expect(linked.audits.map((a) => [a.action, a.entityId, a.changes])).toEqual([
      ["agreement.offer_link", created.id, { offers: { added: offer.id } }],
    ]);
    expect(linked.events.map((e) => [e.type, e.aggregateId])).toEqual([["agreement.updated", created.id]]);

    await expectNothingWritten(async () => {
      const again = await mutate(hmrEditor, linkMutation, { agreementId: created.id, offerId: offer.id });
      expect(again.issues!.map((i) => [i.field, i.code])).toEqual([["offerId", "already_linked"]]);
    });

    const unlinked = await captureWrites(db, () =>
      mutate(kristiansundEditor, unlinkMutation, { agreementId: created.id, offerId: offer.id }),
    );
    expect(unlinked.result.data!.offers).toEqual([]);
    expect(unlinked.audits.map((a) => [a.action, a.entityId])).toEqual([
      ["agreement.offer_unlink", created.id],
    ]);
    expect(unlinked.events.map((e) => e.type)).toEqual(["agreement.updated"]);

    await expectNothingWritten(async () => {
      const again = await mutate(hmrEditor, unlinkMutation, { agreementId: created.id, offerId: offer.id });
      expect(again.issues!.map((i) => i.code)).toEqual(["not_linked"]);
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
      expect(result.issues!.map((i) => [i.field, i.code])).toEqual([["offerId", "provider_not_a_party"]]);
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
    const own = await testGateway(db, hmrEditor).query<{ agreement: Agreement }>(oneQuery, {
      id: created.id,
    });
    expect(own.data!.agreement.offers.map((o) => o.id)).toEqual([draft.id]);
    const partner = await testGateway(db, kristiansundEditor).query<{ agreement: Agreement }>(oneQuery, {
      id: created.id,
    });
    expect(partner.data!.agreement.offers).toEqual([]);
  });
});
