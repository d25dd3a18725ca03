import { deletePamResultInput, parseInput } from "@samspill/domain";
import { type Actor, reportingRoles, requireRole, requireSignedIn } from "../actor.js";
import { found, transact, type Unit } from "../unit-of-work.js";

/** Removes one participant's PAM results from a course run (entered on the wrong run, say). */
export async function deletePamResult(unit: Unit, actor: Actor | null, raw: unknown) {
  const { id } = parseInput(deletePamResultInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    const row = await found(
      tx.pamResult.findUnique({ where: { id }, include: { session: { select: { offerId: true } } } }),
      "PamResult",
      id,
    );
    requireRole(actor, row.providerId, reportingRoles);
    await tx.pamResult.delete({ where: { id } });
    await record({
      action: "pam_results.delete",
      entityType: "PamResult",
      entityId: row.sessionId,
      organisationId: row.providerId,
      changes: { deletedResultId: id },
      event: {
        type: "pam.results_changed",
        payload: { id: row.sessionId, offerId: row.session.offerId, results: 1 },
      },
    });
    return { sessionId: row.sessionId };
  });
}
