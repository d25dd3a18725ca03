import { importPamEvaluationInput, importParticipationReportInput, parseInput } from "@samspill/domain";
import { type Actor, requireRole } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import { applyImport, type Imported } from "./apply-import.js";

// Participation figures and PAM results from an earlier period, reported by the organisation
// named as reporter (its admins, editors and reporters, or the system).

const reporterRoles = ["ADMIN", "EDITOR", "REPORTER"] as const;

export async function importParticipationReport(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<Imported> {
  const { id, ...data } = parseInput(importParticipationReportInput, raw);
  const who = requireRole(actor, data.reporterId, reporterRoles);
  return transact(unit, who, async (work) => {
    const before = await work.tx.participationReport.findUnique({ where: { id } });
    const ref = { id, offerId: data.offerId, meetingPointId: null };
    return applyImport(work, {
      entityType: "ParticipationReport",
      action: "participation",
      id,
      organisationId: data.reporterId,
      stored: before,
      next: data,
      create: () => work.tx.participationReport.create({ data: { id, ...data } }),
      update: () =>
        work.tx.participationReport.update({ where: { id }, data: { ...data, version: { increment: 1 } } }),
      event: (outcome) =>
        outcome === "CREATED" || !before
          ? { type: "participation.reported", payload: { ...ref, version: 1 } }
          : { type: "participation.corrected", payload: { ...ref, version: before.version + 1 } },
    });
  });
}

export async function importPamEvaluation(unit: Unit, actor: Actor | null, raw: unknown): Promise<Imported> {
  const { id, ...data } = parseInput(importPamEvaluationInput, raw);
  const who = requireRole(actor, data.reporterId, reporterRoles);
  return transact(unit, who, async (work) => {
    const before = await work.tx.pamEvaluation.findUnique({ where: { id } });
    return applyImport(work, {
      entityType: "PamEvaluation",
      action: "pam",
      id,
      organisationId: data.reporterId,
      // Scores are stored as decimals; compare them as the numbers they were imported as.
      stored: before && {
        ...before,
        meanScoreBefore: before.meanScoreBefore.toNumber(),
        meanScoreAfter: before.meanScoreAfter.toNumber(),
      },
      next: data,
      create: () => work.tx.pamEvaluation.create({ data: { id, ...data } }),
      update: () => work.tx.pamEvaluation.update({ where: { id }, data }),
      event: () => ({ type: "pam.reported", payload: { id, offerId: data.offerId } }),
    });
  });
}
