import { randomUUID } from "node:crypto";
import { type Actor, loadDatasetBatch, systemActor, unitOf } from "@samspill/commands";
import type { Database } from "@samspill/database";
import { type DatasetBatchInput, DomainValidationError, ForbiddenError } from "@samspill/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { captureWrites } from "../../support/writes.js";

// The bulk load the benchmark builds its data set with: only the system may use it, a batch is
// validated whole and written whole, with one audit entry that counts rows and no domain events
// (the overview is rebuilt afterwards, as after a restore).

let db: Database;
beforeAll(() => {
  db = testDatabase();
});
afterAll(() => db.$disconnect());

/** A trust, a municipality with one diagnosis-specific offer, a session and a report. */
function batch() {
  const ids = {
    trust: randomUUID(),
    municipality: randomUUID(),
    offer: randomUUID(),
    session: randomUUID(),
    report: randomUUID(),
    person: randomUUID(),
  };
  const tag = ids.trust.slice(0, 8);
  const input: DatasetBatchInput = {
    dataset: `bulk-load test ${tag}`,
    organisations: [
      { id: ids.trust, kind: "HOSPITAL_TRUST", name: `Testsykehuset HF ${tag}` },
      { id: ids.municipality, kind: "MUNICIPALITY", name: `Testvik kommune ${tag}` },
    ],
    offers: [
      {
        id: ids.offer,
        providerId: ids.municipality,
        title: "Mestringskurs for personer med diabetes",
        summary: "Et kurs om å leve med diabetes.",
        kind: "GROUP_COURSE",
        diagnosisScope: "DIAGNOSIS_SPECIFIC",
        diagnosisCodes: ["E11"],
        format: "PHYSICAL",
        location: "Rådhuset",
        status: "PUBLISHED",
        publishedAt: new Date("2026-01-05T10:00:00Z"),
      },
    ],
    sessions: [
      {
        id: ids.session,
        offerId: ids.offer,
        startsAt: new Date("2026-02-01T10:00:00Z"),
        endsAt: new Date("2026-02-01T12:00:00Z"),
        capacity: 12,
        registrations: 3,
      },
    ],
    people: [{ id: ids.person, name: "Kari Testesen", email: `kari-${tag}@example.no` }],
    subscriptions: [
      {
        id: randomUUID(),
        personId: ids.person,
        kind: "WEEKLY_DIGEST",
        municipalityNumbers: [],
        priorityGroups: ["FRAIL_ELDERLY"],
      },
    ],
    participationReports: [
      {
        id: ids.report,
        reporterId: ids.municipality,
        offerId: ids.offer,
        meetingPointId: null,
        periodStart: new Date("2026-01-01"),
        periodEnd: new Date("2026-03-31"),
        patients: 9,
        carers: 2,
        childrenAndYouth: 0,
        parents: 0,
        others: 0,
        userRepsPlanning: 1,
        userRepsDelivery: 0,
        userRepsEvaluation: 0,
      },
    ],
  };
  return { ids, input };
}

describe("bulk load", () => {
  it("writes a batch in one transaction with one audit entry of row counts and no events", async () => {
    const { ids, input } = batch();
    const { result, audits, events } = await captureWrites(db, () =>
      loadDatasetBatch(unitOf(db), systemActor("Test loader"), input),
    );
    expect(result).toMatchObject({
      Organisation: 2,
      Offer: 1,
      OfferSession: 1,
      ParticipationReport: 1,
      Person: 1,
      Subscription: 1,
    });
    expect(audits).toEqual([
      {
        action: "dataset.load",
        entityType: "Dataset",
        entityId: input.dataset,
        organisationId: null,
        changes: { rows: result },
      },
    ]);
    expect(events).toEqual([]);
    // Counts only: nothing of the person reaches the audit trail.
    expect(JSON.stringify(audits)).not.toMatch(/Kari|example\.no/);
    // Derived as the offer commands derive it: the task-division flag and the codes' groups.
    const offer = await db.offer.findUniqueOrThrow({ where: { id: ids.offer } });
    expect(offer).toMatchObject({
      flaggedForReview: true,
      diagnosisGroups: ["DIABETES"],
      status: "PUBLISHED",
    });
    expect(await db.participationReport.count({ where: { id: ids.report } })).toBe(1);
  });

  it("refuses anyone but the system, even an admin of every organisation in the batch", async () => {
    const { ids, input } = batch();
    const admin: Actor = {
      kind: "PERSON",
      personId: null,
      tokenId: null,
      name: "Admin",
      memberships: [ids.trust, ids.municipality].map((organisationId) => ({ organisationId, role: "ADMIN" })),
    };
    const token: Actor = { ...admin, kind: "API_TOKEN", tokenId: randomUUID() };
    for (const actor of [admin, token, null])
      await expect(loadDatasetBatch(unitOf(db), actor, input)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.organisation.count({ where: { id: { in: [ids.trust, ids.municipality] } } })).toBe(0);
  });

  it("refuses an invalid row before writing anything", async () => {
    const { ids, input } = batch();
    const report = { ...input.participationReports![0]!, meetingPointId: randomUUID() };
    const { audits } = await captureWrites(db, async () => {
      await expect(
        loadDatasetBatch(unitOf(db), systemActor(), { ...input, participationReports: [report] }),
      ).rejects.toBeInstanceOf(DomainValidationError);
    });
    expect(audits).toEqual([]);
    expect(await db.organisation.count({ where: { id: ids.trust } })).toBe(0);
  });

  it("rolls the whole batch back, audit entry included, when one row breaks a constraint", async () => {
    const { ids, input } = batch();
    const orphan = { ...input.sessions![0]!, id: randomUUID(), offerId: randomUUID() };
    const { audits } = await captureWrites(db, async () => {
      await expect(
        loadDatasetBatch(unitOf(db), systemActor(), { ...input, sessions: [...input.sessions!, orphan] }),
      ).rejects.toThrow();
    });
    expect(audits).toEqual([]);
    expect(await db.offer.count({ where: { id: ids.offer } })).toBe(0);
  });
});
