import {
  DomainValidationError,
  fieldIssue,
  meetCheckpointInput,
  meetPlanReviewInput,
  parseInput,
  startOfUtcDay,
} from "@samspill/domain";
import { type Actor, editorRoles, requireRole, requireSignedIn } from "../actor.js";
import { expectVersion, found, transact, type Unit } from "../unit-of-work.js";
import { loadFollowedMeasure } from "./followed-measure.js";

// Marking a checkpoint met records the day; the advance-checkpoints job (advance-checkpoints.ts)
// then moves a recurring one to its next date. Marking one already met again changes nothing.

const noDate = (field: string) =>
  new DomainValidationError([
    fieldIssue(
      field,
      "no_checkpoint",
      "There is no dated checkpoint to mark met; note the follow-up instead",
      "Det er ikke noe datert sjekkpunkt å merke som nådd; skriv oppfølgingen som et notat i stedet",
      "Det er ikkje noko datert sjekkpunkt å merkje som nådd; skriv oppfølginga som eit notat i staden",
    ),
  ]);

/** Marks a measure's current checkpoint met, with an optional progress note. */
export async function meetMeasureCheckpoint(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const input = parseInput(meetCheckpointInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, actor: who, record }) => {
    const before = await loadFollowedMeasure(tx, actor, input.id);
    if (!before.nextCheckpointOn) throw noDate("id");
    if (before.checkpointMetOn) return { id: input.id };
    const metOn = startOfUtcDay();
    const updated = await tx.measure.updateMany({
      where: { id: input.id, version: input.version },
      data: { checkpointMetOn: metOn, version: { increment: 1 } },
    });
    await expectVersion(updated, "Measure", input.id, input.version, () =>
      tx.measure.findUnique({ where: { id: input.id }, select: { version: true } }),
    );
    const note = input.note
      ? await tx.measureProgressNote.create({
          data: { measureId: input.id, text: input.note, authorId: who.personId },
        })
      : null;
    await record({
      action: "measure.checkpoint_met",
      entityType: "Measure",
      entityId: input.id,
      organisationId: before.plan.ownerId,
      changes: {
        checkpoint: before.nextCheckpointOn,
        metOn,
        ...(note ? { progressNote: { id: note.id, text: note.text } } : {}),
      },
      event: {
        type: "measure.updated",
        payload: { id: input.id, version: input.version + 1, planId: before.planId, status: before.status },
      },
    });
    return { id: input.id };
  });
}

/** Marks the plan's own current review (e.g. the LMS team meeting's, twice a year) held. */
export async function meetPlanReview(unit: Unit, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const { planId } = parseInput(meetPlanReviewInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    const plan = await found(
      tx.actionPlan.findUnique({
        where: { id: planId },
        select: { ownerId: true, nextReviewOn: true, reviewMetOn: true },
      }),
      "ActionPlan",
      planId,
    );
    requireRole(actor, plan.ownerId, editorRoles);
    if (!plan.nextReviewOn) throw noDate("planId");
    if (plan.reviewMetOn) return { id: planId };
    const metOn = startOfUtcDay();
    await tx.actionPlan.update({ where: { id: planId }, data: { reviewMetOn: metOn } });
    await record({
      action: "action_plan.review_met",
      entityType: "ActionPlan",
      entityId: planId,
      organisationId: plan.ownerId,
      changes: { review: plan.nextReviewOn, metOn },
    });
    return { id: planId };
  });
}
