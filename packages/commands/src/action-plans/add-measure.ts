import {
  addMeasureInput,
  DomainValidationError,
  fieldIssue,
  nextCheckpoint,
  parseInput,
  responsibleRawOf,
  startOfUtcDay,
} from "@samspill/domain";
import { type Actor, editorRoles, requireRole, requireSignedIn } from "../actor.js";
import { found, transact, type Unit } from "../unit-of-work.js";

/**
 * Adds a measure to a plan as the plan is revised: numbered after the last one in its section
 * (removed ones included, so a number is never reused), scheduled from its cadence, and the plan
 * marked revised today.
 */
export async function addMeasure(unit: Unit, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const input = parseInput(addMeasureInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    // The plan's row lock orders concurrent additions, so two never take the same number.
    await tx.$executeRaw`SELECT 1 FROM "ActionPlan" WHERE "id" = ${input.planId}::uuid FOR UPDATE`;
    const plan = await found(
      tx.actionPlan.findUnique({
        where: { id: input.planId },
        select: { ownerId: true, sections: { where: { number: input.section }, select: { number: true } } },
      }),
      "ActionPlan",
      input.planId,
    );
    requireRole(actor, plan.ownerId, editorRoles);
    if (plan.sections.length === 0)
      throw new DomainValidationError([
        fieldIssue(
          "section",
          "unknown_section",
          "The plan has no such section",
          "Planen har ikke den delen",
          "Planen har ikkje den delen",
        ),
      ]);
    const last = await tx.measure.aggregate({
      where: { planId: input.planId, section: input.section },
      _max: { ordinal: true },
    });
    const ordinal = (last._max.ordinal ?? 0) + 1;
    const today = startOfUtcDay();
    const { planId, responsibleParties, ...fields } = input;
    const measure = await tx.measure.create({
      data: {
        ...fields,
        planId,
        key: `${input.section}-${ordinal}`,
        ordinal,
        responsibleParties,
        responsibleRaw: responsibleRawOf(responsibleParties),
        startRaw: input.startYear === null ? null : String(input.startYear),
        nextCheckpointOn: nextCheckpoint(input, today),
      },
    });
    await tx.actionPlan.update({ where: { id: planId }, data: { revisedOn: today } });
    await record({
      action: "measure.add",
      entityType: "Measure",
      entityId: measure.id,
      organisationId: plan.ownerId,
      changes: { ...input, key: measure.key, ordinal, nextCheckpointOn: measure.nextCheckpointOn },
      event: {
        type: "measure.updated",
        payload: { id: measure.id, version: 1, planId, status: measure.status },
      },
    });
    return { id: measure.id };
  });
}
