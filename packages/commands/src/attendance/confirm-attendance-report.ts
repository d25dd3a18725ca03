import {
  confirmAttendanceReportInput,
  DomainValidationError,
  fieldIssue,
  NotFoundError,
  parseInput,
} from "@samspill/domain";
import { type Actor, reportingRoles, requireRole, requireSignedIn } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import { fileReport } from "./file-report.js";
import { loadRun } from "./run-of.js";

/**
 * The named user organisation confirms a prepared report (its ADMIN, EDITOR or REPORTER); the
 * hub then files the participation report. A report for someone else reads as unknown.
 */
export async function confirmAttendanceReport(unit: Unit, actor: Actor | null, raw: unknown) {
  const { sessionId } = parseInput(confirmAttendanceReportInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    // Locked: two confirmations at once file one report.
    await tx.$queryRaw`SELECT 1 FROM "AttendanceReport" WHERE "sessionId" = ${sessionId}::uuid FOR UPDATE`;
    const prepared = await tx.attendanceReport.findUnique({ where: { sessionId } });
    if (!prepared?.userOrganisationId) throw new NotFoundError("AttendanceReport", sessionId);
    requireRole(actor, prepared.userOrganisationId, reportingRoles);
    if (prepared.participationReportId)
      throw new DomainValidationError([
        fieldIssue(
          "sessionId",
          "already_confirmed",
          "The report is already confirmed",
          "Rapporten er allerede bekreftet",
          "Rapporten er alt stadfesta",
        ),
      ]);
    await tx.attendanceReport.update({
      where: { sessionId },
      data: { userOrgConfirmedAt: new Date(), version: { increment: 1 } },
    });
    await record({
      action: "attendance.confirm_report",
      entityType: "AttendanceReport",
      entityId: sessionId,
      organisationId: prepared.userOrganisationId,
      changes: { confirmedBy: prepared.userOrganisationId },
    });
    const run = await loadRun(tx, sessionId);
    const participationReportId = await fileReport({ tx, record }, sessionId, run, prepared);
    return { sessionId, participationReportId };
  });
}
