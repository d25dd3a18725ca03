import type { Prisma } from "@samspill/database";
import {
  addFollowUpInput,
  assertNoIssues,
  completedAtFor,
  ForbiddenError,
  fieldIssue,
  parseInput,
  updateFollowUpInput,
} from "@samspill/domain";
import { type Actor, editorRoles, forumRoles, holdsRole, requireSignedIn } from "../actor.js";
import { diff, expectVersion, transact, type Unit } from "../unit-of-work.js";
import {
  followUpPayload,
  isoDay,
  loadOrganisedMeeting,
  unknownOrganisationIssue,
  unlessUnknown,
} from "./meeting-rows.js";

// Follow-ups (who does what by when) are tracked one by one. The organiser's editors add them;
// they, the health community's forum members and the responsible organisation look after them.

/** Adds a follow-up to a meeting point, optionally tied to one of its decisions. */
export async function addFollowUp(unit: Unit, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const input = parseInput(addFollowUpInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, actor, record }) => {
    const meeting = await loadOrganisedMeeting(tx, actor, input.meetingPointId);
    const issues = await unknownOrganisationIssue(tx, input.responsibleOrgId, "responsibleOrgId");
    if (input.decisionId) {
      const decision = await tx.meetingDecision.findUnique({
        where: { id: input.decisionId },
        select: { meetingPointId: true },
      });
      if (decision?.meetingPointId !== input.meetingPointId)
        issues.push(
          fieldIssue(
            "decisionId",
            "not_this_meeting",
            "The decision is not from this meeting",
            "Vedtaket er ikke fra dette møtet",
            "Vedtaket er ikkje frå dette møtet",
          ),
        );
    }
    assertNoIssues(issues);
    const followUp = await tx.followUp.create({
      data: {
        meetingPointId: input.meetingPointId,
        decisionId: input.decisionId ?? null,
        text: input.text,
        responsibleOrgId: input.responsibleOrgId ?? null,
        dueOn: input.dueOn ? new Date(input.dueOn) : null,
        status: input.status,
        completedAt: completedAtFor("OPEN", input.status, null, new Date()),
      },
    });
    await record({
      action: "follow_up.create",
      entityType: "FollowUp",
      entityId: followUp.id,
      organisationId: meeting.organiserId,
      changes: { created: input },
      event: { type: "follow_up.changed", payload: followUpPayload(followUp) },
    });
    return { id: followUp.id };
  });
}

/**
 * Updates a follow-up. The organiser's editors and the health community's forum members may
 * change everything; the responsible organisation's editors only its status (they report on
 * their own work, they do not reassign or reword it).
 */
export async function updateFollowUp(unit: Unit, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const { id, version, ...fields } = parseInput(updateFollowUpInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, actor, record }) => {
    const before = await unlessUnknown(
      tx.followUp.findUnique({
        where: { id },
        include: { meetingPoint: { select: { organiserId: true, healthCommunityId: true } } },
      }),
    );
    const { organiserId, healthCommunityId } = before.meetingPoint;
    const steward =
      holdsRole(actor, organiserId, editorRoles) ||
      (healthCommunityId !== null && holdsRole(actor, healthCommunityId, forumRoles));
    const responsible =
      before.responsibleOrgId !== null && holdsRole(actor, before.responsibleOrgId, editorRoles);
    if (!steward && !responsible) throw new ForbiddenError();
    const onlyStatus = Object.keys(fields).every((k) => k === "status");
    if (!steward && !onlyStatus)
      throw new ForbiddenError(
        "The responsible organisation may only change the status / Ansvarlig organisasjon kan bare endre status",
      );
    assertNoIssues(await unknownOrganisationIssue(tx, fields.responsibleOrgId, "responsibleOrgId"));
    const { dueOn, ...rest } = fields;
    const data = {
      ...rest,
      ...(dueOn !== undefined ? { dueOn: dueOn ? new Date(dueOn) : null } : {}),
      ...(rest.status
        ? { completedAt: completedAtFor(before.status, rest.status, before.completedAt, new Date()) }
        : {}),
    } satisfies Prisma.FollowUpUncheckedUpdateManyInput;
    const updated = await tx.followUp.updateMany({
      where: { id, version },
      data: { ...data, version: { increment: 1 } },
    });
    await expectVersion(updated, "FollowUp", id, version, () =>
      tx.followUp.findUnique({ where: { id }, select: { version: true } }),
    );
    await record({
      action: "follow_up.update",
      entityType: "FollowUp",
      entityId: id,
      organisationId: organiserId,
      changes: diff({ ...before, dueOn: isoDay(before.dueOn) }, { ...fields, completedAt: data.completedAt }),
      event: {
        type: "follow_up.changed",
        payload: followUpPayload({ ...before, ...data, version: version + 1 }),
      },
    });
    return { id };
  });
}
