import type { Prisma } from "@samspill/database";
import { checkpointAfter, parseInput, startOfUtcDay, updateMeasureStatusInput } from "@samspill/domain";
import { type Actor, requireSignedIn } from "../actor.js";
import { expectVersion, transact, type Unit } from "../unit-of-work.js";
import { loadFollowedMeasure } from "./followed-measure.js";

/**
 * Sets a measure's status, with an optional progress note kept alongside. A done measure gets no
 * more checkpoints; otherwise the next one follows from its cadence.
 */
export async function updateMeasureStatus(unit: Unit, actor: Actor | null, raw: unknown) {
  const input = parseInput(updateMeasureStatusInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, actor: who, record }) => {
    const before = await loadFollowedMeasure(tx, actor, input.id);
    const next = checkpointAfter(before, input.status, startOfUtcDay());
    // A met checkpoint the new date replaces has nothing left for the worker to move on.
    const replaced = before.checkpointMetOn && next?.getTime() !== before.nextCheckpointOn?.getTime();
    const data = {
      status: input.status,
      nextCheckpointOn: next,
      ...(replaced ? { checkpointMetOn: null } : {}),
    } satisfies Prisma.MeasureUpdateManyMutationInput;
    const updated = await tx.measure.updateMany({
      where: { id: input.id, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    await expectVersion(updated, "Measure", input.id, input.version, () =>
      tx.measure.findUnique({ where: { id: input.id }, select: { version: true } }),
    );
    const note = input.note
      ? await tx.measureProgressNote.create({
          data: {
            measureId: input.id,
            text: input.note,
            statusAfter: input.status,
            authorId: who.personId,
          },
        })
      : null;
    await record({
      action: "measure.status",
      entityType: "Measure",
      entityId: input.id,
      organisationId: before.plan.ownerId,
      changes: {
        status: { from: before.status, to: input.status },
        nextCheckpointOn: { from: before.nextCheckpointOn, to: data.nextCheckpointOn },
        ...(note ? { progressNote: { id: note.id, text: note.text } } : {}),
      },
      event: {
        type: "measure.updated",
        payload: {
          id: input.id,
          version: input.version + 1,
          planId: before.planId,
          status: input.status,
        },
      },
    });
    return { id: input.id };
  });
}
