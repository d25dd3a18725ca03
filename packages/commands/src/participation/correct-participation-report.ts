import type { Prisma } from "@samspill/database";
import {
  correctParticipationReportInput,
  DomainValidationError,
  type ParticipantField,
  type ParticipationFigures,
  parseInput,
  participantFields,
  participationIssues,
  type UserRepField,
  userRepFields,
} from "@samspill/domain";
import { type Actor, reportingRoles, requireRole, requireSignedIn } from "../actor.js";
import { diff, expectVersion, found, transact, type Unit } from "../unit-of-work.js";

/**
 * Restates some figures of a report (the others stay), as the reporter organisation's ADMIN,
 * EDITOR or REPORTER. The merged figures must satisfy the same rules as a new report; a stale
 * version is refused with a ConflictError.
 */
export async function correctParticipationReport(unit: Unit, actor: Actor | null, raw: unknown) {
  const { id, version, periodStart, periodEnd, notes, ...counts } = parseInput(
    correctParticipationReportInput,
    raw,
  );
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    const before = await found(
      tx.participationReport.findUnique({ where: { id } }),
      "ParticipationReport",
      id,
    );
    requireRole(actor, before.reporterId, reportingRoles);
    const givenCounts = Object.fromEntries(
      Object.entries(counts).filter(([, n]) => n !== undefined),
    ) as Partial<typeof counts>;
    const merged: ParticipationFigures = {
      ...storedFigures(before),
      ...givenCounts,
      ...(periodStart ? { periodStart } : {}),
      ...(periodEnd ? { periodEnd } : {}),
    };
    const issues = participationIssues(merged);
    if (issues.length) throw new DomainValidationError(issues);
    const data = {
      ...givenCounts,
      ...(notes !== undefined ? { notes } : {}),
      ...(periodStart ? { periodStart: new Date(periodStart) } : {}),
      ...(periodEnd ? { periodEnd: new Date(periodEnd) } : {}),
    } satisfies Prisma.ParticipationReportUpdateManyMutationInput;
    const updated = await tx.participationReport.updateMany({
      where: { id, version },
      data: { ...data, version: { increment: 1 } },
    });
    await expectVersion(updated, "ParticipationReport", id, version, () =>
      tx.participationReport.findUnique({ where: { id }, select: { version: true } }),
    );
    await record({
      action: "participation.correct",
      entityType: "ParticipationReport",
      entityId: id,
      organisationId: before.reporterId,
      changes: diff(before, data),
      event: {
        type: "participation.corrected",
        payload: {
          id,
          version: version + 1,
          offerId: before.offerId,
          meetingPointId: before.meetingPointId,
        },
      },
    });
    return { id };
  });
}

/** A stored report's figures in the shape the domain's rules check (dates as YYYY-MM-DD). */
function storedFigures(
  report: Record<ParticipantField | UserRepField, number> & { periodStart: Date; periodEnd: Date },
): ParticipationFigures {
  const figures = {
    periodStart: report.periodStart.toISOString().slice(0, 10),
    periodEnd: report.periodEnd.toISOString().slice(0, 10),
  } as ParticipationFigures;
  for (const k of [...participantFields, ...userRepFields]) figures[k] = report[k];
  return figures;
}
