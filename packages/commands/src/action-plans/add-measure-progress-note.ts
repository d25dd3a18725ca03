import { addMeasureProgressNoteInput, parseInput } from "@samspill/domain";
import { type Actor, requireSignedIn } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import { loadFollowedMeasure } from "./followed-measure.js";

/** Adds a dated progress note to a measure; the measure itself (and its version) is unchanged. */
export async function addMeasureProgressNote(unit: Unit, actor: Actor | null, raw: unknown) {
  const input = parseInput(addMeasureProgressNoteInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, actor: who, record }) => {
    const measure = await loadFollowedMeasure(tx, actor, input.measureId);
    const note = await tx.measureProgressNote.create({
      data: { measureId: measure.id, text: input.text, authorId: who.personId },
    });
    await record({
      action: "measure.note",
      entityType: "Measure",
      entityId: measure.id,
      organisationId: measure.plan.ownerId,
      changes: { progressNote: { id: note.id, text: note.text } },
      event: {
        type: "measure.updated",
        payload: {
          id: measure.id,
          version: measure.version,
          planId: measure.planId,
          status: measure.status,
        },
      },
    });
    return { id: note.id };
  });
}
