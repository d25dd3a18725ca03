import type { MeetingPoint, Prisma } from "@samspill/database";
import { type FieldIssue, ForbiddenError, fieldIssue } from "@samspill/domain";
import { type Actor, editorRoles, requireRole } from "../actor.js";
import { expectVersion, type Tx } from "../unit-of-work.js";

// What the meeting commands share: the one read of a meeting its organiser's editors act on,
// the checks on the organisations and links an input names, and the event payloads, built from
// what the command loaded or wrote rather than by reading the row again.

/** Loads the meeting point and refuses unless the actor edits for its organiser. */
export async function loadOrganisedMeeting(tx: Tx, actor: Actor, id: string): Promise<MeetingPoint> {
  const meeting = await unlessUnknown(tx.meetingPoint.findUnique({ where: { id } }));
  requireRole(actor, meeting.organiserId, editorRoles);
  return meeting;
}

/**
 * A meeting's rows are cooperation records, not public data: an unknown id is refused like a
 * foreign one, so nobody learns from the answer whether a meeting or follow-up exists.
 */
export async function unlessUnknown<T>(row: Promise<T | null>): Promise<T> {
  const value = await row;
  if (value === null) throw new ForbiddenError();
  return value;
}

/** Writes a change to the meeting point if it still has the version the editor saw, and bumps it. */
export async function updateMeetingAt(
  tx: Tx,
  id: string,
  version: number,
  data: Prisma.MeetingPointUncheckedUpdateManyInput,
): Promise<void> {
  const updated = await tx.meetingPoint.updateMany({
    where: { id, version },
    data: { ...data, version: { increment: 1 } },
  });
  await expectVersion(updated, "MeetingPoint", id, version, () =>
    tx.meetingPoint.findUnique({ where: { id }, select: { version: true } }),
  );
}

/**
 * Adds a decision to the meeting's record and bumps the meeting's version (no version from the
 * client: a decision adds to the record, it does not replace anything). Answers both.
 */
export async function addDecisionTo(
  tx: Tx,
  meetingPointId: string,
  text: string,
  decidedAt: Date | null | undefined,
): Promise<{ version: number; decision: { id: string; text: string; decidedAt: Date } }> {
  const { version } = await tx.meetingPoint.update({
    where: { id: meetingPointId },
    data: { version: { increment: 1 } },
    select: { version: true },
  });
  const decision = await tx.meetingDecision.create({
    data: { meetingPointId, text, ...(decidedAt ? { decidedAt } : {}) },
    select: { id: true, text: true, decidedAt: true },
  });
  return { version, decision };
}

export function meetingPayload(meeting: { id: string; version: number; startsAt: Date }) {
  return { id: meeting.id, version: meeting.version, startsAt: meeting.startsAt.toISOString() };
}

export function followUpPayload(followUp: {
  id: string;
  version: number;
  meetingPointId: string;
  status: string;
  dueOn: Date | null;
}) {
  return {
    id: followUp.id,
    version: followUp.version,
    meetingPointId: followUp.meetingPointId,
    status: followUp.status,
    dueOn: isoDay(followUp.dueOn),
  };
}

export const isoDay = (day: Date | null) => day?.toISOString().slice(0, 10) ?? null;

/** Ids among `ids` that name no organisation, as issues at `field.<index>`. */
export async function unknownOrganisationIssues(
  tx: Tx,
  ids: readonly string[],
  field: string,
): Promise<FieldIssue[]> {
  if (ids.length === 0) return [];
  const known = new Set(
    (await tx.organisation.findMany({ where: { id: { in: [...ids] } }, select: { id: true } })).map(
      (o) => o.id,
    ),
  );
  return ids.flatMap((id, i) =>
    known.has(id)
      ? []
      : [
          fieldIssue(
            `${field}.${i}`,
            "unknown_organisation",
            "No such organisation",
            "Organisasjonen finnes ikke",
            "Organisasjonen finst ikkje",
          ),
        ],
  );
}

/** The same for one optional id, named by the field itself. */
export async function unknownOrganisationIssue(
  tx: Tx,
  id: string | null | undefined,
  field: string,
): Promise<FieldIssue[]> {
  if (!id) return [];
  const issues = await unknownOrganisationIssues(tx, [id], field);
  return issues.map((i) => ({ ...i, field }));
}

/** The links a meeting point makes must hold: a real health community the organiser belongs to, an agreement it is party to. */
export async function linkIssues(
  tx: Tx,
  organiserId: string,
  healthCommunityId: string | null | undefined,
  agreementId: string | null | undefined,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (healthCommunityId) {
    const community = await tx.organisation.findUnique({
      where: { id: healthCommunityId },
      select: {
        kind: true,
        communityMembers: { where: { organisationId: organiserId }, select: { organisationId: true } },
      },
    });
    if (community?.kind !== "HEALTH_COMMUNITY")
      issues.push(
        fieldIssue(
          "healthCommunityId",
          "not_a_health_community",
          "Not a health community",
          "Ikke et helsefellesskap",
          "Ikkje eit helsefellesskap",
        ),
      );
    else if (organiserId !== healthCommunityId && community.communityMembers.length === 0)
      issues.push(
        fieldIssue(
          "healthCommunityId",
          "organiser_not_in_community",
          "The organiser is not a member of this health community",
          "Arrangøren er ikke med i dette helsefellesskapet",
          "Arrangøren er ikkje med i dette helsefellesskapet",
        ),
      );
  }
  if (agreementId) {
    const party = await tx.agreementParty.findUnique({
      where: { agreementId_organisationId: { agreementId, organisationId: organiserId } },
    });
    if (!party)
      issues.push(
        fieldIssue(
          "agreementId",
          "organiser_not_a_party",
          "The organiser is not a party to this agreement",
          "Arrangøren er ikke part i denne avtalen",
          "Arrangøren er ikkje part i denne avtalen",
        ),
      );
  }
  return issues;
}
