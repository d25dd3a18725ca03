import { assertNoIssues, importSessionInput, parseInput, sessionIssues } from "@samspill/domain";
import { type Actor, editorRoles, requireRole, requireSignedIn } from "../actor.js";
import { found, transact, type Unit } from "../unit-of-work.js";
import { applyImport, type Imported } from "./apply-import.js";

/** Creates or updates a session named by the caller's id; only the offer's provider may. */
export async function importSession(unit: Unit, actor: Actor | null, raw: unknown): Promise<Imported> {
  const input = parseInput(importSessionInput, raw);
  assertNoIssues(sessionIssues(input));
  return transact(unit, requireSignedIn(actor), async (work) => {
    const { tx } = work;
    const offer = await found(
      tx.offer.findUnique({ where: { id: input.offerId }, select: { providerId: true } }),
      "Offer",
      input.offerId,
    );
    requireRole(actor, offer.providerId, editorRoles);
    const { id, ...data } = input;
    const before = await tx.offerSession.findUnique({ where: { id } });
    return applyImport(work, {
      entityType: "OfferSession",
      action: "session",
      id,
      organisationId: offer.providerId,
      stored: before,
      next: data,
      create: () => tx.offerSession.create({ data: input }),
      update: () => tx.offerSession.update({ where: { id }, data: { ...data, version: { increment: 1 } } }),
      event: (outcome) => {
        const payload = { id, offerId: data.offerId, startsAt: data.startsAt.toISOString() };
        return outcome === "CREATED" || !before
          ? { type: "session.created", payload: { ...payload, version: 1 } }
          : { type: "session.updated", payload: { ...payload, version: before.version + 1 } };
      },
    });
  });
}
