import type { Prisma } from "@samspill/database";
import {
  DomainValidationError,
  markOfferReviewedInput,
  parseInput,
  reviewDates,
  startOfUtcDay,
} from "@samspill/domain";
import { type Actor, editorRoles, requireRole, requireSignedIn } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import { loadOffer, snapshotAfter, updateOfferAtVersion } from "./offer-rows.js";

/**
 * Records the offer's five-yearly review with its department as held (today, or the day given)
 * and moves the next one five years on: the review reminder then waits for that date.
 */
export async function markOfferReviewed(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const { id, version, reviewedOn } = parseInput(markOfferReviewedInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    const before = await loadOffer(tx, id);
    requireRole(actor, before.providerId, editorRoles);
    const dates = reviewDates(reviewedOn, startOfUtcDay());
    if (dates.issue) throw new DomainValidationError([dates.issue]);
    const data = {
      lastReviewedOn: dates.lastReviewedOn,
      reviewDueOn: dates.reviewDueOn,
    } satisfies Prisma.OfferUpdateManyMutationInput;
    await updateOfferAtVersion(tx, id, version, data);
    await record({
      action: "offer.reviewed",
      entityType: "Offer",
      entityId: id,
      organisationId: before.providerId,
      changes: {
        lastReviewedOn: { from: before.lastReviewedOn, to: data.lastReviewedOn },
        reviewDueOn: { from: before.reviewDueOn, to: data.reviewDueOn },
      },
      event: {
        type: "offer.updated",
        payload: { offer: snapshotAfter(before, data), changedFields: ["lastReviewedOn", "reviewDueOn"] },
      },
    });
    return { id };
  });
}
