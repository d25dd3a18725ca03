import {
  addMeetingDecisionInput,
  assertNoIssues,
  parseInput,
  recordMinutesInput,
  setMeetingParticipantsInput,
} from "@samspill/domain";
import { type Actor, editorRoles, requireRole, requireSignedIn } from "../actor.js";
import { diff, transact, type Unit } from "../unit-of-work.js";
import {
  addDecisionTo,
  loadOrganisedMeeting,
  meetingPayload,
  unknownOrganisationIssues,
  unlessUnknown,
  updateMeetingAt,
} from "./meeting-rows.js";

// The meeting's record, kept by the organiser's admins and editors: who took part, the minutes
// and the decisions. Each change raises the meeting point's version, so an editor working from
// an older copy of the record is told rather than overwriting it.

/** Replaces the participating organisations. */
export async function setMeetingParticipants(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const { meetingPointId: id, version, organisationIds } = parseInput(setMeetingParticipantsInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, actor, record }) => {
    const before = await unlessUnknown(
      tx.meetingPoint.findUnique({
        where: { id },
        select: { organiserId: true, startsAt: true, participants: { select: { organisationId: true } } },
      }),
    );
    requireRole(actor, before.organiserId, editorRoles);
    assertNoIssues(await unknownOrganisationIssues(tx, organisationIds, "organisationIds"));
    await updateMeetingAt(tx, id, version, {});
    await tx.meetingParticipant.deleteMany({ where: { meetingPointId: id } });
    await tx.meetingParticipant.createMany({
      data: organisationIds.map((organisationId) => ({ meetingPointId: id, organisationId })),
    });
    await record({
      action: "meeting_point.participants",
      entityType: "MeetingPoint",
      entityId: id,
      organisationId: before.organiserId,
      changes: {
        participants: {
          from: before.participants.map((p) => p.organisationId).sort(),
          to: [...organisationIds].sort(),
        },
      },
      event: {
        type: "meeting_point.updated",
        payload: meetingPayload({ id, version: version + 1, startsAt: before.startsAt }),
      },
    });
    return { id };
  });
}

/** Records (replaces) the meeting's minutes. */
export async function recordMinutes(unit: Unit, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const { meetingPointId: id, version, minutes } = parseInput(recordMinutesInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, actor, record }) => {
    const before = await loadOrganisedMeeting(tx, actor, id);
    await updateMeetingAt(tx, id, version, { minutes });
    await record({
      action: "meeting_point.minutes",
      entityType: "MeetingPoint",
      entityId: id,
      organisationId: before.organiserId,
      changes: diff(before, { minutes }),
      event: { type: "meeting_point.updated", payload: meetingPayload({ ...before, version: version + 1 }) },
    });
    return { id };
  });
}

/** Adds a decision to the meeting's record; it answers the decision's id. */
export async function addMeetingDecision(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const input = parseInput(addMeetingDecisionInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, actor, record }) => {
    const meeting = await loadOrganisedMeeting(tx, actor, input.meetingPointId);
    const { version, decision } = await addDecisionTo(tx, meeting.id, input.text, input.decidedAt);
    await record({
      action: "meeting_point.decision",
      entityType: "MeetingPoint",
      entityId: meeting.id,
      organisationId: meeting.organiserId,
      changes: { decisionAdded: { id: decision.id, text: decision.text, decidedAt: decision.decidedAt } },
      event: { type: "meeting_point.updated", payload: meetingPayload({ ...meeting, version }) },
    });
    return { id: decision.id };
  });
}
