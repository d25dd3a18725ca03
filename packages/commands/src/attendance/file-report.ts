import { DomainValidationError, participationIssues } from "@samspill/domain";
import type { Work } from "../unit-of-work.js";
import type { Run } from "./run-of.js";

// Files the ParticipationReport of a confirmed attendance report: the provider reports the run
// (its day, in Norwegian time), patients and relatives as counted from attendance. It goes
// through the same rules as a typed report, and appears wherever reports do (summaries, the
// overview's participation figure).

const osloDay = (d: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(d);

export interface ConfirmedFigures {
  providerId: string;
  patients: number;
  relatives: number;
  userRepsPlanning: number;
  userRepsDelivery: number;
  userRepsEvaluation: number;
}

/** Problems that keep the figures from being a participation report, as the typed report's rules. */
export function reportIssues(run: Run, f: ConfirmedFigures) {
  return participationIssues({
    periodStart: osloDay(run.startsAt),
    periodEnd: osloDay(run.endsAt < new Date() ? run.endsAt : run.startsAt),
    patients: f.patients,
    carers: f.relatives,
    childrenAndYouth: 0,
    parents: 0,
    others: 0,
    userRepsPlanning: f.userRepsPlanning,
    userRepsDelivery: f.userRepsDelivery,
    userRepsEvaluation: f.userRepsEvaluation,
  });
}

export async function fileReport(
  work: Pick<Work, "tx" | "record">,
  sessionId: string,
  run: Run,
  f: ConfirmedFigures,
) {
  const issues = reportIssues(run, f);
  if (issues.length > 0) throw new DomainValidationError(issues);
  const report = await work.tx.participationReport.create({
    data: {
      reporterId: f.providerId,
      offerId: run.offerId,
      periodStart: new Date(osloDay(run.startsAt)),
      periodEnd: new Date(osloDay(run.endsAt < new Date() ? run.endsAt : run.startsAt)),
      patients: f.patients,
      carers: f.relatives,
      userRepsPlanning: f.userRepsPlanning,
      userRepsDelivery: f.userRepsDelivery,
      userRepsEvaluation: f.userRepsEvaluation,
      notes: "Fra oppmøtelisten i Samspill / From the attendance list in Samspill",
    },
  });
  await work.tx.attendanceReport.update({
    where: { sessionId },
    data: { participationReportId: report.id },
  });
  await work.record({
    action: "participation.report",
    entityType: "ParticipationReport",
    entityId: report.id,
    organisationId: f.providerId,
    changes: { fromAttendance: sessionId, patients: f.patients, carers: f.relatives },
    event: {
      type: "participation.reported",
      payload: { id: report.id, version: report.version, offerId: run.offerId, meetingPointId: null },
    },
  });
  return report.id;
}
