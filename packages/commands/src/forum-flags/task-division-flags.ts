import { Prisma } from "@samspill/database";
import { type OrganisationKind, taskDivisionFlag } from "@samspill/domain";
import { isoDay } from "../meetings/meeting-rows.js";
import { loadOffer, snapshotAfter } from "../offers/offer-rows.js";
import type { Work } from "../unit-of-work.js";

// An offer's task-division marker (Offer.flaggedForReview: a municipality's diagnosis-specific
// offer) is the forum's question, so it is asked as a ForumFlag with an owner and a due date and
// answered like any flag. The marker holds while such a flag is open: the offer commands raise
// the flag when an offer comes into the condition, and resolving or dismissing the last one
// clears the marker. An offer already in the condition whose flag was answered stays answered
// when edited; leaving the condition and coming back into it asks again. The same INSERT, run
// once over the stored offers, is migration 20261207043000_task_division_flags.

/** Days the offer's provider has to answer: a quarter, so the forum meets at least once before. */
export const taskDivisionFlagDueDays = 90;

type Mark = { flagged: boolean; reason: string | null };

/** The marker an offer written now carries, given its stored row (null for a new offer). */
export function taskDivisionMark(
  providerKind: OrganisationKind,
  scope: Parameters<typeof taskDivisionFlag>[1],
  before: {
    flaggedForReview: boolean;
    diagnosisScope: typeof scope;
    provider: { kind: OrganisationKind };
  } | null,
): Mark {
  const mark = taskDivisionFlag(providerKind, scope);
  if (!mark.flagged || !before || before.flaggedForReview) return mark;
  const answered = taskDivisionFlag(before.provider.kind, before.diagnosisScope).flagged;
  return answered ? { flagged: false, reason: null } : mark;
}

/**
 * Raises one open TASK_DIVISION_CONFLICT flag in each health community of the provider for
 * each of the offers that carries the marker and has none open there yet. Raised by the system
 * (no person), owned by the provider; each is audited and announced so the worker mails the
 * owner's editors.
 */
export async function raiseTaskDivisionFlags(work: Pick<Work, "tx" | "record">, offerIds: readonly string[]) {
  if (offerIds.length === 0) return 0;
  const raised = await work.tx.$queryRaw<
    { id: string; healthCommunityId: string; ownerId: string; offerId: string; dueOn: Date }[]
  >(Prisma.sql`
    INSERT INTO "ForumFlag" ("id", "healthCommunityId", "kind", "offerId", "note", "ownerId", "dueOn", "updatedAt")
    SELECT gen_random_uuid(), m."healthCommunityId", 'TASK_DIVISION_CONFLICT', o."id",
           COALESCE(o."flagReason", ''), o."providerId", CURRENT_DATE + ${taskDivisionFlagDueDays}::int,
           CURRENT_TIMESTAMP
    FROM "Offer" o
    JOIN "HealthCommunityMember" m ON m."organisationId" = o."providerId"
    WHERE o."id" = ANY(${[...offerIds]}::uuid[]) AND o."flaggedForReview"
      AND NOT EXISTS (
        SELECT 1 FROM "ForumFlag" f
        WHERE f."offerId" = o."id" AND f."healthCommunityId" = m."healthCommunityId"
          AND f."kind" = 'TASK_DIVISION_CONFLICT' AND f."state" = 'OPEN')
    RETURNING "id", "healthCommunityId", "ownerId", "offerId", "dueOn"`);
  for (const f of raised) {
    await work.record({
      action: "forum_flag.raise",
      entityType: "ForumFlag",
      entailed: true,
      entityId: f.id,
      organisationId: f.healthCommunityId,
      changes: { created: { kind: "TASK_DIVISION_CONFLICT", offerId: f.offerId, ownerId: f.ownerId } },
      event: {
        type: "forum_flag.raised",
        payload: {
          id: f.id,
          version: 1,
          healthCommunityId: f.healthCommunityId,
          ownerId: f.ownerId,
          kind: "TASK_DIVISION_CONFLICT",
          dueOn: isoDay(f.dueOn) as string,
        },
      },
    });
  }
  return raised.length;
}

/**
 * After flags were resolved or dismissed: clears the marker of each offer whose last open
 * task-division flag that was, as an offer change the overview projects like any other.
 */
export async function clearTaskDivisionMarks(
  work: Pick<Work, "tx" | "record">,
  closed: readonly { kind: string; offerId: string | null }[],
) {
  const offerIds = [
    ...new Set(closed.flatMap((f) => (f.kind === "TASK_DIVISION_CONFLICT" && f.offerId ? [f.offerId] : []))),
  ];
  for (const id of offerIds) {
    const stillOpen = await work.tx.forumFlag.count({
      where: { offerId: id, kind: "TASK_DIVISION_CONFLICT", state: "OPEN" },
    });
    if (stillOpen > 0) continue;
    const before = await loadOffer(work.tx, id);
    if (!before.flaggedForReview) continue;
    const data = { flaggedForReview: false, flagReason: null };
    await work.tx.offer.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
    await work.record({
      action: "offer.update",
      entityType: "Offer",
      entailed: true,
      entityId: id,
      organisationId: before.providerId,
      changes: {
        flaggedForReview: { from: true, to: false },
        flagReason: { from: before.flagReason, to: null },
      },
      event: {
        type: "offer.updated",
        payload: { offer: snapshotAfter(before, data), changedFields: ["flaggedForReview", "flagReason"] },
      },
    });
  }
}
