import { graphql } from "@samspill/graphql";
import { describe, expect, it } from "vitest";
import { successData } from "../../support/answers.js";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { createProvider } from "../../support/providers.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { diabetes, ffo, ffoReporter, figures, reportAs } from "./report-fixtures.js";

// The provider reads the reports FFO made for its courses; the public reads suppressed figures only.

useSeededDatabase();

describe("reading reports", () => {
  const list = graphql(`query List($filter: ParticipationReportFilter) {
    participationReports(filter: $filter, first: 50) { edges { node { id reporter { id } offer { id } } } }
  }`);

  it("shows a report to the reporter and the provider, not to other organisations or the public", async () => {
    const created = successData(
      (await reportAs(ffoReporter(), { ...figures, periodStart: "2024-09-01", periodEnd: "2024-12-31" }))
        .data!.reportParticipation,
    );
    const filter = { offerId: diabetes, from: "2024-09-01", to: "2024-12-31" };
    const ids = async (viewer: ReturnType<typeof viewerWith> | null) => {
      const result = await testGateway(db, viewer).query(list, { filter });
      return result.data?.participationReports.edges.map((e) => e.node.id) ?? result.errors;
    };
    expect(await ids(ffoReporter())).toContain(created.id);
    expect(await ids(viewerWith([{ org: "hf:stolav", role: "VIEWER" }]))).toContain(created.id);
    expect(await ids(viewerWith([{ org: "uo:kreftforeningen", role: "ADMIN" }]))).not.toContain(created.id);
    expect(await ids(null)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/not authorized/i) }),
    ]);
  });
});

describe("participation summary", () => {
  const summary = graphql(`query Summary($providerId: ID, $offerId: ID, $period: String!) {
    participationSummary(providerId: $providerId, offerId: $offerId, period: $period) {
      reports
      participants { patients carers childrenAndYouth parents others total }
      userRepresentatives { planning delivery evaluation }
      offers { offer { id } reports participants { patients carers childrenAndYouth parents others total } userRepresentatives { delivery } }
    }
  }`);
  const period = "2025";

  it("hides counts under 5 and enough others that they cannot be derived from the totals", async () => {
    const provider = await createProvider(db, "Suppresjon", 3);
    const [a, b, c] = provider.offerIds as [string, string, string];
    // Participants by audience [patients, carers, childrenAndYouth, parents, others]:
    //   a: 12 3 0 0 6   (the 3 must go)
    //   b: 20 8 0 0 0
    //   c:  9 0 0 0 7
    const rows: [string, number[]][] = [
      [a, [12, 3, 0, 0, 6]],
      [b, [20, 8, 0, 0, 0]],
      [c, [9, 0, 0, 0, 7]],
    ];
    for (const [offerId, [patients, carers, childrenAndYouth, parents, others]] of rows) {
      const r = await reportAs(ffoReporter(), {
        reporterId: ffo,
        offerId,
        periodStart: "2025-03-01",
        periodEnd: "2025-05-31",
        patients,
        carers,
        childrenAndYouth,
        parents,
        others,
        userRepsDelivery: 1,
      });
      expect(r.data!.reportParticipation.__typename).toBe("MutationReportParticipationSuccess");
    }
    // Starting in another year: not counted.
    await reportAs(ffoReporter(), {
      reporterId: ffo,
      offerId: a,
      periodStart: "2024-11-01",
      periodEnd: "2025-01-31",
      patients: 40,
    });

    const { data, errors } = await testGateway(db).query(summary, {
      providerId: provider.id,
      period,
    });
    expect(errors).toBeUndefined();
    const s = data!.participationSummary;
    expect(s.reports).toBe(3);
    const byOffer = new Map(s.offers.map((o) => [o.offer.id, o.participants]));
    // The cheapest cycle through a's 3: a and b's patients and carers.
    expect(byOffer.get(a)).toEqual({
      patients: null,
      carers: null,
      childrenAndYouth: 0,
      parents: 0,
      others: 6,
      total: 21,
    });
    expect(byOffer.get(b)).toEqual({
      patients: null,
      carers: null,
      childrenAndYouth: 0,
      parents: 0,
      others: 0,
      total: 28,
    });
    expect(byOffer.get(c)).toEqual({
      patients: 9,
      carers: 0,
      childrenAndYouth: 0,
      parents: 0,
      others: 7,
      total: 16,
    });
    expect(s.participants).toEqual({
      patients: 41,
      carers: 11,
      childrenAndYouth: 0,
      parents: 0,
      others: 13,
      total: 65,
    });

    // Not derivable: a's carers could be 3 or 4 (or more) with every published figure unchanged.
    for (const t of [3, 4]) {
      const aPatients = 21 - 6 - t;
      const bCarers = 11 - t;
      const bPatients = 28 - bCarers;
      expect(aPatients + bPatients + 9).toBe(41);
      expect(aPatients + t + 6).toBe(21);
      expect(bPatients + bCarers).toBe(28);
    }
    // No published figure is a small count.
    const published = [
      ...s.offers.flatMap((o) => Object.values(o.participants)),
      ...Object.values(s.participants),
    ];
    expect(published.filter((v) => v !== null && v > 0 && v < 5)).toEqual([]);
    // User representatives are published as they are.
    expect(s.userRepresentatives).toEqual({ planning: 0, delivery: 3, evaluation: 0 });
  });

  it("answers in a fixed number of SQL statements, however many offers it lists", async () => {
    const statements: string[] = [];
    const counted = testDatabase((sql) => statements.push(sql));
    try {
      const count = async (providerId: string) => {
        statements.length = 0;
        const { data } = await testGateway(counted).query(summary, { providerId, period: year });
        return { rows: data!.participationSummary.offers.length, statements: statements.length };
      };
      // The year of the demo's reports (they start 200 days before the seed ran).
      const year = String(new Date(Date.now() - 200 * 86_400_000).getUTCFullYear());
      const one = await createProvider(db, "Telling", 1);
      await reportAs(ffoReporter(), {
        ...figures,
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-01-31`,
        offerId: one.offerIds[0],
        notes: null,
      });
      const small = await count(one.id);
      expect(small.rows).toBe(1);
      const large = await count(orgId("hf:stolav"));
      expect(large.rows).toBeGreaterThan(3);
      expect(large.statements).toBe(small.statements);
    } finally {
      await counted.$disconnect();
    }
  });

  it("suppresses a single offer's small figures too, and is public", async () => {
    const provider = await createProvider(db, "Enkelt", 1);
    const offerId = provider.offerIds[0]!;
    await reportAs(ffoReporter(), {
      reporterId: ffo,
      offerId,
      periodStart: "2025-02-01",
      periodEnd: "2025-02-28",
      patients: 9,
      carers: 2,
      parents: 7,
    });
    const { data } = await testGateway(db).query(summary, { offerId, period });
    const s = data!.participationSummary;
    // The 2 and the smallest other count go; the row total stays.
    expect(s.offers[0]!.participants).toEqual({
      patients: 9,
      carers: null,
      childrenAndYouth: 0,
      parents: null,
      others: 0,
      total: 18,
    });
    expect(s.participants).toEqual(s.offers[0]!.participants);
  });

  it("needs exactly one of offer and provider", async () => {
    const both = await testGateway(db).query(summary, {
      providerId: orgId("hf:stolav"),
      offerId: diabetes,
      period,
    });
    // Query argument errors are masked by the gateway ("Unexpected error."): only their presence is checked.
    expect(both.errors).toHaveLength(1);
    expect(both.data).toBeNull();
    // Only periods of the grid: a free window could be overlapped with another and subtracted.
    for (const bad of ["2025-01-01", "2025-01-01/2025-03-31", "2025-Q0", "2025-W10"]) {
      const badPeriod = await testGateway(db).query(summary, { offerId: diabetes, period: bad });
      expect(badPeriod.errors, bad).toHaveLength(1);
      expect(badPeriod.data).toBeNull();
    }
  });
});
