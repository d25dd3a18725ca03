import { parseInput, reportParticipationInput } from "@samspill/domain";
import { type Actor, reportingRoles, requireRole } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import { assertReportableSubject } from "./report-subject.js";

/**
 * Reports participation (aggregates only) for an offer or a meeting point, as the reporter
 * organisation's ADMIN, EDITOR or REPORTER.
 */
export async function reportParticipation(unit: Unit, actor: Actor | null, raw: unknown) {
  const input = parseInput(reportParticipationInput, raw);
  const who = requireRole(actor, input.reporterId, reportingRoles);
  return transact(unit, who, async ({ tx, record }) => {
    await assertReportableSubject(tx, input.reporterId, input);
    const report = await tx.participationReport.create({
      data: {
        ...input,
        offerId: input.offerId ?? null,
        meetingPointId: input.meetingPointId ?? null,
        periodStart: new Date(input.periodStart),
        periodEnd: new Date(input.periodEnd),
        notes: input.notes ?? null,
      },
    });
    await record({
      action: "participation.report",
      entityType: "ParticipationReport",
      entityId: report.id,
      organisationId: input.reporterId,
      changes: { created: input },
      event: {
        type: "participation.reported",
        payload: {
          id: report.id,
          version: report.version,
          offerId: report.offerId,
          meetingPointId: report.meetingPointId,
        },
      },
    });
    return { id: report.id };
  });
}
