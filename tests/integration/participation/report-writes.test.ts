import { graphql } from "@samspill/graphql";
import { seedId } from "@samspill/seed/ids";
import { describe, expect, it } from "vitest";
import { successData, validationIssues } from "../../support/answers.js";
import { testGateway, viewerWith } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { diabetes, ffo, ffoReporter, figures, reportAs } from "./report-fixtures.js";

// A user organisation (FFO) reports participation for St. Olavs hospital's courses and corrects
// its reports: the rules, the refusals, the audit entries and events.

useSeededDatabase();

const correct = graphql(`mutation Correct($input: CorrectParticipationReportInput!) {
  correctParticipationReport(input: $input) {
    __typename
    ... on MutationCorrectParticipationReportSuccess { data { id version patients carers userRepsDelivery } }
    ... on ValidationError { issues { field code } }
    ... on ConflictError { expectedVersion currentVersion }
  }
}`);

describe("reporting participation", () => {
  it("lets a user organisation report for another organisation's offer, with audit and outbox", async () => {
    const { data, errors } = await reportAs(ffoReporter(), figures);
    expect(errors).toBeUndefined();
    const r = data!.reportParticipation;
    expect(r.__typename).toBe("MutationReportParticipationSuccess");
    expect(successData(r)).toMatchObject({
      version: 1,
      reporter: { id: ffo },
      offer: { id: diabetes },
      meetingPointId: null,
      totalParticipants: 20,
      userRepsDelivery: 2,
      periodStart: "2025-01-01",
      periodEnd: "2025-06-30",
    });
    const id = successData(r).id;
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
    expect(validationIssues(r)).toEqual([
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
    expect(validationIssues(empty.data!.reportParticipation)?.map((i) => i.code)).toEqual([
      "no_participants",
    ]);
    const negative = await reportAs(ffoReporter(), { ...figures, carers: -3, periodEnd: "2099-01-01" });
    expect(
      validationIssues(negative.data!.reportParticipation)
        ?.map((i) => i.field)
        .sort(),
    ).toEqual(["carers"]);
    const future = await reportAs(ffoReporter(), { ...figures, periodEnd: "2099-01-01" });
    expect(validationIssues(future.data!.reportParticipation)?.map((i) => [i.field, i.code])).toContainEqual([
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
    expect(validationIssues(r)).toHaveLength(1);
    expect(validationIssues(r)![0]).toMatchObject({ field: "notes", code: "personal_data" });
    expect(validationIssues(r)![0]!.messageNb).toMatch(/fødselsnummer/);
    expect(validationIssues(r)![0]!.message).toMatch(/national identity number/);
    const email = await reportAs(ffoReporter(), { ...figures, notes: "Kontakt ola@example.no" });
    expect(validationIssues(email.data!.reportParticipation)?.[0]).toMatchObject({
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
    expect(successData(own.data!.reportParticipation)).toMatchObject({
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
    expect(validationIssues(both.data!.reportParticipation)?.map((i) => i.code)).toEqual(["one_subject"]);
  });
});

describe("correcting a report", () => {
  it("restates figures under the version, refusing a stale one and broken totals", async () => {
    const created = successData((await reportAs(ffoReporter(), figures)).data!.reportParticipation);
    const gw = testGateway(db, ffoReporter());
    const ok = await gw.query(correct, {
      input: { id: created.id, version: 1, patients: 15 },
    });
    expect(ok.data!.correctParticipationReport).toMatchObject({
      __typename: "MutationCorrectParticipationReportSuccess",
      data: { version: 2, patients: 15, carers: 6 },
    });
    const stale = await gw.query(correct, {
      input: { id: created.id, version: 1, patients: 16 },
    });
    expect(stale.data!.correctParticipationReport).toMatchObject({
      __typename: "ConflictError",
      expectedVersion: 1,
      currentVersion: 2,
    });
    // Merged with the stored figures: 1 participant left against 2 representatives in delivery.
    const broken = await gw.query(correct, {
      input: { id: created.id, version: 2, patients: 1, carers: 0 },
    });
    expect(validationIssues(broken.data!.correctParticipationReport)).toEqual([
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
