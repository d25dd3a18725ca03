import type { Database } from "@samspill/database";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";

// The database itself refuses impossible data, whatever code path writes it.

let db: Database;
let offerId: string;
let orgId: string;
let meetingId: string;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  const offer = await db.offer.findFirstOrThrow({ where: { status: "PUBLISHED" } });
  offerId = offer.id;
  orgId = offer.providerId;
  meetingId = (await db.meetingPoint.findFirstOrThrow()).id;
});
afterAll(() => db.$disconnect());

const period = { periodStart: new Date("2026-01-01"), periodEnd: new Date("2026-06-30") };

describe("database constraints", () => {
  it("refuses negative participation counts", async () => {
    await expect(
      db.participationReport.create({ data: { reporterId: orgId, offerId, ...period, patients: -1 } }),
    ).rejects.toThrow(/check/i);
  });

  it("refuses a period that ends before it starts", async () => {
    await expect(
      db.participationReport.create({
        data: {
          reporterId: orgId,
          offerId,
          periodStart: new Date("2026-06-30"),
          periodEnd: new Date("2026-01-01"),
        },
      }),
    ).rejects.toThrow(/check/i);
  });

  it("refuses a participation report about nothing, or about two things", async () => {
    await expect(db.participationReport.create({ data: { reporterId: orgId, ...period } })).rejects.toThrow(
      /check/i,
    );
    await expect(
      db.participationReport.create({
        data: { reporterId: orgId, offerId, meetingPointId: meetingId, ...period },
      }),
    ).rejects.toThrow(/check/i);
  });

  it("refuses sessions that end before they start and negative capacity", async () => {
    const startsAt = new Date("2027-01-10T10:00:00Z");
    await expect(
      db.offerSession.create({ data: { offerId, startsAt, endsAt: new Date("2027-01-10T09:00:00Z") } }),
    ).rejects.toThrow(/check/i);
    await expect(
      db.offerSession.create({
        data: { offerId, startsAt, endsAt: new Date("2027-01-10T12:00:00Z"), capacity: -3 },
      }),
    ).rejects.toThrow(/check/i);
  });

  it("refuses agreements valid to before valid from", async () => {
    await expect(
      db.agreement.create({
        data: {
          title: "Ugyldig",
          validFrom: new Date("2026-05-01"),
          validTo: new Date("2026-04-01"),
          coordinatorId: orgId,
        },
      }),
    ).rejects.toThrow(/check/i);
  });

  it("refuses PAM scores outside 0–100 and level lists that are not four long", async () => {
    const base = {
      offerId,
      reporterId: orgId,
      respondentsBefore: 10,
      respondentsAfter: 9,
      levelsBefore: [1, 2, 3, 4],
    };
    await expect(
      db.pamEvaluation.create({
        data: {
          ...base,
          periodStart: new Date("2020-01-01"),
          periodEnd: new Date("2020-06-30"),
          meanScoreBefore: "101",
          meanScoreAfter: "50",
          levelsAfter: [1, 2, 3, 3],
        },
      }),
    ).rejects.toThrow(/check/i);
    await expect(
      db.pamEvaluation.create({
        data: {
          ...base,
          periodStart: new Date("2020-07-01"),
          periodEnd: new Date("2020-12-31"),
          meanScoreBefore: "50",
          meanScoreAfter: "60",
          levelsAfter: [1, 2],
        },
      }),
    ).rejects.toThrow(/check/i);
  });

  it("refuses a municipality number that is not four digits and a version below 1", async () => {
    await expect(
      db.municipality.create({ data: { number: "12a4", name: "X", county: "Y" } }),
    ).rejects.toThrow(/check/i);
    await expect(db.offer.update({ where: { id: offerId }, data: { version: 0 } })).rejects.toThrow(/check/i);
  });

  it("keeps the audit trail append-only", async () => {
    const entry = await db.auditEntry.create({
      data: { actorKind: "SYSTEM", action: "test", entityType: "Offer", entityId: offerId, changes: {} },
    });
    await expect(
      db.auditEntry.update({ where: { id: entry.id }, data: { action: "tampered" } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.auditEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    expect((await db.auditEntry.findUniqueOrThrow({ where: { id: entry.id } })).action).toBe("test");
  });

  it("refuses to delete an organisation that still provides offers", async () => {
    await expect(db.organisation.delete({ where: { id: orgId } })).rejects.toThrow();
  });
});
