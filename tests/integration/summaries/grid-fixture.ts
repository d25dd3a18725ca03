import { randomUUID } from "node:crypto";
import type { Database } from "@samspill/database";
import { parsePeriodKey, periodMonths } from "@samspill/domain";
import { attendees, heldRun } from "../../support/attendance.js";
import { municipalityNumbers } from "../../support/municipality-numbers.js";

// The data of grid-differencing.test.ts, and what an attacker does with published figures: the
// true counts (month × offer × audience) as unknowns, each published figure an equation over
// them, and a test of whether a sum of unknowns follows from the equations.

export const YEAR = 2023;
export const audiences = ["patients", "carers", "childrenAndYouth", "parents", "others"] as const;

export const trustId = randomUUID();
export const otherTrustId = randomUUID();
export const communityId = randomUUID();
export const municipalityC = randomUUID();
const [numberA, numberB, numberC] = municipalityNumbers("gridDifferencing", 3);
const stem = randomUUID().slice(0, 8);
export const offerIds: string[] = [];
/** Municipalities each offer serves, its provider, and (T's A0099 courses) its diagnosis group. */
export const offers: { serves: string[]; provider: "T" | "C"; a0099?: "DIABETES" | "COPD" }[] = [
  { serves: [numberA!], provider: "T", a0099: "DIABETES" },
  { serves: [numberA!, numberB!], provider: "T", a0099: "COPD" },
  { serves: [numberB!], provider: "T", a0099: "COPD" },
  { serves: [numberB!, numberC!], provider: "C" },
  { serves: [numberC!], provider: "C" },
];

/** Reports: [offer, month, counts by audience]. Small counts on purpose, some beside large ones. */
export const reports: [number, number, number[]][] = [
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
export const OFFERS = offers.length;
const unknowns = 12 * OFFERS * audiences.length;
const at = (month: number, offer: number, audience: number) => ((month - 1) * OFFERS + offer) * 5 + audience;
export const truth = new Array<number>(unknowns).fill(0);
for (const [offer, month, counts] of reports)
  counts.forEach((v, a) => {
    truth[at(month, offer, a)]! += v;
  });

/** The offers each trend scope counts: those serving one of its municipalities. */
export const trendScopes = {
  trust: [numberA!, numberB!],
  otherTrust: [numberC!],
  community: [numberB!, numberC!],
  trustAndCommunity: [numberB!],
} as const;
export type TrendScope = keyof typeof trendScopes;
export const offersServing = (numbers: readonly string[]) =>
  offers.flatMap((o, k) => (o.serves.some((n) => numbers.includes(n)) ? [k] : []));
export const providerOffers = (provider: "T" | "C") =>
  offers.flatMap((o, k) => (o.provider === provider ? [k] : []));

/** A published figure: the true counts it adds up, and the value shown (null: hidden). */
export interface Fact {
  sum: number[];
  value: number | null;
}

/** Unknowns behind a figure: the months of a period, a set of offers, audiences (all, one, some). */
export function cellsOf(
  period: string,
  offerSet: readonly number[],
  audience: number | number[] | null,
): number[] {
  const out: number[] = [];
  const counted = (a: number) => audience === null || [audience].flat().includes(a);
  for (const m of periodMonths(parsePeriodKey(period)!))
    for (const o of offerSet)
      for (let a = 0; a < audiences.length; a++) if (counted(a)) out.push(at(m.index, o, a));
  return out;
}

/** Offers with a report (so, for T's, a run held) in a month of the period. */
export const reportedIn = (period: string, offerSet: readonly number[]) => {
  const months = periodMonths(parsePeriodKey(period)!).map((m) => m.index);
  return offerSet.filter((o) => reports.some(([r, month]) => r === o && months.includes(month)));
};
/** Row-reduces the shown facts; returns a test of whether a sum of unknowns follows from them. */
export function knowledge(known: Fact[]) {
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

/** Creates the organisations, municipalities, offers, reports and (T's) held runs. */
export async function seedGrid(db: Database) {
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
        // A0099 coding needs an interdisciplinary course (a CHECK constraint).
        ...(offer.a0099
          ? { a0099Eligible: true, interdisciplinary: true, diagnosisGroups: [offer.a0099] }
          : {}),
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
    // T's reports are the attendance of a run held that month (A0099 counts the runs).
    if (offers[offer]!.a0099)
      await heldRun(
        db,
        offerIds[offer]!,
        new Date(Date.UTC(YEAR, month - 1, 3, 9)),
        attendees(patients, carers),
      );
  }
}
