import { randomUUID } from "node:crypto";
import type { Database } from "@samspill/database";
import {
  parsePeriodKey,
  periodKey,
  periodMonths,
  SMALL_COUNT_THRESHOLD,
  yearPeriods,
} from "@samspill/domain";
import { graphql } from "@samspill/graphql";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { testGateway } from "../../support/gateway.js";
import { municipalityNumbers } from "../../support/municipality-numbers.js";

// An attacker with the public API: two queries of the grid (overview trends for a hospital
// trust's catchment, a health community, or both; participation summaries for a provider or one
// offer; any period of the year), everything they publish written down as equations over the
// true counts (month × offer × audience), and every combination of them tried. The scopes nest
// and overlap: trust T's catchment holds municipalities A and B, trust U's holds C, the health
// community holds B and C; T provides offers 0–2 and municipality C offers 3–4, serving A / A+B /
// B / B+C / C. Over data full of small counts, no count of 1–4 people in any period, offer or
// audience, nor any scope's total of them, may follow from the two answers.

const YEAR = 2023;
const audiences = ["patients", "carers", "childrenAndYouth", "parents", "others"] as const;

let db: Database;
const trustId = randomUUID();
const otherTrustId = randomUUID();
const communityId = randomUUID();
const municipalityC = randomUUID();
const [numberA, numberB, numberC] = municipalityNumbers("gridDifferencing", 3);
const stem = randomUUID().slice(0, 8);
const offerIds: string[] = [];
/** Municipalities each offer serves, and its provider. */
const offers: { serves: string[]; provider: "T" | "C" }[] = [
  { serves: [numberA!], provider: "T" },
  { serves: [numberA!, numberB!], provider: "T" },
  { serves: [numberB!], provider: "T" },
  { serves: [numberB!, numberC!], provider: "C" },
  { serves: [numberC!], provider: "C" },
];

/** Reports: [offer, month, counts by audience]. Small counts on purpose, some beside large ones. */
const reports: [number, number, number[]][] = [
  [0, 1, [3, 0, 0, 0, 0]],
  [0, 2, [20, 2, 0, 0, 0]],
  [0, 4, [12, 0, 0, 0, 6]],
  [0, 7, [0, 0, 0, 0, 4]],
  [0, 8, [9, 1, 0, 0, 0]],
  [1, 1, [15, 0, 0, 0, 0]],
  [1, 3, [1, 0, 0, 0, 0]],
  [1, 6, [0, 7, 0, 0, 0]],
  [1, 10, [30, 0, 2, 0, 0]],
  [2, 2, [9, 9, 0, 0, 0]],
  [2, 5, [2, 0, 0, 0, 0]],
  [2, 11, [6, 0, 0, 3, 0]],
  [2, 12, [40, 5, 0, 0, 0]],
  [3, 1, [2, 0, 0, 0, 0]],
  [3, 3, [25, 0, 0, 0, 0]],
  [3, 6, [8, 0, 0, 0, 1]],
  [3, 9, [11, 0, 0, 0, 0]],
  [4, 1, [30, 0, 0, 0, 0]],
  [4, 3, [4, 0, 0, 0, 0]],
  [4, 9, [6, 3, 0, 0, 0]],
  [4, 12, [12, 0, 0, 0, 0]],
];
const OFFERS = offers.length;
const unknowns = 12 * OFFERS * audiences.length;
const at = (month: number, offer: number, audience: number) => ((month - 1) * OFFERS + offer) * 5 + audience;
const truth = new Array<number>(unknowns).fill(0);
for (const [offer, month, counts] of reports)
  counts.forEach((v, a) => {
    truth[at(month, offer, a)]! += v;
  });

/** The offers each trend scope counts: those serving one of its municipalities. */
const trendScopes = {
  trust: [numberA!, numberB!],
  otherTrust: [numberC!],
  community: [numberB!, numberC!],
  trustAndCommunity: [numberB!],
} as const;
type TrendScope = keyof typeof trendScopes;
const offersServing = (numbers: readonly string[]) =>
  offers.flatMap((o, k) => (o.serves.some((n) => numbers.includes(n)) ? [k] : []));
const providerOffers = (provider: "T" | "C") =>
  offers.flatMap((o, k) => (o.provider === provider ? [k] : []));

/** A published figure: the true counts it adds up, and the value shown (null: hidden). */
interface Fact {
  sum: number[];
  value: number | null;
}

/** Unknowns behind a figure: the months of a period, a set of offers, audiences (all or one). */
function cellsOf(period: string, offerSet: readonly number[], audience: number | null): number[] {
  const out: number[] = [];
  for (const m of periodMonths(parsePeriodKey(period)!))
    for (const o of offerSet)
      for (let a = 0; a < audiences.length; a++)
        if (audience === null || audience === a) out.push(at(m.index, o, a));
  return out;
}

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

type Query =
  | { kind: "trends"; period: string; scope: TrendScope }
  | { kind: "summary"; period: string; provider: "T" | "C" | null; offer: number | null };

async function facts(q: Query): Promise<Fact[]> {
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

/** Row-reduces the shown facts; returns a test of whether a sum of unknowns follows from them. */
function knowledge(known: Fact[]) {
  const basis: { pivot: number; row: number[] }[] = [];
  const reduce = (vector: number[]) => {
    const v = [...vector];
    for (const { pivot, row } of basis) {
      const f = v[pivot]!;
      if (Math.abs(f) > 1e-9) for (let k = 0; k < v.length; k++) v[k]! -= f * row[k]!;
    }
    return v;
  };
  for (const fact of known) {
    const v = reduce(indicator(fact.sum));
    const pivot = v.findIndex((x) => Math.abs(x) > 1e-9);
    if (pivot === -1) continue;
    const scale = v[pivot]!;
    const row = v.map((x) => x / scale);
    for (const b of basis) {
      const f = b.row[pivot]!;
      if (Math.abs(f) > 1e-9) for (let k = 0; k < unknowns; k++) b.row[k]! -= f * row[k]!;
    }
    basis.push({ pivot, row });
  }
  return (sum: number[]) => reduce(indicator(sum)).every((x) => Math.abs(x) < 1e-9);
}

function indicator(cells: number[]): number[] {
  const v = new Array<number>(unknowns).fill(0);
  for (const c of cells) v[c] = 1;
  return v;
}

/** Every small true figure a scope could hold: period × (one offer or a scope's offers) × audience. */
const offerSets = [
  ...offers.map((_, k) => [k]),
  providerOffers("T"),
  providerOffers("C"),
  ...Object.values(trendScopes).map(offersServing),
];
const smallFigures = yearPeriods(YEAR).flatMap((p) =>
  offerSets.flatMap((offerSet) =>
    [null, 0, 1, 2, 3, 4].flatMap((audience) => {
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
  await db.organisation.createMany({
    data: [
      { id: trustId, kind: "HOSPITAL_TRUST", name: `Rutenett HF ${stem}` },
      { id: otherTrustId, kind: "HOSPITAL_TRUST", name: `Nabo HF ${stem}` },
      { id: communityId, kind: "HEALTH_COMMUNITY", name: `Rutenett helsefellesskap ${stem}` },
    ],
  });
  for (const [number, trust] of [
    [numberA!, trustId],
    [numberB!, trustId],
    [numberC!, otherTrustId],
  ] as const)
    await db.municipality.create({
      data: { number, name: `Rutevik ${number}`, county: "Testfylke", hospitalTrustId: trust },
    });
  // B and C as organisations, members of the community; C provides offers 3 and 4.
  const municipalityB = randomUUID();
  await db.organisation.createMany({
    data: [
      { id: municipalityB, kind: "MUNICIPALITY", name: `Rutevik ${numberB}`, municipalityNumber: numberB! },
      { id: municipalityC, kind: "MUNICIPALITY", name: `Rutevik ${numberC}`, municipalityNumber: numberC! },
    ],
  });
  await db.healthCommunityMember.createMany({
    data: [municipalityB, municipalityC].map((organisationId) => ({
      healthCommunityId: communityId,
      organisationId,
    })),
  });
  for (const [o, offer] of offers.entries()) {
    const created = await db.offer.create({
      data: {
        providerId: offer.provider === "T" ? trustId : municipalityC,
        title: `Rutenettkurs ${o} ${stem}`,
        summary: "Kurs for differansetesten",
        kind: "GROUP_COURSE",
        diagnosisScope: "DIAGNOSIS_SPECIFIC",
        format: "PHYSICAL",
        languages: ["nb"],
        audiences: ["PATIENTS"],
        status: "PUBLISHED",
        publishedAt: new Date(Date.UTC(YEAR - 1, 0, 1)),
        municipalities: { create: offer.serves.map((municipalityNumber) => ({ municipalityNumber })) },
      },
    });
    offerIds.push(created.id);
  }
  for (const [offer, month, counts] of reports) {
    const [patients, carers, childrenAndYouth, parents, others] = counts as [
      number,
      number,
      number,
      number,
      number,
    ];
    await db.participationReport.create({
      data: {
        reporterId: offers[offer]!.provider === "T" ? trustId : municipalityC,
        offerId: offerIds[offer]!,
        periodStart: new Date(Date.UTC(YEAR, month - 1, 3)),
        periodEnd: new Date(Date.UTC(YEAR, month - 1, 25)),
        patients,
        carers,
        childrenAndYouth,
        parents,
        others,
      },
    });
  }
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
