import type { Database } from "@samspill/database";
import { seedDemoData } from "@samspill/seed";
import { actionPlans } from "@samspill/seed/action-plans";
import { loadMunicipalities } from "@samspill/seed/municipalities";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";

let db: Database;
// The region's municipalities as the seed loads them (its copy of the reference list in
// ../shared, checked against it): other test files share this database and add municipalities
// of their own, so counts are taken within this list.
const regionNumbers = loadMunicipalities().map((m) => m.number);

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

describe("demo seed", () => {
  it("loads the region: RHF, three trusts with LMS, all 65 municipalities, user organisations, NTNU, two health communities", async () => {
    const byKind = await db.organisation.groupBy({ by: ["kind"], _count: true });
    const count = Object.fromEntries(byKind.map((r) => [r.kind, r._count]));
    // Other test files share this database and may add organisations: count the seeded ones by name.
    const trusts = ["Helse Møre og Romsdal HF", "St. Olavs hospital HF", "Helse Nord-Trøndelag HF"];
    expect(await db.organisation.count({ where: { kind: "HOSPITAL_TRUST", name: { in: trusts } } })).toBe(3);
    expect(
      await db.organisation.count({
        where: { kind: "REGIONAL_HEALTH_AUTHORITY", name: "Helse Midt-Norge RHF" },
      }),
    ).toBe(1);
    expect(
      await db.organisation.count({
        where: { kind: "MUNICIPALITY", municipalityNumber: { in: regionNumbers } },
      }),
    ).toBe(65);
    expect(count.HEALTH_COMMUNITY).toBeGreaterThanOrEqual(2);
    expect(count.UNIVERSITY).toBeGreaterThanOrEqual(1);
    expect(count.USER_ORGANISATION).toBeGreaterThanOrEqual(4);
    expect(regionNumbers).toHaveLength(65);
    expect(await db.municipality.count({ where: { number: { in: regionNumbers } } })).toBe(65);
    expect(
      await db.municipality.count({ where: { number: { in: regionNumbers }, hospitalTrustId: null } }),
    ).toBe(0);
    const lms = await db.unit.groupBy({
      by: ["organisationId"],
      where: { kind: "LEARNING_AND_MASTERY_CENTRE" },
    });
    expect(lms).toHaveLength(3);
    expect(await db.unit.count({ where: { kind: "HEALTHY_LIVING_CENTRE" } })).toBeGreaterThanOrEqual(5);
  });

  it("has dozens of offers that leave real gaps in the overview", async () => {
    expect(await db.offer.count({ where: { status: "PUBLISHED" } })).toBeGreaterThanOrEqual(24);
    const served = await db.offerMunicipality.findMany({
      where: { offer: { status: "PUBLISHED" } },
      distinct: ["municipalityNumber"],
      select: { municipalityNumber: true },
    });
    // Some municipalities are covered, but not all: the overview must have gaps to show.
    expect(served.length).toBeGreaterThan(10);
    const frailElderlyMunicipalities = await db.offerMunicipality.findMany({
      where: { offer: { status: "PUBLISHED", priorityGroups: { has: "FRAIL_ELDERLY" } } },
      distinct: ["municipalityNumber"],
    });
    expect(frailElderlyMunicipalities.length).toBeLessThan(65);
    expect(await db.offer.count({ where: { flaggedForReview: true } })).toBeGreaterThanOrEqual(1);
    // The demo region's flagged offers are the forum's open task-division flags, owned by their
    // providers (other test files add flagged offers of their own, so not every one is checked).
    const [asked] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Offer" o JOIN "ForumFlag" f ON f."offerId" = o."id"
      WHERE o."flaggedForReview" AND f."ownerId" = o."providerId"
        AND f."kind" = 'TASK_DIVISION_CONFLICT' AND f."state" = 'OPEN'`;
    expect(asked!.n).toBeGreaterThanOrEqual(1);
  });

  it("holds every current action-plan measure, per section, and keeps removed ones as history", async () => {
    for (const plan of actionPlans) {
      // Other test files share this database and add measures of their own: count the seeded ones.
      const rows = await db.measure.groupBy({
        by: ["section"],
        where: {
          plan: { key: plan.key },
          removed: false,
          key: { in: plan.measures.map((m) => m.key) },
        },
        _count: true,
      });
      const inDb = Object.fromEntries(rows.map((r) => [r.section, r._count]));
      const expected: Record<string, number> = {};
      for (const m of plan.measures) expected[m.section] = (expected[m.section] ?? 0) + 1;
      expect(inDb).toEqual(expected);
      const removed = await db.measure.count({
        where: {
          plan: { key: plan.key },
          removed: true,
          key: { in: plan.removedMeasures.map((m) => m.key) },
        },
      });
      expect(removed).toBe(plan.removedMeasures.length);
    }
    const current = (key: string) => actionPlans.find((p) => p.key === key)?.measures.length;
    expect(current("hmn-rhf-2023-2027")).toBe(41);
    expect(current("hmr-lms-2023-2025")).toBe(50);
  });

  it("is idempotent: a second run changes no counts and records no audit entry or event", async () => {
    const tables = async () => ({
      organisations: await db.organisation.count(),
      units: await db.unit.count(),
      people: await db.person.count(),
      memberships: await db.membership.count(),
      offers: await db.offer.count(),
      sessions: await db.offerSession.count(),
      served: await db.offerMunicipality.count(),
      agreements: await db.agreement.count(),
      meetings: await db.meetingPoint.count(),
      followUps: await db.followUp.count(),
      reports: await db.participationReport.count(),
      pam: await db.pamEvaluation.count(),
      measures: await db.measure.count(),
      audit: await db.auditEntry.count(),
      events: await db.outboxEvent.count(),
    });
    const before = await tables();
    await seedDemoData(db);
    expect(await tables()).toEqual(before);
  });
});
