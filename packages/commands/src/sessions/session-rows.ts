import type { Prisma } from "@samspill/database";
import { type Actor, editorRoles, requireRole } from "../actor.js";
import { expectVersion, found, type Tx } from "../unit-of-work.js";

// What the session commands share: the one read of a session (with the provider that owns it,
// which decides who may edit) and the versioned write.

export type LoadedSession = Prisma.OfferSessionGetPayload<{
  include: { offer: { select: { providerId: true } } };
}>;

/** Loads the session and refuses unless the actor edits for the offer's provider. */
export async function loadSessionToEdit(tx: Tx, actor: Actor | null, id: string): Promise<LoadedSession> {
  const session = await found(
    tx.offerSession.findUnique({ where: { id }, include: { offer: { select: { providerId: true } } } }),
    "OfferSession",
    id,
  );
  requireRole(actor, session.offer.providerId, editorRoles);
  return session;
}

/** Applies `data` if the session still has the version the editor saw, and bumps it. */
export async function writeSession(
  tx: Tx,
  id: string,
  version: number,
  data: Prisma.OfferSessionUpdateManyMutationInput,
): Promise<void> {
  const updated = await tx.offerSession.updateMany({
    where: { id, version },
    data: { ...data, version: { increment: 1 } },
  });
  await expectVersion(updated, "OfferSession", id, version, () =>
    tx.offerSession.findUnique({ where: { id }, select: { version: true } }),
  );
}
