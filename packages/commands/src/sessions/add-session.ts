import { addSessionInput, assertNoIssues, parseInput, sessionIssues } from "@samspill/domain";
import { type Actor, editorRoles, requireRole, requireSignedIn } from "../actor.js";
import { found, transact, type Unit } from "../unit-of-work.js";

/** Adds a session to an offer; only the offer's provider may. */
export async function addSession(unit: Unit, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const input = parseInput(addSessionInput, raw);
  assertNoIssues(sessionIssues(input));
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    const offer = await found(
      tx.offer.findUnique({ where: { id: input.offerId }, select: { providerId: true } }),
      "Offer",
      input.offerId,
    );
    requireRole(actor, offer.providerId, editorRoles);
    const session = await tx.offerSession.create({ data: input, select: { id: true } });
    await record({
      action: "session.create",
      entityType: "OfferSession",
      entityId: session.id,
      organisationId: offer.providerId,
      changes: { created: input },
      event: {
        type: "session.created",
        payload: {
          id: session.id,
          version: 1,
          offerId: input.offerId,
          startsAt: input.startsAt.toISOString(),
        },
      },
    });
    return { id: session.id };
  });
}
