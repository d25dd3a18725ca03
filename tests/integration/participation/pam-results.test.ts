import type { Database } from "@samspill/database";
import type { Viewer } from "@samspill/gateway/context";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { successData, validationIssues } from "../../support/answers.js";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { createProvider } from "../../support/providers.js";

// PAM results per participant and course run (issue 14, item 7): entered by the provider under
// pseudonyms, published per run, provider and region with small counts suppressed.

let db: Database;
beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

const record = graphql(`mutation RecordPam($input: RecordPamResultsInput!) {
  recordPamResults(input: $input) {
    __typename
    ... on MutationRecordPamResultsSuccess { data { id pseudonym levelStart scoreStart levelEnd scoreEnd } }
    ... on ValidationError { issues { field code } }
    ... on ForbiddenError { message }
  }
}`);

const results = graphql(`query PamResultsOfRunTest($sessionId: ID!, $limit: Int!, $offset: Int!) {
  pamResults(sessionId: $sessionId, limit: $limit, offset: $offset) { pseudonym levelStart }
}`);

const summary =
  graphql(`query PamResultsSummary($sessionId: ID, $providerId: ID, $regionId: ID, $period: String) {
  pamResultsSummary(sessionId: $sessionId, providerId: $providerId, regionId: $regionId, period: $period) {
    period
    before { respondents levels meanScore }
    after { respondents levels meanScore }
    change { paired improved unchanged declined meanScoreChange }
    rows { session { id } provider { id } before { respondents levels } after { respondents levels } change { paired improved } }
  }
}`);

const owner = (organisationId: string): Viewer => ({
  kind: "PERSON",
  personId: null,
  tokenId: null,
  name: "Test",
  memberships: [{ organisationId, role: "REPORTER" }],
});

async function run(offerId: string, startsAt: string) {
  const s = await db.offerSession.create({
    data: { offerId, startsAt: new Date(startsAt), endsAt: new Date(Date.parse(startsAt) + 7_200_000) },
  });
  return s.id;
}

/** `n` participants going from `from` to `to`, with scores in those levels. */
const cohort = (prefix: string, n: number, from: number, to: number) =>
  Array.from({ length: n }, (_, i) => {
    const pseudonym = `${prefix}-${String(i + 10)}`;
    return [
      { pseudonym, phase: "START" as const, level: from, score: [40, 50, 60, 75][from - 1]! },
      { pseudonym, phase: "END" as const, level: to, score: [40, 50, 60, 75][to - 1]! },
    ];
  }).flat();

describe("recording PAM results", () => {
  it("stores results under pseudonyms, replaces a phase entered again, audits without pseudonyms", async () => {
    const provider = await createProvider(db, "PAMR", 1);
    const session = await run(provider.offerIds[0]!, "2025-03-10T09:00:00Z");
    const gw = testGateway(db, owner(provider.id));
    const first = await gw.query(record, {
      input: {
        sessionId: session,
        results: [
          { pseudonym: "K7-01", phase: "START", level: 2, score: 50 },
          { pseudonym: "K7-02", phase: "START", level: 1 },
        ],
      },
    });
    expect(first.errors).toBeUndefined();
    const again = await gw.query(record, {
      input: { sessionId: session, results: [{ pseudonym: "K7-01", phase: "END", level: 3, score: 60.04 }] },
    });
    // The answer holds the participants entered (as long as the input may be); the run's list is paged.
    expect(successData(again.data!.recordPamResults)).toEqual([
      expect.objectContaining({
        pseudonym: "K7-01",
        levelStart: 2,
        scoreStart: 50,
        levelEnd: 3,
        scoreEnd: 60,
      }),
    ]);
    const second = await gw.query(results, { sessionId: session, limit: 1, offset: 1 });
    expect(second.data?.pamResults).toEqual([{ pseudonym: "K7-02", levelStart: 1 }]);
    const audit = await db.auditEntry.findMany({ where: { entityType: "PamResult", entityId: session } });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit.map((a) => a.changes))).not.toContain("K7-0");
    const events = await db.outboxEvent.findMany({
      where: { aggregateId: session, type: "pam.results_changed" },
    });
    expect(events).toHaveLength(2);
    expect(JSON.stringify(events.map((e) => e.payload))).not.toContain("K7-0");
  });

  it("refuses names, contact details and scores outside their level, naming the field", async () => {
    const provider = await createProvider(db, "PAMV", 1);
    const session = await run(provider.offerIds[0]!, "2025-03-10T09:00:00Z");
    const { data } = await testGateway(db, owner(provider.id)).query(record, {
      input: {
        sessionId: session,
        results: [
          { pseudonym: "Kari Nordmann", phase: "START", level: 2 },
          { pseudonym: "kari@example.no", phase: "START", level: 2 },
          { pseudonym: "41234567", phase: "START", level: 2 },
          { pseudonym: "AB-12", phase: "START", level: 4, score: 30 },
        ],
      },
    });
    expect(validationIssues(data!.recordPamResults)?.map((i) => [i.field, i.code])).toEqual([
      ["results.0.pseudonym", "pseudonym_shape"],
      ["results.1.pseudonym", "pseudonym_personal"],
      ["results.2.pseudonym", "pseudonym_personal"],
      ["results.3.score", "score_outside_level"],
    ]);
    expect(await db.pamResult.count({ where: { sessionId: session } })).toBe(0);
  });

  it("refuses end results before the course starts", async () => {
    const provider = await createProvider(db, "PAMF", 1);
    const session = await run(provider.offerIds[0]!, new Date(Date.now() + 86_400_000 * 30).toISOString());
    const { data } = await testGateway(db, owner(provider.id)).query(record, {
      input: { sessionId: session, results: [{ pseudonym: "K7-01", phase: "END", level: 2 }] },
    });
    expect(validationIssues(data!.recordPamResults)).toEqual([
      expect.objectContaining({ field: "results.0.phase", code: "course_not_started" }),
    ]);
  });

  it("is only for the provider, and others read no results", async () => {
    const provider = await createProvider(db, "PAMA", 1);
    const session = await run(provider.offerIds[0]!, "2025-03-10T09:00:00Z");
    for (const viewer of [
      viewerWith([{ org: "hf:stolav", role: "ADMIN" }]),
      { ...owner(provider.id), memberships: [{ organisationId: provider.id, role: "VIEWER" as const }] },
    ]) {
      const { data } = await testGateway(db, viewer).query(record, {
        input: { sessionId: session, results: [{ pseudonym: "K7-01", phase: "START", level: 2 }] },
      });
      expect(data!.recordPamResults.__typename).toBe("ForbiddenError");
    }
  });
});

describe("PAM results summary", () => {
  it("shows a run's distributions and change, hiding small counts, and sums runs per provider and region", async () => {
    const provider = await createProvider(db, "PAMS", 1);
    const offer = provider.offerIds[0]!;
    const [a, b] = [await run(offer, "2025-02-03T09:00:00Z"), await run(offer, "2025-09-01T09:00:00Z")];
    const gw = testGateway(db, owner(provider.id));
    // Run a: 6 rise from 1 to 2, 2 stay at 3 (a small count). Run b: 5 rise from 2 to 4.
    await gw.query(record, {
      input: { sessionId: a, results: [...cohort("A", 6, 1, 2), ...cohort("AS", 2, 3, 3)] },
    });
    await gw.query(record, { input: { sessionId: b, results: cohort("B", 5, 2, 4) } });

    const runB = (await testGateway(db).query(summary, { sessionId: b })).data!.pamResultsSummary;
    expect(runB.period).toBe("2025");
    expect(runB.before).toEqual({ respondents: 5, levels: [0, 5, 0, 0], meanScore: 50 });
    expect(runB.after).toEqual({ respondents: 5, levels: [0, 0, 0, 5], meanScore: 75 });
    expect(runB.change).toEqual({ paired: 5, improved: 5, unchanged: 0, declined: 0, meanScoreChange: 25 });

    const runA = (await testGateway(db).query(summary, { sessionId: a })).data!.pamResultsSummary;
    // The two at level 3 are hidden, and with them the total they would be worked out from.
    expect(runA.before.levels[2]).toBeNull();
    expect(runA.change.unchanged).toBeNull();
    const published = [runA.before, runA.after].flatMap((d) => [d.respondents, ...d.levels]);
    expect(published.filter((v) => v !== null && v > 0 && v < 5)).toEqual([]);
    expect(runA.before.respondents === null || runA.before.levels.some((v) => v === null && v !== 0)).toBe(
      true,
    );

    const second = (await testGateway(db).query(summary, { providerId: provider.id, period: "2025-H2" }))
      .data!.pamResultsSummary;
    expect(second.rows.map((r) => r.session?.id)).toEqual([b]);
    expect(second.after.levels).toEqual([0, 0, 0, 5]);
    const year = (await testGateway(db).query(summary, { providerId: provider.id, period: "2025" })).data!
      .pamResultsSummary;
    expect(year.rows.map((r) => r.session?.id).sort()).toEqual([a, b].sort());
    // A sum is shown only where each run's figure in it is: run a's level 3 is hidden.
    expect(year.before.levels[2]).toBeNull();
    expect(year.before.levels[1]).toBe(runA.before.levels[1] === null ? null : 5);
  });

  it("summarises a region by provider and refuses a missing period", async () => {
    // A provider under the regional health authority (as its hospital trusts are).
    const provider = await createProvider(db, "PAMREG", 1);
    await db.organisation.update({ where: { id: provider.id }, data: { parentId: orgId("rhf:hmn") } });
    const session = await run(provider.offerIds[0]!, "2024-05-06T09:00:00Z");
    await testGateway(db, owner(provider.id)).query(record, {
      input: { sessionId: session, results: cohort("R", 7, 2, 3) },
    });
    const { data, errors } = await testGateway(db).query(summary, {
      regionId: orgId("rhf:hmn"),
      period: "2024",
    });
    expect(errors).toBeUndefined();
    const s = data!.pamResultsSummary;
    expect(s.rows.find((r) => r.provider.id === provider.id)).toMatchObject({
      session: null,
      before: { respondents: 7, levels: [0, 7, 0, 0] },
      change: { paired: 7, improved: 7 },
    });
    const counts = [s.before, s.after, ...s.rows.flatMap((r) => [r.before, r.after])].flatMap((d) => [
      d.respondents,
      ...d.levels,
    ]);
    expect(counts.filter((v) => v !== null && v > 0 && v < 5)).toEqual([]);
    const bad = await testGateway(db).query(summary, { providerId: orgId("rhf:hmn") });
    expect(bad.errors?.[0]?.message).toMatch(/period/i);
  });
});
