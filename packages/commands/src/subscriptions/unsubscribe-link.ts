import { NotFoundError } from "@samspill/domain";
import type { UnsubscribeClaim } from "@samspill/events/mail-links";
import { type Actor, systemActor } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import { stopSubscription } from "./own-subscription.js";

/**
 * The one-click unsubscribe of a mail (RFC 8058), for whoever holds the link: the gateway has
 * checked the token's signature, and the claim it carries (person and kind) is the authority.
 * Recorded as the system acting on the person's link, so the audit trail shows how it came.
 */
export function unsubscribeByLink(unit: Unit, claim: UnsubscribeClaim): Promise<string> {
  const actor: Actor = { ...systemActor("Avmeldingslenke i e-post"), personId: claim.personId };
  return transact(unit, actor, async ({ tx, record }) => {
    const person = await tx.person.findUnique({ where: { id: claim.personId }, select: { id: true } });
    if (!person) throw new NotFoundError("Person", claim.personId);
    return stopSubscription(tx, record, claim.personId, claim.kind, "unsubscribe-link");
  });
}
