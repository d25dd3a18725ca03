import type { Database } from "@samspill/database";
import type { Viewer } from "@samspill/gateway/context";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { seedId } from "@samspill/seed/ids";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { successData, validationIssues } from "../../support/answers.js";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { createProvider } from "../../support/providers.js";

// PAM aggregates: reported by the offer's provider, published before/after with small
// respondent counts suppressed.

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

const kols = seedId("offer:stolav-kols");
const stolavEditor = () => ({
  ...viewerWith([{ org: "hf:stolav", role: "EDITOR" }], "Per Solberg"),
  personId: seedId("person:per"),
});

const reportPam = graphql(`mutation Pam($input: ReportPamEvaluationInput!) {
  reportPamEvaluation(input: $input) {
    __typename
    ... on MutationReportPamEvaluationSuccess {
      data { id reporter { id } offer { id } respondentsBefore respondentsAfter meanScoreBefore meanScoreAfter meanChange levelsBefore levelsAfter }
    }
    ... on ValidationError { issues { field code messageNb } }
  }
}`);

const evaluation = {
  offerId: kols,
  periodStart: "2024-01-01",
  periodEnd: "2024-06-30",
  respondentsBefore: 12,
  respondentsAfter: 10,
  meanScoreBefore: 52.3,
  meanScoreAfter: 61.8,
  levelsBefore: [3, 4, 3, 2],
  levelsAfter: [1, 2, 4, 3],
};

describe("reporting PAM", () => {
  it("lets the provider report aggregates, with audit and outbox", async () => {
    const { data, errors } = await testGateway(db, stolavEditor()).query(reportPam, {
      input: evaluation,
    });
    expect(errors).toBeUndefined();
    const r = data!.reportPamEvaluation;
    expect(r.__typename).toBe("MutationReportPamEvaluationSuccess");
    expect(successData(r)).toMatchObject({
      reporter: { id: orgId("hf:stolav") },
      offer: { id: kols },
      meanScoreBefore: 52.3,
      meanScoreAfter: 61.8,
      meanChange: 9.5,
      levelsAfter: [1, 2, 4, 3],
    });
    const audit = await db.auditEntry.findMany({
      where: { entityType: "PamEvaluation", entityId: successData(r).id },
    });
    expect(audit.map((a) => [a.action, a.organisationId])).toEqual([["pam.report", orgId("hf:stolav")]]);
    const events = await db.outboxEvent.findMany({ where: { aggregateId: successData(r).id } });
    expect(events.map((e) => e.type)).toEqual(["pam.reported"]);
  });

  it("refuses a second report for the same offer and period", async () => {
    const { data } = await testGateway(db, stolavEditor()).query(reportPam, { input: evaluation });
    expect(data!.reportPamEvaluation).toMatchObject({
      __typename: "ValidationError",
      issues: [{ field: "periodStart", code: "already_reported" }],
    });
  });

  it("refuses inconsistent aggregates", async () => {
    const { data } = await testGateway(db, stolavEditor()).query(reportPam, {
      input: { ...evaluation, periodStart: "2023-01-01", periodEnd: "2023-06-30", levelsAfter: [1, 2, 4, 4] },
    });
    expect(validationIssues(data!.reportPamEvaluation)).toEqual([
      expect.objectContaining({ field: "levelsAfter", code: "levels_sum" }),
    ]);
  });

  it("is only for the offer's provider", async () => {
    for (const viewer of [
      viewerWith([{ org: "uo:ffo", role: "REPORTER" }]),
      viewerWith([{ org: "hf:hmr", role: "ADMIN" }]),
      viewerWith([{ org: "hf:stolav", role: "VIEWER" }]),
      null,
    ]) {
      const { data, errors } = await testGateway(db, viewer).query(reportPam, {
        input: { ...evaluation, periodStart: "2023-07-01", periodEnd: "2023-12-31" },
      });
      // Signed out: refused before the resolver. Signed in: the command refuses once it has
      // read the offer's provider, with a typed ForbiddenError.
      if (viewer) expect(data?.reportPamEvaluation.__typename).toBe("ForbiddenError");
      else expect(errors?.[0]?.message).toMatch(/not authorized/i);
    }
  });
});

describe("PAM summary", () => {
  const summary =
    graphql(`query Summary($offerId: ID, $providerId: ID, $hospitalTrustId: ID, $period: String!) {
    pamSummary(offerId: $offerId, providerId: $providerId, hospitalTrustId: $hospitalTrustId, period: $period) {
      evaluations
      before { respondents meanScore levels }
      after { respondents meanScore levels }
      meanChange
      offers { offer { id } evaluations before { respondents meanScore levels } after { respondents meanScore levels } meanChange }
    }
  }`);

  it("hides small respondent counts and their means, and what would give them away", async () => {
    const provider = await createProvider(db, "PAM", 2);
    const [x, y] = provider.offerIds as [string, string];
    const owner: Viewer = {
      kind: "PERSON",
      personId: null,
      tokenId: null,
      name: "Test",
      memberships: [{ organisationId: provider.id, role: "REPORTER" }],
    };
    const gw = testGateway(db, owner);
    const base = { periodStart: "2025-01-01", periodEnd: "2025-06-30" };
    for (const input of [
      {
        ...base,
        offerId: x,
        respondentsBefore: 10,
        levelsBefore: [0, 5, 5, 0],
        meanScoreBefore: 55,
        respondentsAfter: 8,
        levelsAfter: [0, 0, 8, 0],
        meanScoreAfter: 60,
      },
      {
        ...base,
        offerId: y,
        respondentsBefore: 3,
        levelsBefore: [0, 3, 0, 0],
        meanScoreBefore: 50,
        respondentsAfter: 6,
        levelsAfter: [0, 0, 6, 0],
        meanScoreAfter: 58,
      },
    ]) {
      const { data } = await gw.query(reportPam, { input });
      expect(data!.reportPamEvaluation.__typename).toBe("MutationReportPamEvaluationSuccess");
    }
    const { data, errors } = await testGateway(db).query(summary, {
      providerId: provider.id,
      period: "2025",
    });
    expect(errors).toBeUndefined();
    const s = data!.pamSummary;
    expect(s.evaluations).toBe(2);
    const byOffer = new Map(s.offers.map((o) => [o.offer.id, o]));
    // Before: y had 3 respondents. With the total 13 published, x's 10 must go too, and with
    // the level-2 total 8, x's level 2 as well; x's and y's means go with their respondents.
    expect(byOffer.get(y)!.before).toEqual({ respondents: null, meanScore: null, levels: [0, null, 0, 0] });
    expect(byOffer.get(x)!.before).toEqual({ respondents: null, meanScore: null, levels: [0, null, 5, 0] });
    expect(s.before).toEqual({ respondents: 13, meanScore: 53.8, levels: [0, 8, 5, 0] });
    // After: nobody is few, everything shows.
    expect(byOffer.get(x)!.after).toEqual({ respondents: 8, meanScore: 60, levels: [0, 0, 8, 0] });
    expect(byOffer.get(y)!.after).toEqual({ respondents: 6, meanScore: 58, levels: [0, 0, 6, 0] });
    expect(s.after).toEqual({ respondents: 14, meanScore: 59.1, levels: [0, 0, 14, 0] });
    expect(s.meanChange).toBe(5.3);
    expect(byOffer.get(x)!.meanChange).toBeNull();
  });

  it("summarises a hospital trust's area without publishing a small count", async () => {
    const { data, errors } = await testGateway(db).query(summary, {
      hospitalTrustId: orgId("hf:stolav"),
      period: "2024",
    });
    expect(errors).toBeUndefined();
    const s = data!.pamSummary;
    expect(s.offers.map((o) => o.offer.id)).toContain(kols);
    const counts = [s.before, s.after, ...s.offers.flatMap((o) => [o.before, o.after])].flatMap((f) => [
      f.respondents,
      ...f.levels,
    ]);
    expect(counts.filter((v) => v !== null && v > 0 && v < 5)).toEqual([]);
  });
});
