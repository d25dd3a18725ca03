import { DomainValidationError, fieldIssue } from "@samspill/domain";
import { found, type Tx } from "../unit-of-work.js";

// What the attendance commands load of a course run: its provider, its time, and its report.

export async function loadRun(tx: Tx, sessionId: string) {
  return found(
    tx.offerSession.findUnique({
      where: { id: sessionId },
      select: {
        offerId: true,
        startsAt: true,
        endsAt: true,
        cancelled: true,
        offer: { select: { providerId: true } },
        attendanceReport: { select: { participationReportId: true, userOrgConfirmedAt: true } },
      },
    }),
    "OfferSession",
    sessionId,
  );
}

export type Run = Awaited<ReturnType<typeof loadRun>>;

/** Attendance is ticked after the run has started, on a run that took place, before the report is filed. */
export function assertOpenForAttendance(run: Run, now = new Date()): void {
  if (run.cancelled)
    throw new DomainValidationError([
      fieldIssue(
        "sessionId",
        "session_cancelled",
        "The course run was cancelled",
        "Kurset ble avlyst",
        "Kurset vart avlyst",
      ),
    ]);
  if (run.startsAt > now)
    throw new DomainValidationError([
      fieldIssue(
        "sessionId",
        "not_started",
        "Attendance is recorded once the course has started",
        "Oppmøte registreres når kurset har startet",
        "Oppmøte blir registrert når kurset har byrja",
      ),
    ]);
  if (run.attendanceReport?.participationReportId)
    throw new DomainValidationError([
      fieldIssue(
        "sessionId",
        "report_filed",
        "The participation report of this run is filed; correct it under participation reports",
        "Deltakerrapporten for dette kurset er levert; rett den under deltakerrapporter",
        "Deltakarrapporten for dette kurset er levert; rett han under deltakarrapportar",
      ),
    ]);
}
