import type { Database } from "@samspill/database";
import { type MatrixDimension, readOverview, rebuildOverview } from "@samspill/read-model";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId } from "../../support/gateway.js";

// Which municipalities a hospital trust or a health community covers is reference data that no
// offer event carries: the overview reads the scope live, so a municipality moved to another
// trust or a member leaving a community shows at once, with no re-projection. Each read is
// compared with the same figures counted from the offer tables.

let db: Database;
const hmr = orgId("hf:hmr");
const community = orgId("hf-community:mr");
const molde = "1506";

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  await rebuildOverview(db);
});
afterAll(async () => {
  await db.$disconnect();
});

type Scope = { hospitalTrustId?: string; healthCommunityId?: string };

type Dimension = Extract<MatrixDimension, "FORMAT" | "PRIORITY_GROUP">;

/** The overview's scope-wide figures, per format or priority group, counted from the offer tables. */
async function fromOfferTables(scope: Scope, dimension: Dimension) {
  const municipalities = await db.municipality.findMany({
    where: {
      ...(scope.hospitalTrustId ? { hospitalTrustId: scope.hospitalTrustId } : {}),
      ...(scope.healthCommunityId
        ? {
            organisation: {
              is: { communityMemberships: { some: { healthCommunityId: scope.healthCommunityId } } },
            },
          }
        : {}),
    },
    select: { number: true },
    orderBy: { number: "asc" },
  });
  const numbers = municipalities.map((m) => m.number);
  const offers = await db.offer.findMany({
    where: { status: "PUBLISHED", municipalities: { some: { municipalityNumber: { in: numbers } } } },
    select: { providerId: true, format: true, priorityGroups: true },
  });
  const perValue = new Map<string, number>();
  for (const o of offers)
    for (const value of dimension === "FORMAT" ? [o.format] : new Set(o.priorityGroups))
      perValue.set(value, (perValue.get(value) ?? 0) + 1);
  return {
    numbers,
    offerCount: offers.length,
    providerCount: new Set(offers.map((o) => o.providerId)).size,
    perValue,
  };
}

async function expectTheSameFigures(scope: Scope, dimension: Dimension = "FORMAT") {
  const [overview, expected] = await Promise.all([
    readOverview(db, scope, dimension, { withAgreements: false }),
    fromOfferTables(scope, dimension),
  ]);
  expect(overview.rows.map((r) => r.municipalityNumber)).toEqual(expected.numbers);
  expect(overview.total.offerCount).toBe(expected.offerCount);
  expect(overview.total.providerCount).toBe(expected.providerCount);
  expect(overview.totals.length).toBeGreaterThan(0);
  for (const cell of overview.totals) expect(cell.offerCount).toBe(expected.perValue.get(cell.value) ?? 0);
  return overview;
}

describe("the overview's scope, read live", () => {
  it("follows a municipality moved to another hospital trust, without re-projecting", async () => {
    const other = await db.municipality.findFirstOrThrow({
      where: { hospitalTrustId: { not: hmr }, NOT: { hospitalTrustId: null } },
      select: { hospitalTrustId: true },
      orderBy: { number: "asc" },
    });
    const otherTrust = other.hospitalTrustId!;
    const before = await expectTheSameFigures({ hospitalTrustId: hmr });
    expect(before.rows.map((r) => r.municipalityNumber)).toContain(molde);
    expect(before.total.offerCount).toBeGreaterThan(0);
    try {
      await db.municipality.update({ where: { number: molde }, data: { hospitalTrustId: otherTrust } });
      const left = await expectTheSameFigures({ hospitalTrustId: hmr });
      expect(left.rows.map((r) => r.municipalityNumber)).not.toContain(molde);
      const joined = await expectTheSameFigures({ hospitalTrustId: otherTrust });
      expect(joined.rows.map((r) => r.municipalityNumber)).toContain(molde);
      // The crossing of trust and community follows too: Molde is no longer in both.
      const both = await expectTheSameFigures({ hospitalTrustId: hmr, healthCommunityId: community });
      expect(both.rows.map((r) => r.municipalityNumber)).not.toContain(molde);
    } finally {
      await db.municipality.update({ where: { number: molde }, data: { hospitalTrustId: hmr } });
    }
    expect((await expectTheSameFigures({ hospitalTrustId: hmr })).total).toEqual(before.total);
  });

  it("follows a municipality leaving and rejoining a health community", async () => {
    const member = { healthCommunityId: community, organisationId: orgId(`mun:${molde}`) };
    const before = await expectTheSameFigures({ healthCommunityId: community }, "PRIORITY_GROUP");
    expect(before.rows.map((r) => r.municipalityNumber)).toContain(molde);
    await db.healthCommunityMember.delete({ where: { healthCommunityId_organisationId: member } });
    try {
      const after = await expectTheSameFigures({ healthCommunityId: community }, "PRIORITY_GROUP");
      expect(after.rows.map((r) => r.municipalityNumber)).not.toContain(molde);
    } finally {
      await db.healthCommunityMember.create({ data: member });
    }
    const again = await expectTheSameFigures({ healthCommunityId: community }, "PRIORITY_GROUP");
    expect(again.totals).toEqual(before.totals);
  });

  it("keeps the municipality index free of a pending list, so reads never scan one", async () => {
    // GIN's fast update queues written rows in a list every search scans in full until a vacuum
    // merges it; after a rebuild or a burst of events that made each overview read cost ~20 ms.
    const [index] = await db.$queryRaw<{ options: string[] | null }[]>`
      SELECT c."reloptions" AS "options" FROM pg_class c
      WHERE c."oid" = to_regclass('"OverviewOffer_municipalityNumbers_idx"')`;
    expect(index?.options ?? []).toContain("fastupdate=off");
  });
});
