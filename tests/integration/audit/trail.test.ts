import { randomBytes, randomUUID } from "node:crypto";
import type { Database } from "@samspill/database";
import type { Viewer } from "@samspill/gateway/context";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { seedId } from "@samspill/seed/ids";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { successData } from "../../support/answers.js";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { graphQLClient } from "../../support/graphql-client.js";

// The audit trail of an entity: who (person or API token), what, when, under which request;
// for the owning organisation's members and the regional health authority's admins.

let db: Database;
let token: Viewer;
const requestIds = [randomUUID(), randomUUID()];
const measureId = seedId("measure:hmn-rhf-2023-2027:2.1.2-2");
const rhf = orgId("rhf:hmn");

const updateStatus = graphql(`mutation Status($input: UpdateMeasureStatusInput!) {
  updateMeasureStatus(input: $input) { __typename ... on MutationUpdateMeasureStatusSuccess { data { version } } }
}`);
const trail = graphql(`query Trail($entityType: String!, $entityId: String!, $first: Int, $after: String) {
  auditTrail(entityType: $entityType, entityId: $entityId, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id actorKind actorName action entityType entityId changes occurredAt requestId organisation { id } } }
  }
}`);

/** Sends a GraphQL request with a request id, as a load balancer in front of the gateway would. */
const queryWithRequestId = (viewer: Viewer, requestId: string) =>
  graphQLClient(testGateway(db, viewer).app.fetch, "http://gateway.test/graphql", {
    "x-samspill-csrf": "1",
    "x-request-id": requestId,
  }).query;

const eva = (): Viewer => ({
  ...viewerWith([{ org: "rhf:hmn", role: "ADMIN" }], "Eva Strand"),
  personId: seedId("person:eva"),
});

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  const apiToken = await db.apiToken.create({
    data: {
      organisationId: rhf,
      name: "Regionens rapportsystem",
      tokenHash: randomBytes(32).toString("hex"),
      prefix: "sp_audit",
      role: "EDITOR",
    },
  });
  token = {
    kind: "API_TOKEN",
    personId: null,
    tokenId: apiToken.id,
    name: apiToken.name,
    memberships: [{ organisationId: rhf, role: "EDITOR" }],
    scopes: ["read", "write:meetings"],
  };

  // Two changes: by a person, then by the API token.
  const m = await db.measure.findUniqueOrThrow({ where: { id: measureId } });
  const first = await queryWithRequestId(eva(), requestIds[0]!)(updateStatus, {
    input: { id: measureId, version: m.version, status: "IN_PROGRESS" },
  });
  expect(first.errors).toBeUndefined();
  const second = await queryWithRequestId(token, requestIds[1]!)(updateStatus, {
    input: { id: measureId, version: m.version + 1, status: "ONGOING" },
  });
  expect(second.errors).toBeUndefined();
});
afterAll(() => db.$disconnect());

describe("audit trail", () => {
  it("lists an entity's changes newest first, with actor, action, changes, time and request id", async () => {
    const { data, errors } = await testGateway(db, eva()).query(trail, {
      entityType: "Measure",
      entityId: measureId,
    });
    expect(errors).toBeUndefined();
    const [latest, previous] = data!.auditTrail.edges.map((e) => e.node);
    expect(latest).toMatchObject({
      actorKind: "API_TOKEN",
      actorName: "Regionens rapportsystem",
      action: "measure.status",
      entityId: measureId,
      requestId: requestIds[1],
      organisation: { id: rhf },
      changes: { status: { from: "IN_PROGRESS", to: "ONGOING" } },
    });
    expect(previous).toMatchObject({
      actorKind: "PERSON",
      actorName: "Eva Strand",
      requestId: requestIds[0],
      changes: { status: { to: "IN_PROGRESS" } },
    });
    expect(Date.parse(latest!.occurredAt)).toBeGreaterThanOrEqual(Date.parse(previous!.occurredAt));
    expect(BigInt(latest!.id)).toBeGreaterThan(BigInt(previous!.id));
  });

  it("pages with a cursor", async () => {
    const gw = testGateway(db, eva());
    const page1 = await gw.query(trail, { entityType: "Measure", entityId: measureId, first: 1 });
    expect(page1.data!.auditTrail.edges).toHaveLength(1);
    expect(page1.data!.auditTrail.pageInfo.hasNextPage).toBe(true);
    const page2 = await gw.query(trail, {
      entityType: "Measure",
      entityId: measureId,
      first: 1,
      after: page1.data!.auditTrail.pageInfo.endCursor,
    });
    expect(page2.data!.auditTrail.edges[0]!.node.actorName).toBe("Eva Strand");
  });

  it("shows entries to the owning organisation's members and regional admins only", async () => {
    const entryCount = async (viewer: Viewer | null, entityType: string, entityId: string) => {
      const result = await testGateway(db, viewer).query(trail, { entityType, entityId });
      return result.data ? result.data.auditTrail.edges.length : String(result.errors?.[0]?.message);
    };
    // A member of the plan's owner, in any role, sees the measure's trail; another trust does not.
    expect(
      await entryCount(viewerWith([{ org: "rhf:hmn", role: "VIEWER" }]), "Measure", measureId),
    ).toBeGreaterThanOrEqual(2);
    expect(await entryCount(viewerWith([{ org: "hf:stolav", role: "ADMIN" }]), "Measure", measureId)).toBe(0);
    expect(await entryCount(null, "Measure", measureId)).toMatch(/not authorized/i);

    // A participation report of FFO: FFO's members and the regional admin see it, St. Olav's admin not.
    const sigrid = {
      ...viewerWith([{ org: "uo:ffo", role: "REPORTER" }]),
      personId: seedId("person:sigrid"),
    };
    const reported = await testGateway(db, sigrid).query(
      graphql(
        `mutation($input: ReportParticipationInput!) { reportParticipation(input: $input) { ... on MutationReportParticipationSuccess { data { id } } } }`,
      ),
      {
        input: {
          reporterId: orgId("uo:ffo"),
          offerId: seedId("offer:stolav-hjerteskole"),
          periodStart: "2025-08-01",
          periodEnd: "2025-10-31",
          patients: 11,
        },
      },
    );
    const reportId = successData(reported.data!.reportParticipation).id;
    expect(await entryCount(sigrid, "ParticipationReport", reportId)).toBe(1);
    expect(await entryCount(eva(), "ParticipationReport", reportId)).toBe(1);
    expect(
      await entryCount(viewerWith([{ org: "rhf:hmn", role: "EDITOR" }]), "ParticipationReport", reportId),
    ).toBe(0);
    expect(
      await entryCount(viewerWith([{ org: "hf:stolav", role: "ADMIN" }]), "ParticipationReport", reportId),
    ).toBe(0);
  });
});
