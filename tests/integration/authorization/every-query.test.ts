import type { Database } from "@samspill/database";
import { schema } from "@samspill/gateway";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, viewerWith } from "../../support/gateway.js";
import { graphQLClient } from "../../support/graphql-client.js";
import { type Caller, gatewayFor, headersOf, outsiders } from "./callers.js";
import { createForeignObjects, type ForeignObjects, leaks, ownerKey, partnerKey } from "./foreign-objects.js";
import { readDocument } from "./selections.js";

// Every Query field, read with the ids of another organisation's private things (made through
// the commands in foreign-objects.ts) by every kind of outsider, selecting every field of the
// answer a few levels deep. Nothing of theirs may come back: not the text they typed, not the
// ids of their private rows. The owner's admin runs the same documents first, so a refusal is
// known to be about who asks, not about a broken document.

/**
 * nothing: null, an empty list or connection, or refused.
 * own: the caller's own organisation's things, none of the foreign one's.
 * public: published things anyone may read; still none of the private ones.
 */
type Expected = "nothing" | "own" | "public";
interface Row {
  args?: (f: ForeignObjects) => Record<string, unknown>;
  expected: Expected;
  /** The owner itself sees nothing here either (e.g. forum-only fields); the control is skipped. */
  ownerSeesNothing?: true;
}

const community = orgId("hf-community:mr");
const rows: Record<string, Row> = {
  actionPlan: { args: () => ({ key: "samspill" }), expected: "public", ownerSeesNothing: true },
  actionPlans: { expected: "public" },
  accessContacts: { expected: "public" },
  administeredOrganisation: { args: (f) => ({ id: f.organisationId }), expected: "nothing" },
  administeredOrganisations: { args: () => ({ first: 2 }), expected: "own" },
  agreement: { args: (f) => ({ id: f.agreementId }), expected: "nothing" },
  agreementDelivery: { args: (f) => ({ agreementId: f.agreementId }), expected: "nothing" },
  agreements: { args: (f) => ({ filter: { organisationId: f.organisationId } }), expected: "nothing" },
  apiTokens: { args: (f) => ({ organisationId: f.organisationId }), expected: "nothing" },
  auditTrail: { args: (f) => ({ entityType: "Agreement", entityId: f.agreementId }), expected: "nothing" },
  changes: { args: (f) => ({ after: f.feedCursor, first: 500 }), expected: "public" },
  digestRecipients: { expected: "own" },
  flaggedOffers: {
    args: () => ({ healthCommunityId: community }),
    expected: "nothing",
    ownerSeesNothing: true,
  },
  forumReviews: {
    args: () => ({ healthCommunityId: community }),
    expected: "nothing",
    ownerSeesNothing: true,
  },
  forumFlags: {
    args: () => ({ healthCommunityId: community }),
    expected: "nothing",
    ownerSeesNothing: true,
  },
  forumFlag: { args: (f) => ({ id: f.forumFlagId }), expected: "nothing" },
  health: { expected: "public" },
  invitation: { args: () => ({ token: "A".repeat(43) }), expected: "public" },
  invitations: { args: (f) => ({ organisationId: f.organisationId }), expected: "nothing" },
  measures: { expected: "public" },
  meetingPoint: { args: (f) => ({ id: f.meetingPointId }), expected: "nothing" },
  meetingPoints: { args: (f) => ({ filter: { organisationId: f.organisationId } }), expected: "nothing" },
  municipalities: { expected: "public" },
  // The caller's own language only; the suite's test viewers are no stored person, so null.
  myLanguage: { expected: "nothing", ownerSeesNothing: true },
  // The caller's own subscriptions only; the suite's test viewers are no stored person, so none.
  myMailSubscriptions: { expected: "nothing", ownerSeesNothing: true },
  // Whether the caller has a live private calendar feed link; test viewers are no stored person.
  myCalendarFeedCreatedAt: { expected: "nothing", ownerSeesNothing: true },
  organisationMembers: { args: (f) => ({ organisationId: f.organisationId }), expected: "nothing" },
  offer: { args: (f) => ({ id: f.draftOfferId }), expected: "nothing" },
  offerImport: { args: (f) => ({ id: f.offerImportId }), expected: "nothing" },
  offers: {
    args: (f) => ({ filter: { providerIds: [f.organisationId], statuses: ["DRAFT", "PUBLISHED"] } }),
    expected: "public",
  },
  // Counts of the same search: the foreign draft must not be counted for an outsider.
  offerFacets: {
    args: (f) => ({ filter: { providerIds: [f.organisationId], statuses: ["DRAFT", "PUBLISHED"] } }),
    expected: "public",
  },
  organisations: { args: () => ({ kind: "MUNICIPALITY" }), expected: "public" },
  overview: { args: () => ({ hospitalTrustId: orgId(partnerKey) }), expected: "public" },
  overviewTrends: { args: () => ({ hospitalTrustId: orgId(partnerKey) }), expected: "public" },
  crossedOverview: {
    args: () => ({ hospitalTrustId: orgId(partnerKey), rows: "MUNICIPALITY", columns: "LANGUAGE" }),
    expected: "public",
  },
  a0099Activity: { args: (f) => ({ period: f.reportMonth }), expected: "public" },
  attendanceList: { args: (f) => ({ sessionId: f.pastRunId }), expected: "nothing" },
  attendanceReport: { args: (f) => ({ sessionId: f.pastRunId }), expected: "nothing" },
  attendanceReportsToConfirm: { expected: "nothing", ownerSeesNothing: true },
  courseRun: { args: (f) => ({ id: f.pastRunId }), expected: "public" },
  pamResults: { args: (f) => ({ sessionId: f.pastRunId }), expected: "nothing" },
  pamResultsSummary: { args: (f) => ({ sessionId: f.pastRunId }), expected: "public" },
  pamSummary: { args: (f) => ({ offerId: f.publishedOfferId, period: f.reportMonth }), expected: "public" },
  participationReport: { args: (f) => ({ id: f.participationReportId }), expected: "nothing" },
  participationReports: {
    args: (f) => ({ filter: { reporterId: f.organisationId } }),
    expected: "nothing",
  },
  participationSummary: {
    args: (f) => ({ offerId: f.publishedOfferId, period: f.reportMonth }),
    expected: "public",
  },
  previewDigest: { args: (f) => ({ personId: f.personId }), expected: "nothing" },
  sentMail: { args: (f) => ({ id: f.mailId }), expected: "nothing" },
  sessionSignUps: { args: (f) => ({ sessionId: f.signUpSessionId }), expected: "nothing" },
  // A private link's token is the only key; a made-up one opens nothing, for anyone.
  signUpByToken: { args: () => ({ token: "A".repeat(43) }), expected: "nothing", ownerSeesNothing: true },
  signUpRequests: { args: (f) => ({ providerId: f.organisationId }), expected: "nothing" },
  signUpRetentionMonths: { expected: "public" },
  sentMails: { expected: "own" },
  webhookDeliveries: { args: (f) => ({ subscriptionId: f.webhookSubscriptionId }), expected: "nothing" },
  webhookSubscriptions: { args: (f) => ({ organisationId: f.organisationId }), expected: "nothing" },
};

type Answer = {
  data?: { result?: unknown } | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

function isNothing(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  const edges = (value as { edges?: unknown[] }).edges;
  return Array.isArray(edges) && edges.length === 0;
}

let db: Database;
let foreign: ForeignObjects;
let callers: Caller[];
beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  foreign = await createForeignObjects(db);
  callers = await outsiders(db, foreign);
});
afterAll(() => db.$disconnect());

const queryFields = Object.values(schema.getQueryType()?.getFields() ?? {});
const send = (caller: Caller, query: string, variables: Record<string, unknown>) =>
  graphQLClient(gatewayFor(db, caller).fetch, "http://gateway.test/graphql", headersOf(caller)).send(
    query,
    variables,
  ) as Promise<Answer>;
const documentFor = (name: string) => {
  const field = queryFields.find((f) => f.name === name);
  if (!field) throw new Error(`no Query field ${name}`);
  return readDocument(schema, "query", field, rows[name]?.args?.(foreign) ?? {});
};

describe("every query", () => {
  it("has a row for each Query field, and no row for a field that is gone", () => {
    expect(queryFields.map((f) => f.name).sort()).toEqual(Object.keys(rows).sort());
  });

  it("shows the owner's admin its private things through the same documents", async () => {
    const owner: Caller = { name: "owner", viewer: viewerWith([{ org: ownerKey, role: "ADMIN" }]) };
    const blind: string[] = [];
    for (const [name, row] of Object.entries(rows)) {
      const { query, variables } = documentFor(name);
      const answer = await send(owner, query, variables);
      // A document the schema refuses has no data at all; one that ran has, if only a null.
      expect(answer.data, `${name}: ${JSON.stringify(answer.errors)}`).toBeDefined();
      if (row.ownerSeesNothing) continue;
      expect(answer.errors ?? [], name).toEqual([]);
      if (row.expected === "nothing" && isNothing(answer.data?.result)) blind.push(name);
    }
    expect(blind).toEqual([]);
  }, 120_000);

  it("gives no outsider anything of the foreign organisation", async () => {
    const problems: string[] = [];
    for (const caller of callers) {
      let clean = 0;
      for (const [name, row] of Object.entries(rows)) {
        const { query, variables } = documentFor(name);
        const answer = await send(caller, query, variables);
        const where = `${caller.name} → ${name}`;
        for (const e of answer.errors ?? [])
          if (/Unexpected error/.test(e.message)) problems.push(`${where}: ${e.message}`);
        const leaked = leaks(foreign, answer, variables);
        if (leaked.length > 0) problems.push(`${where} leaks ${leaked.join(", ")}`);
        else if (row.expected === "nothing" && !isNothing(answer.data?.result))
          problems.push(`${where} answers ${JSON.stringify(answer.data?.result).slice(0, 200)}`);
        else clean++;
      }
      console.log(
        `[security] queries with foreign ids for ${caller.name}: ${clean} of ${Object.keys(rows).length} give nothing of the other organisation`,
      );
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
