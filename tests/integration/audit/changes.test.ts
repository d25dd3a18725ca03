import { randomBytes } from "node:crypto";
import type { Database } from "@samspill/database";
import { type OfferSnapshot, recordEvent } from "@samspill/events";
import type { Viewer } from "@samspill/gateway/context";
import { graphql, type ResultOf, type VariablesOf } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { seedId } from "@samspill/seed/ids";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { successData } from "../../support/answers.js";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";

// The change feed: events in sequence order behind a cursor, an organisation's own plus public
// offer events, and never past an event whose transaction is still open.

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

const ffo = orgId("uo:ffo");
const hnt = orgId("hf:hnt");
const sigrid = (): Viewer => ({
  ...viewerWith([{ org: "uo:ffo", role: "REPORTER" }]),
  personId: seedId("person:sigrid"),
});

const feed = graphql(`query Feed($after: String, $first: Int, $types: [String!]) {
  changes(after: $after, first: $first, types: $types) {
    pageInfo { endCursor hasNextPage }
    edges { cursor node { id sequence type aggregateType aggregateId organisationId occurredAt payload } }
  }
}`);
type Node = NonNullable<ResultOf<typeof feed>["changes"]>["edges"][number]["node"];

async function position(): Promise<string> {
  const max = await db.outboxEvent.aggregate({ _max: { sequence: true } });
  return (max._max.sequence ?? 0n).toString();
}

async function reportAsFfo(periodStart: string, periodEnd: string): Promise<string> {
  const { data } = await testGateway(db, sigrid()).query(
    graphql(
      `mutation($input: ReportParticipationInput!) { reportParticipation(input: $input) { ... on MutationReportParticipationSuccess { data { id } } } }`,
    ),
    { input: { reporterId: ffo, offerId: seedId("offer:stolav-kols"), periodStart, periodEnd, patients: 9 } },
  );
  return successData(data!.reportParticipation).id;
}

const snapshot = (status: OfferSnapshot["status"]): OfferSnapshot => ({
  id: seedId("offer:hnt-smerte"),
  version: 1,
  providerId: hnt,
  providerKind: "HOSPITAL_TRUST",
  title: "Smerteskole",
  status,
  diagnosisScope: "DIAGNOSIS_SPECIFIC",
  diagnosisGroups: ["CHRONIC_PAIN"],
  priorityGroups: [],
  format: "PHYSICAL",
  languages: ["nb"],
  municipalityNumbers: [],
  flaggedForReview: false,
  reviewDueOn: null,
});

describe("change feed", () => {
  it("pages through the caller's and public events in order, hiding a foreign organisation's others", async () => {
    const start = await position();
    const mine = [await reportAsFfo("2025-01-01", "2025-01-31")];
    // Another organisation's events: a draft offer (not public), a participation report (its
    // own business) and a published offer's update (public).
    await db.$transaction(async (tx) => {
      const offer = { aggregateType: "Offer", aggregateId: seedId("offer:hnt-smerte"), organisationId: hnt };
      await recordEvent(tx, { ...offer, type: "offer.created", payload: { offer: snapshot("DRAFT") } });
      await recordEvent(tx, {
        type: "participation.reported",
        aggregateType: "ParticipationReport",
        aggregateId: seedId("participation:hnt-smerte"),
        organisationId: orgId("uo:kreftforeningen"),
        payload: {
          id: seedId("participation:hnt-smerte"),
          version: 1,
          offerId: seedId("offer:hnt-smerte"),
          meetingPointId: null,
        },
      });
      await recordEvent(tx, {
        ...offer,
        type: "offer.updated",
        payload: { offer: snapshot("PUBLISHED"), changedFields: ["title"] },
      });
      await recordEvent(tx, {
        ...offer,
        type: "offer.status_changed",
        payload: { offer: snapshot("ARCHIVED"), from: "PUBLISHED", to: "ARCHIVED" },
      });
    });
    mine.push(await reportAsFfo("2025-02-01", "2025-02-28"), await reportAsFfo("2025-03-01", "2025-03-31"));

    const gw = testGateway(db, sigrid());
    const seen: Node[] = [];
    let after: string | null = start;
    for (let page = 0; page < 10; page++) {
      // The declared type, not the one narrowed by the last answer: that would be circular.
      const variables: VariablesOf<typeof feed> = { after: after as string | null, first: 2 };
      const { data, errors } = await gw.query(feed, variables);
      expect(errors).toBeUndefined();
      const { edges, pageInfo } = data!.changes;
      expect(edges.length).toBeLessThanOrEqual(2);
      for (const e of edges) expect(e.cursor).toBe(e.node.sequence);
      seen.push(...edges.map((e) => e.node));
      after = pageInfo.endCursor;
      if (!pageInfo.hasNextPage) break;
    }
    expect(seen.map((n) => n.type)).toEqual([
      "participation.reported",
      "offer.updated",
      "offer.status_changed",
      "participation.reported",
      "participation.reported",
    ]);
    expect(seen.filter((n) => n.type === "participation.reported").map((n) => n.aggregateId)).toEqual(mine);
    const sequences = seen.map((n) => BigInt(n.sequence));
    expect(sequences.every((s, i) => s > BigInt(start) && (i === 0 || s > sequences[i - 1]!))).toBe(true);
    expect(after).toBe(await position());

    // Only what was asked for; an API token of FFO sees the same feed.
    const tokenRow = await db.apiToken.create({
      data: {
        organisationId: ffo,
        name: "FFO integrasjon",
        tokenHash: randomBytes(32).toString("hex"),
        prefix: "sp_feed",
        role: "VIEWER",
      },
    });
    const token: Viewer = {
      kind: "API_TOKEN",
      personId: null,
      tokenId: tokenRow.id,
      name: tokenRow.name,
      memberships: [{ organisationId: ffo, role: "VIEWER" }],
      scopes: ["read"],
    };
    const offersOnly = await testGateway(db, token).query(feed, {
      after: start,
      types: ["offer.created", "offer.updated"],
    });
    expect(offersOnly.data!.changes.edges.map((e) => e.node.type)).toEqual(["offer.updated"]);

    // The other organisation sees its own events, not FFO's.
    const kreft = await testGateway(db, viewerWith([{ org: "uo:kreftforeningen", role: "VIEWER" }])).query(
      feed,
      { after: start },
    );
    const kreftTypes = kreft.data!.changes.edges.map((e) => e.node);
    expect(kreftTypes.map((n) => n.type)).toEqual([
      "participation.reported",
      "offer.updated",
      "offer.status_changed",
    ]);
    expect(kreftTypes[0]!.organisationId).toBe(orgId("uo:kreftforeningen"));
  });

  it("stops before an event whose transaction is still open, then delivers both in order", async () => {
    const start = await position();
    let commit!: () => void;
    const open = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let recorded!: () => void;
    const inserted = new Promise<void>((resolve) => {
      recorded = resolve;
    });
    const event = (id: string) => ({
      type: "participation.reported" as const,
      aggregateType: "ParticipationReport",
      aggregateId: id,
      organisationId: ffo,
      payload: { id, version: 1, offerId: null, meetingPointId: seedId("meeting:stolav-annual-may") },
    });
    const slow = seedId("feed:slow");
    const fast = seedId("feed:fast");
    const transaction = db.$transaction(
      async (tx) => {
        await recordEvent(tx, event(slow));
        recorded();
        await open;
      },
      { timeout: 20_000 },
    );
    await inserted;
    await db.$transaction(async (tx) => {
      await recordEvent(tx, event(fast));
    });

    const gw = testGateway(db, sigrid());
    const waiting = await gw.query(feed, { after: start });
    expect(waiting.errors).toBeUndefined();
    expect(waiting.data!.changes.edges).toEqual([]);
    expect(waiting.data!.changes.pageInfo).toEqual({ endCursor: start, hasNextPage: false });

    commit();
    await transaction;
    const delivered = await gw.query(feed, { after: start });
    expect(delivered.data!.changes.edges.map((e) => e.node.aggregateId)).toEqual([slow, fast]);
  });

  it("is for signed-in callers, with a well-formed cursor and known types", async () => {
    expect((await testGateway(db).query(feed, {})).errors?.[0]?.message).toMatch(/not authorized/i);
    const gw = testGateway(db, sigrid());
    expect((await gw.query(feed, { after: "abc" })).errors).toHaveLength(1);
    expect((await gw.query(feed, { types: ["offer.deleted"] })).errors).toHaveLength(1);
    expect((await gw.query(feed, { first: 501 })).errors).toHaveLength(1);
  });
});
