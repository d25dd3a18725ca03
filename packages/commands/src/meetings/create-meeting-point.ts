import { assertNoIssues, createMeetingPointInput, parseInput } from "@samspill/domain";
import { type Actor, editorRoles, requireRole } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import { linkIssues, meetingPayload, unknownOrganisationIssues } from "./meeting-rows.js";

/** Registers a meeting point for the organiser (its admins and editors). */
export async function createMeetingPoint(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const input = parseInput(createMeetingPointInput, raw);
  const who = requireRole(actor, input.organiserId, editorRoles);
  return transact(unit, who, async ({ tx, record }) => {
    assertNoIssues([
      ...(await linkIssues(tx, input.organiserId, input.healthCommunityId, input.agreementId)),
      ...(await unknownOrganisationIssues(tx, input.participantIds, "participantIds")),
    ]);
    const { participantIds, ...fields } = input;
    const meeting = await tx.meetingPoint.create({
      data: {
        ...fields,
        participants: { create: participantIds.map((organisationId) => ({ organisationId })) },
      },
    });
    await record({
      action: "meeting_point.create",
      entityType: "MeetingPoint",
      entityId: meeting.id,
      organisationId: meeting.organiserId,
      changes: { created: input },
      event: { type: "meeting_point.created", payload: meetingPayload(meeting) },
    });
    return { id: meeting.id };
  });
}
