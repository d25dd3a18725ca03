import type { Prisma } from "@samspill/database";
import { assertTransition, changeOfferStatusInput, defaultReviewDue, parseInput } from "@samspill/domain";
import { type Actor, editorRoles, requireRole, requireSignedIn } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import { loadOffer, municipalityNumbersOf, snapshotAfter, updateOfferAtVersion } from "./offer-rows.js";

/**
 * Moves an offer through its lifecycle: draft → published → paused/archived (archived → draft).
 * Publishing stamps the first publication and, unless one is set, the five-year review.
 */
export async function changeOfferStatus(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const { id, version, status: to } = parseInput(changeOfferStatusInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    const before = await loadOffer(tx, id);
    requireRole(actor, before.providerId, editorRoles);
    assertTransition(before.status, to, { ...before, municipalityNumbers: municipalityNumbersOf(before) });
    const now = new Date();
    const publishing = to === "PUBLISHED";
    const data = {
      status: to,
      ...(publishing && !before.publishedAt ? { publishedAt: now } : {}),
      reviewDueOn: publishing && !before.reviewDueOn ? defaultReviewDue(now) : before.reviewDueOn,
    } satisfies Prisma.OfferUpdateManyMutationInput;
    await updateOfferAtVersion(tx, id, version, data);
    await record({
      action: "offer.status",
      entityType: "Offer",
      entityId: id,
      organisationId: before.providerId,
      changes: { status: { from: before.status, to } },
      event: {
        type: "offer.status_changed",
        payload: {
          offer: snapshotAfter(before, data),
          from: before.status,
          to,
        },
      },
    });
    return { id };
  });
}

/** Publishes a draft (or paused) offer: the same rule as any other status change. */
export function publishOffer(
  unit: Unit,
  actor: Actor | null,
  input: { id: string; version: number },
): Promise<{ id: string }> {
  return changeOfferStatus(unit, actor, { ...input, status: "PUBLISHED" });
}
