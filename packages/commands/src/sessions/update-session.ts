import type { Prisma } from "@samspill/database";
import { assertNoIssues, parseInput, sessionIssues, updateSessionInput } from "@samspill/domain";
import { type Actor, requireSignedIn } from "../actor.js";
import { lockSession } from "../sign-ups/seats.js";
import { diff, transact, type Unit } from "../unit-of-work.js";
import { loadSessionToEdit, writeSession } from "./session-rows.js";

/** Edits a session; the period and capacity rules hold for the session as it will stand. */
export async function updateSession(unit: Unit, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const { id, version, ...fields } = parseInput(updateSessionInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    // The seat lock: a capacity change waits for sign-ups in flight and sees the seats they took.
    // Other edits (place, time, note) leave the seat accounting alone and take no lock.
    if (fields.capacity !== undefined) await lockSession(tx, id);
    const before = await loadSessionToEdit(tx, actor, id);
    assertNoIssues(sessionIssues({ ...before, ...fields }));
    await writeSession(tx, id, version, fields satisfies Prisma.OfferSessionUpdateManyMutationInput);
    await record({
      action: "session.update",
      entityType: "OfferSession",
      entityId: id,
      organisationId: before.offer.providerId,
      changes: diff(before, fields),
      event: {
        type: "session.updated",
        payload: {
          id,
          version: version + 1,
          offerId: before.offerId,
          startsAt: (fields.startsAt ?? before.startsAt).toISOString(),
        },
      },
    });
    return { id };
  });
}
