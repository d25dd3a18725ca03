import {
  assertNoIssues,
  dismissForumFlagInput,
  ForbiddenError,
  fieldIssue,
  parseInput,
  resolveForumFlagsInput,
} from "@samspill/domain";
import { type Actor, forumRoles, requireRole, requireSignedIn } from "../actor.js";
import { addDecisionTo, meetingPayload, unlessUnknown } from "../meetings/meeting-rows.js";
import { expectVersion, transact, type Unit } from "../unit-of-work.js";
import { notOpenIssues } from "./flag-issues.js";
import { clearTaskDivisionMarks } from "./task-division-flags.js";

// A flag ends one of two ways. Resolved: a decision recorded in one of the community's forum
// meetings answers it, and the flag and the decision point at each other. Dismissed: the forum
// decides it needs no answer, and says why. Either way only the community's forum members act.

/**
 * Records one decision in a forum meeting that resolves the given open flags of its health
 * community; it answers the decision's id.
 */
export async function resolveForumFlags(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const input = parseInput(resolveForumFlagsInput, raw);
  return transact(unit, requireSignedIn(actor), async (work) => {
    const { tx, actor, record } = work;
    const meeting = await unlessUnknown(tx.meetingPoint.findUnique({ where: { id: input.meetingPointId } }));
    const communityId = meeting.healthCommunityId;
    if (!communityId) throw new ForbiddenError("Only a health community's forum meeting resolves its flags");
    requireRole(actor, communityId, forumRoles);
    const ids = [...new Set(input.flagIds)];
    const flags = await tx.forumFlag.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        state: true,
        healthCommunityId: true,
        ownerId: true,
        version: true,
        kind: true,
        offerId: true,
      },
    });
    // Another community's flag is refused like an unknown one: the answer tells nothing of it.
    if (flags.length !== ids.length || flags.some((f) => f.healthCommunityId !== communityId))
      throw new ForbiddenError();
    assertNoIssues(notOpenIssues(flags, "flagIds"));
    const { version, decision } = await addDecisionTo(tx, meeting.id, input.decision, input.decidedAt);
    const closedAt = new Date();
    const updated = await tx.forumFlag.updateMany({
      where: { id: { in: ids }, state: "OPEN" },
      data: { state: "RESOLVED", resolvedByDecisionId: decision.id, closedAt, version: { increment: 1 } },
    });
    // A concurrent resolution took one of them between the read and the write.
    if (updated.count !== ids.length)
      assertNoIssues([
        fieldIssue(
          "flagIds",
          "flag_not_open",
          "A flag was closed meanwhile",
          "Et flagg ble lukket i mellomtiden",
          "Eit flagg vart lukka i mellomtida",
        ),
      ]);
    await record({
      action: "meeting_point.decision",
      entityType: "MeetingPoint",
      entityId: meeting.id,
      organisationId: meeting.organiserId,
      changes: { decisionAdded: { id: decision.id, text: decision.text, resolvesFlags: ids } },
      event: { type: "meeting_point.updated", payload: meetingPayload({ ...meeting, version }) },
    });
    for (const f of flags) {
      await record({
        action: "forum_flag.resolve",
        entityType: "ForumFlag",
        entityId: f.id,
        organisationId: communityId,
        changes: { state: { from: "OPEN", to: "RESOLVED" }, resolvedByDecisionId: decision.id },
        event: {
          type: "forum_flag.resolved",
          payload: {
            id: f.id,
            version: f.version + 1,
            healthCommunityId: communityId,
            ownerId: f.ownerId,
            decisionId: decision.id,
          },
        },
      });
    }
    await clearTaskDivisionMarks(work, flags);
    return { id: decision.id };
  });
}

/** Closes an open flag without a decision, with the forum's reason. */
export async function dismissForumFlag(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const { id, version, reason } = parseInput(dismissForumFlagInput, raw);
  return transact(unit, requireSignedIn(actor), async (work) => {
    const { tx, actor, record } = work;
    const flag = await unlessUnknown(
      tx.forumFlag.findUnique({
        where: { id },
        select: { id: true, state: true, healthCommunityId: true, ownerId: true, kind: true, offerId: true },
      }),
    );
    requireRole(actor, flag.healthCommunityId, forumRoles);
    assertNoIssues(notOpenIssues([flag], "id").map((i) => ({ ...i, field: "id" })));
    const updated = await tx.forumFlag.updateMany({
      where: { id, version, state: "OPEN" },
      data: { state: "DISMISSED", dismissReason: reason, closedAt: new Date(), version: { increment: 1 } },
    });
    await expectVersion(updated, "ForumFlag", id, version, () =>
      tx.forumFlag.findUnique({ where: { id }, select: { version: true } }),
    );
    await record({
      action: "forum_flag.dismiss",
      entityType: "ForumFlag",
      entityId: id,
      organisationId: flag.healthCommunityId,
      changes: { state: { from: "OPEN", to: "DISMISSED" }, dismissReason: reason },
      event: {
        type: "forum_flag.dismissed",
        payload: {
          id,
          version: version + 1,
          healthCommunityId: flag.healthCommunityId,
          ownerId: flag.ownerId,
        },
      },
    });
    await clearTaskDivisionMarks(work, [flag]);
    return { id };
  });
}
