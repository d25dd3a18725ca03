import { randomUUID } from "node:crypto";
import type { Database } from "@samspill/database";
import type { Viewer } from "@samspill/gateway/context";
import { graphql } from "@samspill/graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { type TestGateway, testGateway } from "../../support/gateway.js";
import { municipalityNumbers } from "../../support/municipality-numbers.js";
import { publishOffer } from "../../support/overview.js";

// overviewTrends: offers published and active per month (from the audit trail, with the
// publishing date for offers that predate it) and participation per month with small counts
// suppressed. The test builds a hospital trust and a municipality of its own, so the figures
// are exactly what it wrote, whatever other test files add to the shared database.

let db: Database;
let publicGateway: TestGateway;
let editorGateway: TestGateway;
const trustId = randomUUID();
const municipalityOrgId = randomUUID();
const [number] = municipalityNumbers("trends", 1) as [string];

// The audit-trail and report figures are written in a past year of their own; the offer
// published through the gateway lands in the current month.
const YEAR = 2024;
/** Noon on `day` of `month` (1–12) of YEAR (UTC). */
const at = (month: number, day = 15) => new Date(Date.UTC(YEAR, month - 1, day, 12));
const firstOf = (month: number) => at(month, 1).toISOString().slice(0, 10);
const now = new Date();
const thisMonth = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;

const trendsQuery = graphql(`query Trends($trust: ID, $community: ID, $period: String) {
  overviewTrends(hospitalTrustId: $trust, healthCommunityId: $community, period: $period) {
    period from to participantsTotal
    months { month offersPublished offersActive reports participants userRepresentatives }
  }
}`);

interface Trends {
  period: string;
  from: string;
  to: string;
  participantsTotal: number | null;
  months: {
    month: string;
    offersPublished: number;
    offersActive: number;
    reports: number;
    participants: number | null;
    userRepresentatives: number;
  }[];
}

async function trends(period = `${YEAR}-H1`): Promise<Trends> {
  const result = await publicGateway.query(trendsQuery, { trust: trustId, period });
  expect(result.errors).toBeUndefined();
  return result.data!.overviewTrends;
}

/** An offer written straight to the database, as the seed and imports do (no audit trail). */
async function insertOffer(status: "PUBLISHED" | "ARCHIVED" | "DRAFT", publishedAt: Date | null) {
  const offer = await db.offer.create({
    data: {
      providerId: municipalityOrgId,
      title: `Trendkurs ${randomUUID().slice(0, 8)}`,
      summary: "Kurs for trendtesten",
      kind: "GROUP_COURSE",
      diagnosisScope: "DIAGNOSIS_INDEPENDENT",
      audiences: ["PATIENTS"],
      format: "PHYSICAL",
      status,
      publishedAt,
      municipalities: { create: [{ municipalityNumber: number }] },
    },
  });
  return offer.id;
}

async function report(offerId: string, month: number, patients: number, carers: number, reps: number) {
  await db.participationReport.create({
    data: {
      reporterId: municipalityOrgId,
      offerId,
      periodStart: new Date(`${firstOf(month)}T00:00:00Z`),
      periodEnd: new Date(`${at(month, 20).toISOString().slice(0, 10)}T00:00:00Z`),
      patients,
      carers,
      userRepsDelivery: reps,
    },
  });
}

beforeAll(async () => {
  db = testDatabase();
  await db.organisation.create({
    data: { id: trustId, kind: "HOSPITAL_TRUST", name: `Trendforetaket HF ${trustId.slice(0, 8)}` },
  });
  await db.municipality.create({
    data: { number, name: `Trendvik ${number}`, county: "Testfylke", hospitalTrustId: trustId },
  });
  await db.organisation.create({
    data: {
      id: municipalityOrgId,
      kind: "MUNICIPALITY",
      name: `Trendvik kommune ${number}`,
      municipalityNumber: number,
    },
  });
  publicGateway = testGateway(db, null);
  const editor: Viewer = {
    kind: "PERSON",
    personId: null,
    tokenId: null,
    name: "Trend Editor",
    memberships: [{ organisationId: municipalityOrgId, role: "EDITOR" }],
  };
  editorGateway = testGateway(db, editor);
});
afterAll(async () => {
  await db.$disconnect();
});

describe("overviewTrends", () => {
  it("answers one row per month of the grid period, all zero for an empty area", async () => {
    const t = await trends(`${YEAR}-Q2`);
    expect(t.period).toBe(`${YEAR}-Q2`);
    expect(t.months.map((m) => m.month)).toEqual([firstOf(4), firstOf(5), firstOf(6)]);
    expect(t.from).toBe(firstOf(4));
    expect(t.to).toBe(`${YEAR}-06-30`);
    expect(t.months.every((m) => m.offersPublished === 0 && m.offersActive === 0 && m.reports === 0)).toBe(
      true,
    );
    expect(t.participantsTotal).toBe(0);
    expect((await trends(`${YEAR}`)).months).toHaveLength(12);
  });

  it("counts an offer as active from its publishing until the status change that ended it", async () => {
    const archived = await insertOffer("ARCHIVED", at(1));
    // Archived through the gateway in March: the audit trail says it was published before.
    await db.auditEntry.create({
      data: {
        actorKind: "SYSTEM",
        organisationId: municipalityOrgId,
        action: "offer.status",
        entityType: "Offer",
        entityId: archived,
        changes: { status: { from: "PUBLISHED", to: "ARCHIVED" } },
        occurredAt: at(3),
      },
    });
    // A draft never counts, and an offer still published counts in every month since.
    await insertOffer("DRAFT", null);
    await insertOffer("PUBLISHED", at(2));

    const t = await trends(`${YEAR}-H1`);
    expect(t.months.map((m) => m.offersPublished)).toEqual([1, 1, 0, 0, 0, 0]);
    expect(t.months.map((m) => m.offersActive)).toEqual([1, 2, 2, 1, 1, 1]);
  });

  it("counts an offer published through the gateway in the current month, and only in its own area", async () => {
    const before = await trends(thisMonth);
    // A neighbouring trust whose catchment the offer does not serve.
    const otherTrust = await db.organisation.create({
      data: { kind: "HOSPITAL_TRUST", name: `Nabo HF ${randomUUID().slice(0, 8)}` },
    });
    await db.municipality.create({
      data: {
        number: municipalityNumbers("trendsNeighbour", 1)[0]!,
        name: "Naboby",
        county: "Testfylke",
        hospitalTrustId: otherTrust.id,
      },
    });
    const otherBefore = await publicGateway.query(trendsQuery, { trust: otherTrust.id, period: thisMonth });

    await publishOffer((document, variables) => editorGateway.query(document, variables), {
      providerId: municipalityOrgId,
      title: "Sov godt – kurs",
      municipalityNumbers: [number],
    });

    const after = await trends(thisMonth);
    expect(after.months[0]!.offersPublished).toBe(before.months[0]!.offersPublished + 1);
    expect(after.months[0]!.offersActive).toBe(before.months[0]!.offersActive + 1);
    const otherAfter = await publicGateway.query(trendsQuery, { trust: otherTrust.id, period: thisMonth });
    expect(otherAfter.data).toEqual(otherBefore.data);
  });

  it("sums participation per month and hides small counts so they cannot be worked out", async () => {
    const offer = await insertOffer("PUBLISHED", at(1, 2));
    await report(offer, 1, 2, 1, 2); // 3 people: too few to publish
    await report(offer, 2, 8, 4, 1); // 12
    await report(offer, 3, 20, 10, 0); // 30
    // A draft's figures are nobody's business.
    const draft = await insertOffer("DRAFT", null);
    await report(draft, 2, 40, 0, 0);

    const t = await trends(`${YEAR}-Q1`);
    expect(t.months.map((m) => m.reports)).toEqual([1, 1, 1]);
    expect(t.months[0]!.participants).toBeNull();
    // User representatives take part in an official role: never suppressed.
    expect(t.months.map((m) => m.userRepresentatives)).toEqual([2, 1, 0]);
    // The hidden 3 must not follow from the quarter's total: another figure is hidden too.
    const shown = t.months.map((m) => m.participants);
    const hidden = shown.filter((p) => p === null).length + (t.participantsTotal === null ? 1 : 0);
    expect(hidden).toBeGreaterThanOrEqual(2);
    for (const [i, expected] of [12, 30].entries()) {
      const value = shown[i + 1];
      if (value !== null) expect(value).toBe(expected);
    }
    if (t.participantsTotal !== null) expect(t.participantsTotal).toBe(45);
    // Nor from the year, the first half-year or January asked for on their own.
    for (const period of [`${YEAR}`, `${YEAR}-H1`, `${YEAR}-01`]) {
      const other = await trends(period);
      const january = other.months.find((m) => m.month === firstOf(1));
      expect(january?.participants ?? null).toBeNull();
      if (period === `${YEAR}-01`) expect(other.participantsTotal).toBeNull();
      if (other.participantsTotal !== null && t.participantsTotal !== null && period !== `${YEAR}-01`)
        expect(other.participantsTotal - t.participantsTotal).not.toBe(3);
    }
  });

  it("refuses a call without an area, and any window that is not a period of the grid", async () => {
    const noScope = await publicGateway.query(trendsQuery, { period: `${YEAR}` });
    expect(noScope.errors?.[0]?.message).toMatch(/hospitalTrustId/);
    for (const period of [`${YEAR}-01-01`, `${YEAR}-13`, `${YEAR}-Q5`, "12", `${YEAR}-02..${YEAR}-03`]) {
      const refused = await publicGateway.query(trendsQuery, { trust: trustId, period });
      expect(refused.errors?.[0]?.message, period).toBeTruthy();
      expect(refused.data ?? null).toBeNull();
    }
  });
});
