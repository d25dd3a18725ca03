import { DomainValidationError, fieldIssue } from "@samspill/domain";
import { type Actor, editorRoles, requireRole } from "../actor.js";
import { found, type Tx } from "../unit-of-work.js";

// Action plans are public documents; the plan owner's ADMINs and EDITORs follow their measures
// up (status, progress notes). A measure removed in a revision stays as history, untouched.

/** The one read of a measure a follow-up makes: authorised against its plan's owner, not removed. */
export async function loadFollowedMeasure(tx: Tx, actor: Actor | null, id: string) {
  const measure = await found(
    tx.measure.findUnique({ where: { id }, include: { plan: { select: { ownerId: true } } } }),
    "Measure",
    id,
  );
  requireRole(actor, measure.plan.ownerId, editorRoles);
  if (measure.removed)
    throw new DomainValidationError([
      fieldIssue(
        "id",
        "measure_removed",
        "The measure was removed from the plan; it is kept as history and not followed up",
        "Tiltaket er fjernet fra planen; det står som historikk og følges ikke opp",
        "Tiltaket er fjerna frå planen; det står som historikk og blir ikkje følgt opp",
      ),
    ]);
  return measure;
}
