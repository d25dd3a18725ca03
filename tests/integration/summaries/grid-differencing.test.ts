import type { Database } from "@samspill/database";
import { periodKey, SMALL_COUNT_THRESHOLD, yearPeriods } from "@samspill/domain";
import { graphql } from "@samspill/graphql";
import { buildAnnualReport, loadReportScopes, renderAnnualReport } from "@samspill/mail";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { testGateway } from "../../support/gateway.js";
import {
  audiences,
  cellsOf,
  communityId,
  type Fact,
  knowledge,
  municipalityC,
  OFFERS,
  offerIds,
  offers,
  offersServing,
  otherTrustId,
  providerOffers,
  reportedIn,
  seedGrid,
  type TrendScope,
  trendScopes,
  trustId,
  truth,
  YEAR,
} from "./grid-fixture.js";

// An attacker with the public API: two queries of the grid (overview trends for a hospital
// trust's catchment, a health community, or both; participation summaries for a provider or one
// offer; A0099 activity of trust T, as GraphQL or the JSON export; the annual report of T or the
// community; any period of the year), everything they publish written down as equations over the
// true counts (month × offer × audience), and every combination of them tried. The scopes nest
// and overlap: trust T's catchment holds municipalities A and B, trust U's holds C, the health
// community holds B and C; T provides offers 0–2 and municipality C offers 3–4, serving A / A+B /
// B / B+C / C. T's offers are A0099 courses (0 for diabetes, 1 and 2 for COPD: A0099 rows of one
// offer and of two), each report the filed attendance of a run held that month. Over data full
// of small counts, no count of 1–4 people in any period, offer or audience, nor any scope's total
// of them, may follow from the two answers. The data and the algebra: grid-fixture.ts.

let db: Database;

const trendsQuery = graphql(`query GridTrends($trust: ID, $community: ID, $period: String!) {
  overviewTrends(hospitalTrustId: $trust, healthCommunityId: $community, period: $period) {
    participantsTotal months { month participants }
  }
}`);
const summaryQuery = graphql(`query GridSummary($provider: ID, $offer: ID, $period: String!) {
  participationSummary(providerId: $provider, offerId: $offer, period: $period) {
    participants { patients carers childrenAndYouth parents others total }
    offers { offer { id } participants { patients carers childrenAndYouth parents others total } }
  }
}`);

const a0099Query = graphql(`query GridA0099($trust: ID!, $period: String!) {
  a0099Activity(hospitalTrustId: $trust, period: $period) {
    rows { diagnosisGroup patients relatives participants }
    total { patients relatives participants }
  }
}`);

type Query =
  | { kind: "trends"; period: string; scope: TrendScope }
  | { kind: "summary"; period: string; provider: "T" | "C" | null; offer: number | null }
  | { kind: "a0099"; period: string; via: "graphql" | "json" }
  | { kind: "annual"; scope: "T" | "community" };

type A0099Figures = { patients: number | null; relatives: number | null; participants: number | null };

/** A0099's rows (diagnosis group → T's offers of it run in the period) and total. */
async function a0099Facts(period: string, via: "graphql" | "json"): Promise<Fact[]> {
  let answer: { rows: (A0099Figures & { diagnosisGroup: string | null })[]; total: A0099Figures };
  if (via === "graphql") {
    const { data, errors } = await testGateway(db).query(a0099Query, { trust: trustId, period });
    expect(errors).toBeUndefined();
    answer = data!.a0099Activity;
  } else {
    const url = `http://gateway.test/export/a0099.json?period=${period}&hospitalTrust=${trustId}`;
    const response = await testGateway(db).app.fetch(new Request(url));
    expect(response.status).toBe(200);
    answer = (await response.json()) as typeof answer;
  }
  const figures = (offerSet: number[], f: A0099Figures): Fact[] => [
    { sum: cellsOf(period, offerSet, 0), value: f.patients },
    { sum: cellsOf(period, offerSet, 1), value: f.relatives },
    { sum: cellsOf(period, offerSet, [0, 1]), value: f.participants },
  ];
  const ofGroup = (group: string | null) =>
    reportedIn(
      period,
      offers.flatMap((o, k) => (o.a0099 === group ? [k] : [])),
    );
  return [
    ...answer.rows.flatMap((r) => figures(ofGroup(r.diagnosisGroup), r)),
    ...figures(reportedIn(period, providerOffers("T")), answer.total),
  ];
}

/** The annual report of the year for T or the community (B and C): participants, and A0099's. */
async function annualFacts(scope: "T" | "community"): Promise<Fact[]> {
  const id = scope === "T" ? trustId : communityId;
  const reportScope = (await loadReportScopes(db)).find((s) => s.id === id)!;
  const report = await buildAnnualReport(db, reportScope, {
    year: YEAR,
    start: new Date(Date.UTC(YEAR, 0, 1)),
    end: new Date(Date.UTC(YEAR + 1, 0, 1)),
  });
  const { html } = await renderAnnualReport({
    report,
    recipientName: "Angriper",
    publicUrl: "http://hub.test",
    smallCountThreshold: SMALL_COUNT_THRESHOLD,
  });
  const row = (label: string) => {
    const found = new RegExp(`${label}</td>\\s*<td[^>]*>([^<]*)</td>`).exec(html);
    expect(found, `no row ${label}`).not.toBeNull();
    return /^\d+$/.test(found![1]!) ? Number(found![1]) : null;
  };
  const scopeOffers = providerOffers(scope === "T" ? "T" : "C");
  const a0099Offers = scopeOffers.filter((k) => offers[k]!.a0099);
  return [
    ...["Pasienter", "Pårørende", "Barn og unge", "Foreldre", "Andre"].map((label, a) => ({
      sum: cellsOf(String(YEAR), scopeOffers, a),
      value: row(label),
    })),
    { sum: cellsOf(String(YEAR), scopeOffers, null), value: row("Totalt") },
    { sum: cellsOf(String(YEAR), a0099Offers, null), value: row("Deltakere") },
  ];
}

async function facts(q: Query): Promise<Fact[]> {
  if (q.kind === "a0099") return a0099Facts(q.period, q.via);
  if (q.kind === "annual") return annualFacts(q.scope);
  const gateway = testGateway(db);
  if (q.kind === "trends") {
    const { data, errors } = await gateway.query(trendsQuery, {
      trust: { trust: trustId, otherTrust: otherTrustId, community: null, trustAndCommunity: trustId }[
        q.scope
      ],
      community: q.scope === "community" || q.scope === "trustAndCommunity" ? communityId : null,
      period: q.period,
    });
    expect(errors).toBeUndefined();
    const t = data!.overviewTrends;
    const inScope = offersServing(trendScopes[q.scope]);
    return [
      { sum: cellsOf(q.period, inScope, null), value: t.participantsTotal },
      ...t.months.map((m) => ({ sum: cellsOf(m.month.slice(0, 7), inScope, null), value: m.participants })),
    ];
  }
  const { data, errors } = await gateway.query(summaryQuery, {
    provider: q.provider === null ? null : q.provider === "T" ? trustId : municipalityC,
    offer: q.offer === null ? null : offerIds[q.offer]!,
    period: q.period,
  });
  expect(errors).toBeUndefined();
  const s = data!.participationSummary;
  const row = (offerSet: number[], figures: Record<(typeof audiences)[number] | "total", number | null>) => [
    ...audiences.map((k, a) => ({ sum: cellsOf(q.period, offerSet, a), value: figures[k] })),
    { sum: cellsOf(q.period, offerSet, null), value: figures.total },
  ];
  return [
    ...row(q.offer === null ? providerOffers(q.provider!) : [q.offer], s.participants),
    ...s.offers.flatMap((o) => row([offerIds.indexOf(o.offer.id)], o.participants)),
  ];
}

/** Every small true figure a scope could hold: period × (one offer or a scope's offers) × audience. */
const offerSets = [
  ...offers.map((_, k) => [k]),
  providerOffers("T"),
  providerOffers("C"),
  ...Object.values(trendScopes).map(offersServing),
  [1, 2],
];
const smallFigures = yearPeriods(YEAR).flatMap((p) =>
  offerSets.flatMap((offerSet) =>
    [null, 0, 1, 2, 3, 4, [0, 1]].flatMap((audience) => {
      const sum = cellsOf(periodKey(p), offerSet, audience);
      const value = sum.reduce((n, c) => n + truth[c]!, 0);
      return value > 0 && value < SMALL_COUNT_THRESHOLD
        ? [
            {
              sum,
              value,
              label: `${periodKey(p)} offers ${offerSet.join("+")} audience ${audience ?? "all"}`,
            },
          ]
        : [];
    }),
  ),
);

beforeAll(async () => {
  db = testDatabase();
  await seedGrid(db);
});
afterAll(() => db.$disconnect());

const period = fc.constantFrom(...yearPeriods(YEAR).map(periodKey));
const trendScope = fc.constantFrom(...(Object.keys(trendScopes) as TrendScope[]));
const query: fc.Arbitrary<Query> = fc.oneof(
  fc.tuple(period, trendScope).map(([p, scope]) => ({ kind: "trends" as const, period: p, scope })),
  fc.tuple(period, fc.constantFrom("T" as const, "C" as const)).map(([p, provider]) => ({
    kind: "summary" as const,
    period: p,
    provider,
    offer: null,
  })),
  fc
    .tuple(period, fc.integer({ min: 0, max: OFFERS - 1 }))
    .map(([p, offer]) => ({ kind: "summary" as const, period: p, provider: null, offer })),
  fc
    .tuple(period, fc.constantFrom("graphql" as const, "json" as const))
    .map(([p, via]) => ({ kind: "a0099" as const, period: p, via })),
  fc.constantFrom("T" as const, "community" as const).map((scope) => ({ kind: "annual" as const, scope })),
);
/** Every pair of scopes over the whole year (the trends show each month): nested and overlapping. */
const scopesOfTheYear: Query[] = [
  ...(Object.keys(trendScopes) as TrendScope[]).map((scope) => ({
    kind: "trends" as const,
    period: String(YEAR),
    scope,
  })),
  ...(["T", "C"] as const).map((provider) => ({
    kind: "summary" as const,
    period: String(YEAR),
    provider,
    offer: null,
  })),
  { kind: "a0099" as const, period: String(YEAR), via: "graphql" as const },
  { kind: "annual" as const, scope: "T" as const },
  { kind: "annual" as const, scope: "community" as const },
];
const scopePairs = scopesOfTheYear.flatMap((a, i) =>
  scopesOfTheYear.slice(i + 1).map((b): [Query, Query] => [a, b]),
);

describe("pairs of grid queries, subtracted", () => {
  it("the data holds small counts to find", () => {
    expect(smallFigures.length).toBeGreaterThan(20);
  });

  it("never give back a count under the threshold, within a scope or across nested and overlapping scopes", async () => {
    const answers = new Map<string, Promise<Fact[]>>();
    const ask = (q: Query) => {
      const key = JSON.stringify(q);
      if (!answers.has(key)) answers.set(key, facts(q));
      return answers.get(key)!;
    };
    await fc.assert(
      fc.asyncProperty(query, query, async (a, b) => {
        const known = [...(await ask(a)), ...(await ask(b))];
        // Shown figures are true; hidden ones are not known.
        for (const f of known)
          if (f.value !== null) expect(f.value).toBe(f.sum.reduce((n, c) => n + truth[c]!, 0));
        const follows = knowledge(known.filter((f) => f.value !== null));
        const recovered = smallFigures.filter((s) => follows(s.sum)).map((s) => s.label);
        expect(recovered, `${JSON.stringify(a)} with ${JSON.stringify(b)}`).toEqual([]);
      }),
      { numRuns: 80, examples: scopePairs },
    );
  });
});
