import { assertNoIssues, parseInput, recordForumReviewInput } from "@samspill/domain";
import { type Actor, forumRoles, requireRole } from "../actor.js";
import { followUpPayload } from "../meetings/meeting-rows.js";
import { transact, type Unit } from "../unit-of-work.js";
import { takeOverviewSnapshot } from "./overview-snapshot.js";
import { reviewIssues } from "./review-issues.js";

// A health community's forum reviews the joint overview at one of its meeting points and records
// findings, decisions and follow-ups. Only its forum members (or admins) act for it, and the
// whole review is stored in one transaction: an invalid follow-up leaves nothing behind.

/** Records a forum review with its decisions and follow-ups, all or nothing. */
export async function recordForumReview(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const input = parseInput(recordForumReviewInput, raw);
  const who = requireRole(actor, input.healthCommunityId, forumRoles);
  return transact(unit, who, async ({ tx, record }) => {
    assertNoIssues(await reviewIssues(tx, input));
    // The overview as the forum saw it, frozen so the next review can show what changed since.
    const snapshot = await takeOverviewSnapshot(tx, input.healthCommunityId, new Date());
    const review = await tx.forumReview.create({
      data: {
        meetingPointId: input.meetingPointId,
        healthCommunityId: input.healthCommunityId,
        findings: input.findings,
        createdById: who.personId,
        snapshot,
      },
    });
    // One by one, so the decisions keep the order the forum gave them.
    const decisions = [];
    for (const text of input.decisions) {
      decisions.push(
        await tx.meetingDecision.create({
          data: { meetingPointId: input.meetingPointId, reviewId: review.id, text },
          select: { id: true, text: true },
        }),
      );
    }
    const followUps = [];
    for (const f of input.followUps) {
      followUps.push(
        await tx.followUp.create({
          data: {
            meetingPointId: input.meetingPointId,
            decisionId: f.decisionIndex != null ? (decisions[f.decisionIndex]?.id ?? null) : null,
            text: f.text,
            responsibleOrgId: f.responsibleOrgId,
            dueOn: new Date(f.dueOn),
          },
        }),
      );
    }
    await record({
      action: "forum_review.record",
      entityType: "ForumReview",
      entityId: review.id,
      organisationId: input.healthCommunityId,
      changes: {
        meetingPointId: input.meetingPointId,
        findings: input.findings,
        decisions,
        followUpIds: followUps.map((f) => f.id),
      },
      event: {
        type: "forum_review.recorded",
        payload: {
          id: review.id,
          meetingPointId: input.meetingPointId,
          healthCommunityId: input.healthCommunityId,
        },
      },
    });
    for (const f of followUps) {
      await record({
        action: "follow_up.create",
        entityType: "FollowUp",
        entityId: f.id,
        organisationId: input.healthCommunityId,
        changes: {
          created: {
            text: f.text,
            responsibleOrgId: f.responsibleOrgId,
            dueOn: f.dueOn,
            decisionId: f.decisionId,
          },
          reviewId: review.id,
        },
        event: { type: "follow_up.changed", payload: followUpPayload(f) },
      });
    }
    return { id: review.id };
  });
}
