import type { Prisma } from "@samspill/database";
import {
  assertNoIssues,
  checkpointAfter,
  checkpointRuleIssues,
  parseInput,
  responsibleRawOf,
  reviseMeasureInput,
  startOfUtcDay,
} from "@samspill/domain";
import { type Actor, requireSignedIn } from "../actor.js";
import { diff, expectVersion, transact, type Unit } from "../unit-of-work.js";
import { loadFollowedMeasure } from "./followed-measure.js";

const scheduleFields = ["checkpointYear", "cadence", "cadenceYears", "cadenceMonth", "startYear"] as const;

/**
 * Revises a measure as its plan is revised: new wording, responsible parties or schedule, or its
 * removal (it then stays as history, with no more checkpoints). A new schedule sets the next
 * checkpoint afresh. The reason, when given, is kept as a progress note.
 */
export async function reviseMeasure(unit: Unit, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const { id, version, removed, reason, ...fields } = parseInput(reviseMeasureInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, actor: who, record }) => {
    const before = await loadFollowedMeasure(tx, actor, id);
    const rule = { ...before, ...definedOnly(fields) };
    assertNoIssues(checkpointRuleIssues(rule));
    const rescheduled = scheduleFields.some((f) => fields[f] !== undefined && fields[f] !== before[f]);
    const today = startOfUtcDay();
    const data = {
      ...definedOnly(fields),
      ...(fields.responsibleParties ? { responsibleRaw: responsibleRawOf(fields.responsibleParties) } : {}),
      ...(fields.startYear !== undefined
        ? { startRaw: fields.startYear === null ? null : String(fields.startYear) }
        : {}),
      ...(removed
        ? { removed: true, status: "REMOVED" as const, nextCheckpointOn: null, checkpointMetOn: null }
        : rescheduled
          ? { nextCheckpointOn: checkpointAfter(rule, before.status, today), checkpointMetOn: null }
          : {}),
    } satisfies Prisma.MeasureUpdateManyMutationInput;
    const updated = await tx.measure.updateMany({
      where: { id, version },
      data: { ...data, version: { increment: 1 } },
    });
    await expectVersion(updated, "Measure", id, version, () =>
      tx.measure.findUnique({ where: { id }, select: { version: true } }),
    );
    await tx.actionPlan.update({ where: { id: before.planId }, data: { revisedOn: today } });
    const note = reason
      ? await tx.measureProgressNote.create({
          data: {
            measureId: id,
            text: reason,
            statusAfter: removed ? "REMOVED" : null,
            authorId: who.personId,
          },
        })
      : null;
    await record({
      action: removed ? "measure.remove" : "measure.revise",
      entityType: "Measure",
      entityId: id,
      organisationId: before.plan.ownerId,
      changes: { ...diff(before, data), ...(note ? { progressNote: { id: note.id, text: note.text } } : {}) },
      event: {
        type: "measure.updated",
        payload: {
          id,
          version: version + 1,
          planId: before.planId,
          status: removed ? "REMOVED" : before.status,
        },
      },
    });
    return { id };
  });
}

/** The fields an edit gives (undefined: unchanged). */
function definedOnly<T extends object>(fields: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as never;
}
