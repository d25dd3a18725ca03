import { randomUUID } from "node:crypto";
import type { Database } from "@samspill/database";
import {
  diagnosisGroups,
  diagnosisScopes,
  type OfferStatus,
  offerFormats,
  offerStatuses,
  priorityGroups,
  taskDivisionFlag,
} from "@samspill/domain";
import type { OfferSnapshot } from "@samspill/events";
import { projectOffer, projectOffers, rebuildOverview } from "@samspill/read-model";
import { seedDemoData } from "@samspill/seed";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId } from "../../support/gateway.js";

// The overview's central promise: whatever order offer events arrive in, however often each
// arrives and however many run at once, the incrementally maintained read model equals one
// recomputed from the offer tables; also when the projector takes several events in one transaction.

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(async () => {
  // The generated offers were removed after each run; leave a read model that matches.
  await rebuildOverview(db);
  await db.$disconnect();
});

const providers = [
  { id: orgId("mun:1506"), kind: "MUNICIPALITY" as const },
  { id: orgId("mun:1505"), kind: "MUNICIPALITY" as const },
  { id: orgId("hf:hmr"), kind: "HOSPITAL_TRUST" as const },
];
const municipalities = ["1505", "1506", "1508", "1515", "5001"];
const languages = ["nb", "nn", "en", "ar", "so", "ti", "uk"];

/** The editable state of an offer; each change of it is one new version. */
const state = fc.record({
  status: fc.constantFrom<OfferStatus>(...offerStatuses),
  diagnosisScope: fc.constantFrom(...diagnosisScopes),
  diagnosisGroups: fc.subarray([...diagnosisGroups], { maxLength: 3 }),
  priorityGroups: fc.subarray([...priorityGroups]),
  format: fc.constantFrom(...offerFormats),
  languages: fc.subarray(languages, { minLength: 1, maxLength: 3 }),
  municipalityNumbers: fc.subarray(municipalities, { minLength: 1, maxLength: 3 }),
  reviewDueOn: fc.option(fc.constantFrom("2026-01-15", "2027-06-30", "2031-12-31"), { nil: null }),
});

/** One offer's history: its provider and the states of versions 1, 2, … */
const history = fc.record({
  provider: fc.constantFrom(...providers),
  versions: fc.array(state, { minLength: 1, maxLength: 6 }),
});

const scenario = fc.array(history, { minLength: 1, maxLength: 4 }).chain((offers) => {
  const total = offers.reduce((n, o) => n + o.versions.length, 0);
  const indexes = Array.from({ length: total }, (_, i) => i);
  return fc.record({
    offers: fc.constant(offers),
    // Every event at least once, in any order; then some again, anywhere.
    order: fc.shuffledSubarray(indexes, { minLength: total, maxLength: total }),
    repeats: fc.array(fc.record({ event: fc.nat(total - 1), at: fc.nat() }), { maxLength: total }),
    parallelism: fc.integer({ min: 1, max: 4 }),
    // Events per projection transaction, as the worker batches the events it holds.
    batch: fc.integer({ min: 1, max: 4 }),
  });
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function snapshots(s: Scenario): OfferSnapshot[][] {
  return s.offers.map((o) => {
    const id = randomUUID();
    return o.versions.map((v, i) => ({
      id,
      version: i + 1,
      providerId: o.provider.id,
      providerKind: o.provider.kind,
      title: `Eiendomstest ${id.slice(0, 8)} v${i + 1}`,
      status: v.status,
      diagnosisScope: v.diagnosisScope,
      diagnosisGroups: v.diagnosisGroups,
      priorityGroups: v.priorityGroups,
      format: v.format,
      languages: v.languages,
      municipalityNumbers: v.municipalityNumbers,
      flaggedForReview: taskDivisionFlag(o.provider.kind, v.diagnosisScope).flagged,
      reviewDueOn: v.reviewDueOn,
    }));
  });
}

/** Stores the latest version of each offer in the offer tables: what a rebuild reads. */
async function storeLatest(latest: OfferSnapshot): Promise<void> {
  await db.offer.create({
    data: {
      id: latest.id,
      providerId: latest.providerId,
      title: latest.title,
      summary: "Generert av eiendomstesten",
      kind: "GROUP_COURSE",
      diagnosisScope: latest.diagnosisScope,
      diagnosisGroups: latest.diagnosisGroups,
      priorityGroups: latest.priorityGroups,
      format: latest.format,
      languages: latest.languages,
      status: latest.status,
      publishedAt: new Date(),
      flaggedForReview: latest.flaggedForReview,
      reviewDueOn: latest.reviewDueOn ? new Date(`${latest.reviewDueOn}T00:00:00Z`) : null,
      version: latest.version,
      municipalities: { create: latest.municipalityNumbers.map((m) => ({ municipalityNumber: m })) },
    },
  });
}

/** The whole read model, minus what only says when or from which event a row was written. */
async function readModel() {
  const [offers, counts] = await Promise.all([
    db.overviewOffer.findMany({ orderBy: { offerId: "asc" } }),
    db.overviewCount.findMany({
      orderBy: [{ municipalityNumber: "asc" }, { dimension: "asc" }, { value: "asc" }, { providerId: "asc" }],
    }),
  ]);
  return { offers: offers.map(({ projectedAt: _p, eventSequence: _s, ...rest }) => rest), counts };
}

describe("overview projection", () => {
  it("incremental == rebuild after random, repeated, reordered and concurrent offer events", async () => {
    let applied = 0;
    let ignored = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        await rebuildOverview(db);
        const perOffer = snapshots(s);
        const events = perOffer.flat().map((snapshot, i) => ({ snapshot, sequence: BigInt(i + 1) }));
        const delivery = s.order.map((i) => events[i]!);
        for (const r of s.repeats) delivery.splice(r.at % (delivery.length + 1), 0, events[r.event]!);

        for (const history of perOffer) await storeLatest(history[history.length - 1]!);
        const batches = Array.from({ length: Math.ceil(delivery.length / s.batch) }, (_, b) =>
          delivery.slice(b * s.batch, (b + 1) * s.batch),
        );
        for (let i = 0; i < batches.length; i += s.parallelism) {
          const results = await Promise.all(
            batches.slice(i, i + s.parallelism).map((batch) =>
              batch.length === 1
                ? projectOffer(db, batch[0]!.snapshot, batch[0]!.sequence).then((r) => [r])
                : projectOffers(
                    db,
                    batch.map((e) => ({ snapshot: e.snapshot, eventSequence: e.sequence })),
                  ),
            ),
          );
          for (const r of results.flat()) r.decision === "apply" ? applied++ : ignored++;
        }

        try {
          const incremental = await readModel();
          await rebuildOverview(db);
          expect(incremental).toEqual(await readModel());
        } finally {
          // Other test files share this database: leave no generated offers in their catalogue.
          await db.offer.deleteMany({ where: { id: { in: perOffer.map((h) => h[0]!.id) } } });
        }
      }),
      { numRuns: 30 },
    );
    // The runs exercised both paths: events applied, and duplicates or late events ignored.
    expect(applied).toBeGreaterThan(0);
    expect(ignored).toBeGreaterThan(0);
  }, 180_000);
});
