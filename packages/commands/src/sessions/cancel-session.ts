import { cancelSessionInput, parseInput } from "@samspill/domain";
import { type Actor, requireSignedIn } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import { loadSessionToEdit, writeSession } from "./session-rows.js";

/** Cancels a session; it stays listed (and in calendars) as cancelled. */
export async function cancelSession(unit: Unit, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const { id, version } = parseInput(cancelSessionInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    const before = await loadSessionToEdit(tx, actor, id);
    await writeSession(tx, id, version, { cancelled: true });
    await record({
      action: "session.cancel",
      entityType: "OfferSession",
      entityId: id,
      organisationId: before.offer.providerId,
      changes: { cancelled: { from: before.cancelled, to: true } },
      event: { type: "session.cancelled", payload: { id, version: version + 1, offerId: before.offerId } },
    });
    return { id };
  });
}
