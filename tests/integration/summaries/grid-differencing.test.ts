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

// An attacker with the public API: two queries of the grid (overview trends and participation
// summaries, any period of the year, the provider's table or one offer's), everything they
// publish written down as equations over the true counts (month × offer × audience), and every
// combination of them tried. Over data full of small counts, no count of 1–4 people in any
// period, offer or audience, nor any total of them, may follow from the two answers.

const YEAR = 2023;
const audiences = ["patients", "carers", "childrenAndYouth", "parents", "others"] as const;

let db: Database;
const trustId = randomUUID();
const number = `7${String(Math.floor(Math.random() * 900) + 100)}`;
const offerIds: string[] = [];

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
];
const OFFERS = 3;
const unknowns = 12 * OFFERS * audiences.length;
const at = (month: number, offer: number, audience: number) => ((month - 1) * OFFERS + offer) * 5 + audience;
const truth = new Array<number>(unknowns).fill(0);
for (const [offer, month, counts] of reports)
  counts.forEach((v, a) => {
    truth[at(month, offer, a)]! += v;
  });

/** A published figure: the true counts it adds up, and the value shown (null: hidden). */
interface Fact {
  sum: number[];
  value: number | null;
}

/** Unknowns behind a figure: the months of a period, offers (all or one), audiences (all or one). */
function cellsOf(period: string, offer: number | null, audience: number | null): number[] {
  const out: number[] = [];
  for (const m of periodMonths(parsePeriodKey(period)!))
    for (let o = 0; o < OFFERS; o++)
      for (let a = 0; a < audiences.length; a++)
        if ((offer === null || offer === o) && (audience === null || audience === a))
          out.push(at(m.index, o, a));
  return out;
}

const trendsQuery = graphql(`query GridTrends($trust: ID!, $period: String!) {
  overviewTrends(hospitalTrustId: $trust, period: $period) { participantsTotal months { month participants } }
}`);
const summaryQuery = graphql(`query GridSummary($provider: ID, $offer: ID, $period: String!) {
  participationSummary(providerId: $provider, offerId: $offer, period: $period) {
    participants { patients carers childrenAndYouth parents others total }
    offers { offer { id } participants { patients carers childrenAndYouth parents others total } }
  }
}`);

type Query = { kind: "trends"; period: string } | { kind: "summary"; period: string; offer: number | null };

async function facts(q: Query): Promise<Fact[]> {
  const gateway = testGateway(db);
  if (q.kind === "trends") {
    const { data, errors } = await gateway.query(trendsQuery, { trust: trustId, period: q.period });
    expect(errors).toBeUndefined();
    const t = data!.overviewTrends;
    return [
      { sum: cellsOf(q.period, null, null), value: t.participantsTotal },
      ...t.months.map((m) => ({ sum: cellsOf(m.month.slice(0, 7), null, null), value: m.participants })),
    ];
  }
  const { data, errors } = await gateway.query(summaryQuery, {
    provider: q.offer === null ? trustId : null,
    offer: q.offer === null ? null : offerIds[q.offer]!,
    period: q.period,
  });
  expect(errors).toBeUndefined();
  const s = data!.participationSummary;
  const row = (
    offer: number | null,
    figures: Record<(typeof audiences)[number] | "total", number | null>,
  ) => [
    ...audiences.map((k, a) => ({ sum: cellsOf(q.period, offer, a), value: figures[k] })),
    { sum: cellsOf(q.period, offer, null), value: figures.total },
  ];
  return [
    ...row(q.offer, s.participants),
    ...s.offers.flatMap((o) => row(offerIds.indexOf(o.offer.id), o.participants)),
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

/** Every small true figure a table of the grid could hold: period × offer (or all) × audience (or all). */
const smallFigures = yearPeriods(YEAR).flatMap((p) =>
  [null, 0, 1, 2].flatMap((offer) =>
    [null, 0, 1, 2, 3, 4].flatMap((audience) => {
      const sum = cellsOf(periodKey(p), offer, audience);
      const value = sum.reduce((n, c) => n + truth[c]!, 0);
      return value > 0 && value < SMALL_COUNT_THRESHOLD
        ? [{ sum, value, label: `${periodKey(p)} offer ${offer ?? "all"} audience ${audience ?? "all"}` }]
        : [];
    }),
  ),
);

beforeAll(async () => {
  db = testDatabase();
  await db.organisation.create({
    data: { id: trustId, kind: "HOSPITAL_TRUST", name: `Rutenett HF ${number}` },
  });
  await db.municipality.create({
    data: { number, name: `Rutevik ${number}`, county: "Testfylke", hospitalTrustId: trustId },
  });
  for (let o = 0; o < OFFERS; o++) {
    const offer = await db.offer.create({
      data: {
        providerId: trustId,
        title: `Rutenettkurs ${o} ${number}`,
        summary: "Kurs for differansetesten",
        kind: "GROUP_COURSE",
        diagnosisScope: "DIAGNOSIS_SPECIFIC",
        format: "PHYSICAL",
        languages: ["nb"],
        audiences: ["PATIENTS"],
        status: "PUBLISHED",
        publishedAt: new Date(Date.UTC(YEAR - 1, 0, 1)),
        municipalities: { create: [{ municipalityNumber: number }] },
      },
    });
    offerIds.push(offer.id);
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
        reporterId: trustId,
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
const query: fc.Arbitrary<Query> = fc.oneof(
  period.map((p) => ({ kind: "trends" as const, period: p })),
  fc
    .tuple(period, fc.constantFrom(null, 0, 1, 2))
    .map(([p, offer]) => ({ kind: "summary" as const, period: p, offer })),
);

describe("pairs of grid queries, subtracted", () => {
  it("the data holds small counts to find", () => {
    expect(smallFigures.length).toBeGreaterThan(20);
  });

  it("never give back a count under the threshold", async () => {
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
      { numRuns: 60 },
    );
  });
});
