import {
  DomainValidationError,
  fieldIssue,
  parseInput,
  prepareAttendanceReportInput,
} from "@samspill/domain";
import { type Actor, reportingRoles, requireRole, requireSignedIn } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import { fileReport, reportIssues } from "./file-report.js";
import { assertOpenForAttendance, loadRun } from "./run-of.js";

/**
 * Prepares a run's participation report from its attendance, as the provider's ADMIN, EDITOR or
 * REPORTER; preparing is the provider's confirmation. With a user organisation named, the report
 * waits for its confirmation (and preparing again replaces the figures and asks again); without
 * one, it is filed at once.
 */
export async function prepareAttendanceReport(unit: Unit, actor: Actor | null, raw: unknown) {
  const input = parseInput(prepareAttendanceReportInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    const run = await loadRun(tx, input.sessionId);
    const providerId = run.offer.providerId;
    requireRole(actor, providerId, reportingRoles);
    assertOpenForAttendance(run);
    if (input.userOrganisationId) {
      const org = await tx.organisation.findUnique({
        where: { id: input.userOrganisationId },
        select: { kind: true },
      });
      if (org?.kind !== "USER_ORGANISATION")
        throw new DomainValidationError([
          fieldIssue(
            "userOrganisationId",
            "not_a_user_organisation",
            "Choose a user organisation",
            "Velg en brukerorganisasjon",
            "Vel ein brukarorganisasjon",
          ),
        ]);
    }
    const came = await tx.sessionSignUp.groupBy({
      by: ["role"],
      where: { sessionId: input.sessionId, status: "CONFIRMED", attended: true },
      _count: { _all: true },
    });
    const count = (role: "PATIENT" | "RELATIVE") => came.find((c) => c.role === role)?._count._all ?? 0;
    const figures = {
      providerId,
      patients: count("PATIENT"),
      relatives: count("RELATIVE"),
      userRepsPlanning: input.userRepsPlanning,
      userRepsDelivery: input.userRepsDelivery,
      userRepsEvaluation: input.userRepsEvaluation,
    };
    // Refused now rather than when the user organisation confirms.
    const issues = reportIssues(run, figures);
    if (issues.length > 0) throw new DomainValidationError(issues);
    const data = {
      ...figures,
      userOrganisationId: input.userOrganisationId ?? null,
      providerConfirmedAt: new Date(),
      userOrgConfirmedAt: null,
    };
    await tx.attendanceReport.upsert({
      where: { sessionId: input.sessionId },
      create: { sessionId: input.sessionId, ...data },
      update: { ...data, version: { increment: 1 } },
    });
    await record({
      action: "attendance.prepare_report",
      entityType: "AttendanceReport",
      entityId: input.sessionId,
      organisationId: providerId,
      changes: { ...figures, userOrganisationId: input.userOrganisationId ?? null },
      event: {
        type: "attendance.report_prepared",
        payload: {
          id: input.sessionId,
          offerId: run.offerId,
          userOrganisationId: input.userOrganisationId ?? null,
        },
      },
    });
    const participationReportId = input.userOrganisationId
      ? null
      : await fileReport({ tx, record }, input.sessionId, run, figures);
    return { sessionId: input.sessionId, participationReportId };
  });
}
