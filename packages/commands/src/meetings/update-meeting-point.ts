import {
  assertNoIssues,
  forumIssues,
  meetingPeriodIssues,
  parseInput,
  updateMeetingPointInput,
} from "@samspill/domain";
import { type Actor, requireSignedIn } from "../actor.js";
import { diff, transact, type Unit } from "../unit-of-work.js";
import { linkIssues, loadOrganisedMeeting, meetingPayload, updateMeetingAt } from "./meeting-rows.js";

/** Edits a meeting point (never its organiser); a stale version is refused, never overwritten. */
export async function updateMeetingPoint(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const { id, version, ...fields } = parseInput(updateMeetingPointInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, actor, record }) => {
    const before = await loadOrganisedMeeting(tx, actor, id);
    const after = { ...before, ...fields };
    assertNoIssues([
      ...meetingPeriodIssues(after.startsAt, after.endsAt),
      ...forumIssues(after.kind, after.healthCommunityId),
      // Only links this edit makes are checked: ones the meeting already has stay as they are.
      ...(await linkIssues(tx, before.organiserId, fields.healthCommunityId, fields.agreementId)),
    ]);
    await updateMeetingAt(tx, id, version, fields);
    await record({
      action: "meeting_point.update",
      entityType: "MeetingPoint",
      entityId: id,
      organisationId: before.organiserId,
      changes: diff(before, fields),
      event: {
        type: "meeting_point.updated",
        payload: meetingPayload({ id, version: version + 1, startsAt: after.startsAt }),
      },
    });
    return { id };
  });
}
