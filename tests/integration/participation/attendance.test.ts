import type { Database } from "@samspill/database";
import type { Viewer } from "@samspill/gateway/context";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { successData, validationIssues } from "../../support/answers.js";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { createProvider } from "../../support/providers.js";

// Attendance becomes the participation report (issue 14, item 6): the provider ticks who came,
// prepares the report, the user organisation confirms, and the hub files the participation
// report the summaries count; no figure is typed twice.

let db: Database;
beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

const reporter = (organisationId: string): Viewer => ({
  kind: "PERSON",
  personId: null,
  tokenId: null,
  name: "Test",
  memberships: [{ organisationId, role: "REPORTER" }],
});
const ffo = () => viewerWith([{ org: "uo:ffo", role: "REPORTER" }]);

const list = graphql(`query AttendanceListTest($sessionId: ID!, $limit: Int! = 500, $offset: Int! = 0) {
  attendanceList(sessionId: $sessionId, limit: $limit, offset: $offset) { signUpId name role attended }
}`);
const mark = graphql(`mutation MarkTest($input: RecordAttendanceInput!) {
  recordAttendance(input: $input) {
    __typename
    ... on MutationRecordAttendanceSuccess { data { signUpId attended } }
    ... on ValidationError { issues { field code } }
  }
}`);
const prepare = graphql(`mutation PrepareTest($input: PrepareAttendanceReportInput!) {
  prepareAttendanceReport(input: $input) {
    __typename
    ... on MutationPrepareAttendanceReportSuccess { data { patients relatives userRepsDelivery userOrgConfirmedAt participationReportId } }
    ... on ValidationError { issues { field code } }
  }
}`);
const confirm = graphql(`mutation ConfirmTest($sessionId: ID!) {
  confirmAttendanceReport(sessionId: $sessionId) {
    __typename
    ... on MutationConfirmAttendanceReportSuccess { data { userOrgConfirmedAt participationReportId } }
    ... on NotFoundError { entityType }
    ... on ForbiddenError { message }
  }
}`);
const toConfirm = graphql(`query ToConfirmTest { attendanceReportsToConfirm { session { id } patients } }`);
const summary = graphql(`query AttendanceSummary($offerId: ID!, $period: String!) {
  participationSummary(offerId: $offerId, period: $period) { reports participants { total } }
}`);

async function runWithSignUps(offerId: string, roles: ("PATIENT" | "RELATIVE")[], startsAt: Date) {
  const session = await db.offerSession.create({
    data: { offerId, startsAt, endsAt: new Date(startsAt.getTime() + 7_200_000) },
  });
  await db.sessionSignUp.createMany({
    data: roles.map((role, i) => ({
      sessionId: session.id,
      status: "CONFIRMED" as const,
      sequence: i + 1,
      role,
      name: `Deltaker ${i + 1}`,
      email: `d${i}@example.org`,
      consentedAt: new Date(),
      retentionMonths: 6,
    })),
  });
  const signUps = await db.sessionSignUp.findMany({
    where: { sessionId: session.id },
    orderBy: { sequence: "asc" },
  });
  return { sessionId: session.id, signUps: signUps.map((s) => s.id) };
}

const lastMonth = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10, 9));
};

describe("attendance to participation report", () => {
  it("ticks attendance, prepares the report, and files it when the user organisation confirms", async () => {
    const provider = await createProvider(db, "OPPMOTE", 1);
    const offer = provider.offerIds[0]!;
    const start = lastMonth();
    const period = start.toISOString().slice(0, 7);
    const roles = [
      "PATIENT",
      "PATIENT",
      "PATIENT",
      "PATIENT",
      "PATIENT",
      "PATIENT",
      "RELATIVE",
      "RELATIVE",
    ] as const;
    const { sessionId, signUps } = await runWithSignUps(offer, [...roles], start);
    const gw = testGateway(db, reporter(provider.id));

    const before = (await testGateway(db).query(summary, { offerId: offer, period })).data!
      .participationSummary;
    expect(before.reports).toBe(0);

    // Five patients and two relatives came; one patient did not.
    const marked = await gw.query(mark, {
      input: { sessionId, marks: signUps.map((signUpId, i) => ({ signUpId, attended: i !== 5 })) },
    });
    expect(successData(marked.data!.recordAttendance).filter((e) => e.attended)).toHaveLength(7);
    const names = (await gw.query(list, { sessionId })).data!.attendanceList.map((e) => e.name);
    expect(names).toContain("Deltaker 1");
    // The list comes a page at a time; a save answers with the marks it was sent, no more.
    const page = (await gw.query(list, { sessionId, limit: 2, offset: 2 })).data!.attendanceList;
    expect(page.map((e) => e.name)).toEqual(names.slice(2, 4));
    const again = await gw.query(mark, {
      input: { sessionId, marks: [{ signUpId: signUps[5]!, attended: false }] },
    });
    expect(successData(again.data!.recordAttendance)).toEqual([{ signUpId: signUps[5], attended: false }]);
    const audit = await db.auditEntry.findMany({ where: { entityId: sessionId } });
    expect(JSON.stringify(audit.map((a) => a.changes))).not.toContain("Deltaker");

    const prepared = await gw.query(prepare, {
      input: { sessionId, userOrganisationId: orgId("uo:ffo"), userRepsDelivery: 1 },
    });
    expect(successData(prepared.data!.prepareAttendanceReport)).toEqual({
      patients: 5,
      relatives: 2,
      userRepsDelivery: 1,
      userOrgConfirmedAt: null,
      participationReportId: null,
    });
    const waiting = (await testGateway(db, ffo()).query(toConfirm, {})).data!.attendanceReportsToConfirm;
    expect(waiting.map((r) => r.session.id)).toContain(sessionId);

    // Another user organisation may not confirm it.
    const other = await testGateway(db, viewerWith([{ org: "uo:kreftforeningen", role: "ADMIN" }])).query(
      confirm,
      {
        sessionId,
      },
    );
    expect(other.data!.confirmAttendanceReport.__typename).toBe("ForbiddenError");

    const confirmed = await testGateway(db, ffo()).query(confirm, { sessionId });
    const filed = successData(confirmed.data!.confirmAttendanceReport);
    expect(filed.participationReportId).toBeTruthy();
    const report = await db.participationReport.findUniqueOrThrow({
      where: { id: filed.participationReportId! },
    });
    expect([
      report.reporterId,
      report.offerId,
      report.patients,
      report.carers,
      report.userRepsDelivery,
    ]).toEqual([provider.id, offer, 5, 2, 1]);
    const events = await db.outboxEvent.findMany({ where: { aggregateId: report.id } });
    expect(events.map((e) => e.type)).toEqual(["participation.reported"]);

    const after = (await testGateway(db).query(summary, { offerId: offer, period })).data!
      .participationSummary;
    expect(after.reports).toBe(1);
    expect(after.participants.total).toBe(7);

    // Filed: attendance is closed; corrections go through the participation report.
    const late = await gw.query(mark, {
      input: { sessionId, marks: [{ signUpId: signUps[5]!, attended: true }] },
    });
    expect(validationIssues(late.data!.recordAttendance)).toEqual([
      expect.objectContaining({ field: "sessionId", code: "report_filed" }),
    ]);
  });

  it("files at once without a user organisation, and refuses outsiders and strangers' sign-ups", async () => {
    const provider = await createProvider(db, "OPPMOTE2", 1);
    const { sessionId, signUps } = await runWithSignUps(
      provider.offerIds[0]!,
      ["PATIENT", "PATIENT"],
      lastMonth(),
    );
    const outsider = await testGateway(db, viewerWith([{ org: "hf:stolav", role: "ADMIN" }])).query(mark, {
      input: { sessionId, marks: [{ signUpId: signUps[0]!, attended: true }] },
    });
    expect(outsider.data!.recordAttendance.__typename).toBe("ForbiddenError");
    expect(
      (await testGateway(db, viewerWith([{ org: "hf:stolav", role: "ADMIN" }])).query(list, { sessionId }))
        .data!.attendanceList,
    ).toEqual([]);

    const other = await runWithSignUps(provider.offerIds[0]!, ["PATIENT"], lastMonth());
    const gw = testGateway(db, reporter(provider.id));
    const stranger = await gw.query(mark, {
      input: { sessionId, marks: [{ signUpId: other.signUps[0]!, attended: true }] },
    });
    expect(validationIssues(stranger.data!.recordAttendance)).toEqual([
      expect.objectContaining({ field: "marks.0.signUpId", code: "not_a_participant" }),
    ]);

    // Nobody ticked: a report of nobody is refused, as a typed one is.
    const empty = await gw.query(prepare, { input: { sessionId } });
    expect(validationIssues(empty.data!.prepareAttendanceReport)).toEqual([
      expect.objectContaining({ code: "no_participants" }),
    ]);
    await gw.query(mark, {
      input: { sessionId, marks: signUps.map((signUpId) => ({ signUpId, attended: true })) },
    });
    const direct = await gw.query(prepare, { input: { sessionId } });
    expect(successData(direct.data!.prepareAttendanceReport).participationReportId).toBeTruthy();
  });
});
