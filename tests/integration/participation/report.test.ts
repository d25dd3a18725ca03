import type { Database } from "@samspill/database";
import { seedDemoData } from "@samspill/seed";
import { seedId } from "@samspill/seed/ids";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { createProvider } from "../../support/providers.js";

// A user organisation (FFO) reports participation for St. Olavs hospital's courses; the
// provider reads the reports; the public reads suppressed figures only.

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

const ffoReporter = () => ({
  ...viewerWith([{ org: "uo:ffo", role: "REPORTER" }], "Sigrid Moe"),
  personId: seedId("person:sigrid"),
});
const ffo = orgId("uo:ffo");
const diabetes = seedId("offer:stolav-diabetes2");

const report = `mutation Report($input: ReportParticipationInput!) {
  reportParticipation(input: $input) {
    __typename
    ... on MutationReportParticipationSuccess {
      data { id version reporter { id } offer { id } meetingPointId totalParticipants patients carers userRepsDelivery notes periodStart periodEnd }
    }
    ... on ValidationError { issues { field code message messageNb } }
    ... on NotFoundError { entityType entityId }
    ... on ForbiddenError { message }
  }
}`;

const correct = `mutation Correct($input: CorrectParticipationReportInput!) {
  correctParticipationReport(input: $input) {
    __typename
    ... on MutationCorrectParticipationReportSuccess { data { id version patients carers userRepsDelivery } }
    ... on ValidationError { issues { field code } }
    ... on ConflictError { expectedVersion currentVersion }
  }
}`;

type Result = {
  __typename: string;
  data?: Record<string, unknown> & { id: string; version: number };
  issues?: { field: string; code: string; message: string; messageNb: string }[];
  entityType?: string;
  expectedVersion?: number;
  currentVersion?: number;
};

const figures = {
  reporterId: ffo,
  offerId: diabetes,
  periodStart: "2025-01-01",
  periodEnd: "2025-06-30",
  patients: 14,
  carers: 6,
  userRepsPlanning: 1,
  userRepsDelivery: 2,
  userRepsEvaluation: 1,
  notes: "To kurs, begge med brukerrepresentant",
};

async function reportAs(viewer: ReturnType<typeof viewerWith> | null, input: Record<string, unknown>) {
  const result = await testGateway(db, viewer).query<{ reportParticipation: Result }>(report, { input });
  return result;
}

describe("reporting participation", () => {
  it("lets a user organisation report for another organisation's offer, with audit and outbox", async () => {
    const { data, errors } = await reportAs(ffoReporter(), figures);
    expect(errors).toBeUndefined();
    const r = data!.reportParticipation;
    expect(r.__typename).toBe("MutationReportParticipationSuccess");
    expect(r.data).toMatchObject({
      version: 1,
      reporter: { id: ffo },
      offer: { id: diabetes },
      meetingPointId: null,
      totalParticipants: 20,
      userRepsDelivery: 2,
      periodStart: "2025-01-01",
      periodEnd: "2025-06-30",
    });
    const id = r.data!.id;
    const audit = await db.auditEntry.findMany({
      where: { entityType: "ParticipationReport", entityId: id },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "participation.report",
      organisationId: ffo,
      actorKind: "PERSON",
    });
    expect(audit[0]!.actorPersonId).toBe(seedId("person:sigrid"));
    const events = await db.outboxEvent.findMany({ where: { aggregateId: id } });
    expect(events.map((e) => [e.type, e.organisationId])).toEqual([["participation.reported", ffo]]);
    expect(events[0]!.payload).toMatchObject({ id, version: 1, offerId: diabetes, meetingPointId: null });
  });

  it("checks the totals: no more user representatives than participants, at least one participant", async () => {
    const swapped = await reportAs(ffoReporter(), {
      ...figures,
      patients: 2,
      carers: 0,
      userRepsDelivery: 5,
    });
    const r = swapped.data!.reportParticipation;
    expect(r.__typename).toBe("ValidationError");
    expect(r.issues).toEqual([
      expect.objectContaining({ field: "userRepsDelivery", code: "more_reps_than_participants" }),
    ]);
    const empty = await reportAs(ffoReporter(), {
      ...figures,
      patients: 0,
      carers: 0,
      userRepsPlanning: 0,
      userRepsDelivery: 0,
      userRepsEvaluation: 0,
    });
    expect(empty.data!.reportParticipation.issues?.map((i) => i.code)).toEqual(["no_participants"]);
    const negative = await reportAs(ffoReporter(), { ...figures, carers: -3, periodEnd: "2099-01-01" });
    expect(negative.data!.reportParticipation.issues?.map((i) => i.field).sort()).toEqual(["carers"]);
    const future = await reportAs(ffoReporter(), { ...figures, periodEnd: "2099-01-01" });
    expect(future.data!.reportParticipation.issues?.map((i) => [i.field, i.code])).toContainEqual([
      "periodEnd",
      "in_future",
    ]);
  });

  it("refuses a national identity number in the notes, naming the field, and writes nothing", async () => {
    const before = await db.participationReport.count();
    const auditBefore = await db.auditEntry.count();
    const { data } = await reportAs(ffoReporter(), {
      ...figures,
      notes: "Deltaker med fnr 12057512345 avbrøt kurset",
    });
    const r = data!.reportParticipation;
    expect(r.__typename).toBe("ValidationError");
    expect(r.issues).toHaveLength(1);
    expect(r.issues![0]).toMatchObject({ field: "notes", code: "personal_data" });
    expect(r.issues![0]!.messageNb).toMatch(/fødselsnummer/);
    expect(r.issues![0]!.message).toMatch(/national identity number/);
    const email = await reportAs(ffoReporter(), { ...figures, notes: "Kontakt ola@example.no" });
    expect(email.data!.reportParticipation.issues?.[0]).toMatchObject({
      field: "notes",
      code: "personal_data",
    });
    expect(await db.participationReport.count()).toBe(before);
    expect(await db.auditEntry.count()).toBe(auditBefore);
  });

  it("does not let another organisation's reporter report on behalf of FFO", async () => {
    const before = await db.participationReport.count({ where: { reporterId: ffo } });
    const safo = viewerWith([{ org: "uo:safo", role: "REPORTER" }]);
    const { data, errors } = await reportAs(safo, figures);
    expect(data).toBeNull();
    expect(errors?.[0]?.message).toMatch(/not authorized/i);
    const viewer = viewerWith([{ org: "uo:ffo", role: "VIEWER" }]);
    expect((await reportAs(viewer, figures)).errors?.[0]?.message).toMatch(/not authorized/i);
    expect((await reportAs(null, figures)).errors?.[0]?.message).toMatch(/not authorized/i);
    expect(await db.participationReport.count({ where: { reporterId: ffo } })).toBe(before);
  });

  it("reports on published offers and on meetings the organisation takes part in, not on others' drafts or meetings", async () => {
    const draft = await reportAs(ffoReporter(), { ...figures, offerId: seedId("offer:hmr-barn-parorende") });
    expect(draft.data!.reportParticipation).toMatchObject({
      __typename: "NotFoundError",
      entityType: "Offer",
    });
    const meeting = { ...figures, offerId: null, patients: 0, carers: 0, others: 18 };
    const own = await reportAs(ffoReporter(), {
      ...meeting,
      meetingPointId: seedId("meeting:stolav-annual-may"),
    });
    expect(own.data!.reportParticipation.__typename).toBe("MutationReportParticipationSuccess");
    expect(own.data!.reportParticipation.data).toMatchObject({
      meetingPointId: seedId("meeting:stolav-annual-may"),
    });
    const foreign = await reportAs(ffoReporter(), {
      ...meeting,
      meetingPointId: seedId("meeting:mr-forum-autumn"),
    });
    expect(foreign.data!.reportParticipation.__typename).toBe("ForbiddenError");
    const both = await reportAs(ffoReporter(), {
      ...figures,
      meetingPointId: seedId("meeting:stolav-annual-may"),
    });
    expect(both.data!.reportParticipation.issues?.map((i) => i.code)).toEqual(["one_subject"]);
  });
});

describe("correcting a report", () => {
  it("restates figures under the version, refusing a stale one and broken totals", async () => {
    const created = (await reportAs(ffoReporter(), figures)).data!.reportParticipation.data!;
    const gw = testGateway(db, ffoReporter());
    const ok = await gw.query<{ correctParticipationReport: Result }>(correct, {
      input: { id: created.id, version: 1, patients: 15 },
    });
    expect(ok.data!.correctParticipationReport).toMatchObject({
      __typename: "MutationCorrectParticipationReportSuccess",
      data: { version: 2, patients: 15, carers: 6 },
    });
    const stale = await gw.query<{ correctParticipationReport: Result }>(correct, {
      input: { id: created.id, version: 1, patients: 16 },
    });
    expect(stale.data!.correctParticipationReport).toMatchObject({
      __typename: "ConflictError",
      expectedVersion: 1,
      currentVersion: 2,
    });
    // Merged with the stored figures: 1 participant left against 2 representatives in delivery.
    const broken = await gw.query<{ correctParticipationReport: Result }>(correct, {
      input: { id: created.id, version: 2, patients: 1, carers: 0 },
    });
    expect(broken.data!.correctParticipationReport.issues).toEqual([
      { field: "userRepsDelivery", code: "more_reps_than_participants" },
    ]);
    const events = await db.outboxEvent.findMany({
      where: { aggregateId: created.id },
      orderBy: { sequence: "asc" },
    });
    expect(events.map((e) => e.type)).toEqual(["participation.reported", "participation.corrected"]);
    const audit = await db.auditEntry.findMany({ where: { entityId: created.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["participation.report", "participation.correct"]);
    expect(audit[1]!.changes).toEqual({ patients: { from: 14, to: 15 } });
    const other = testGateway(db, viewerWith([{ org: "uo:safo", role: "ADMIN" }]));
    const refused = await other.query(correct, { input: { id: created.id, version: 2, patients: 20 } });
    // The reporter is known only from the report: the command refuses after reading it.
    expect(refused.data).toEqual({ correctParticipationReport: { __typename: "ForbiddenError" } });
  });
});

describe("reading reports", () => {
  const list = `query List($filter: ParticipationReportFilter) {
    participationReports(filter: $filter, first: 50) { edges { node { id reporter { id } offer { id } } } }
  }`;
  type ListData = { participationReports: { edges: { node: { id: string } }[] } };

  it("shows a report to the reporter and the provider, not to other organisations or the public", async () => {
    const created = (
      await reportAs(ffoReporter(), { ...figures, periodStart: "2024-09-01", periodEnd: "2024-12-31" })
    ).data!.reportParticipation.data!;
    const filter = { offerId: diabetes, from: "2024-09-01", to: "2024-12-31" };
    const ids = async (viewer: ReturnType<typeof viewerWith> | null) => {
      const result = await testGateway(db, viewer).query<ListData>(list, { filter });
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
  const summary = `query Summary($providerId: ID, $offerId: ID, $period: ReportingPeriodInput!) {
    participationSummary(providerId: $providerId, offerId: $offerId, period: $period) {
      reports
      participants { patients carers childrenAndYouth parents others total }
      userRepresentatives { planning delivery evaluation }
      offers { offer { id } reports participants { patients carers childrenAndYouth parents others total } userRepresentatives { delivery } }
    }
  }`;
  type Figures = {
    patients: number | null;
    carers: number | null;
    childrenAndYouth: number | null;
    parents: number | null;
    others: number | null;
    total: number | null;
  };
  type SummaryData = {
    participationSummary: {
      reports: number;
      participants: Figures;
      userRepresentatives: { planning: number; delivery: number; evaluation: number };
      offers: {
        offer: { id: string };
        reports: number;
        participants: Figures;
        userRepresentatives: { delivery: number };
      }[];
    };
  };
  const period = { from: "2025-01-01", to: "2025-12-31" };

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
    // Outside the period: not counted.
    await reportAs(ffoReporter(), {
      reporterId: ffo,
      offerId: a,
      periodStart: "2024-11-01",
      periodEnd: "2025-01-31",
      patients: 40,
    });

    const { data, errors } = await testGateway(db).query<SummaryData>(summary, {
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
        const { data } = await testGateway(counted).query<SummaryData>(summary, {
          providerId,
          period: { from: "2000-01-01", to: "2099-12-31" },
        });
        return { rows: data!.participationSummary.offers.length, statements: statements.length };
      };
      const one = await createProvider(db, "Telling", 1);
      await reportAs(ffoReporter(), { ...figures, offerId: one.offerIds[0], notes: null });
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
    const { data } = await testGateway(db).query<SummaryData>(summary, { offerId, period });
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
    const badPeriod = await testGateway(db).query(summary, {
      offerId: diabetes,
      period: { from: "2025-12-31", to: "2025-01-01" },
    });
    expect(badPeriod.errors).toHaveLength(1);
    expect(badPeriod.data).toBeNull();
  });
});
