import { z } from "zod";
import { httpUrl, isoDate, nonEmptyText, optionalText, plainText, uuid, version } from "./common.js";
import { type FollowUpStatus, followUpStatuses, type MeetingKind, meetingKinds } from "./enums.js";
import { type FieldIssue, fieldIssue } from "./errors.js";
import { addFieldIssues } from "./field-issues.js";
import { bilingualIssue } from "./validation.js";

// Meeting points (møtepunkt): networks, cooperation committees, annual meetings and the health
// communities' forums, with their minutes, decisions and follow-ups.

const longText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v ?? "");

/** Issues with a meeting's period: it cannot end before it starts. */
export function meetingPeriodIssues(startsAt: Date, endsAt: Date): FieldIssue[] {
  if (endsAt >= startsAt) return [];
  return [
    fieldIssue(
      "endsAt",
      "ends_before_start",
      "A meeting cannot end before it starts",
      "Et møte kan ikke slutte før det begynner",
      "Eit møte kan ikkje slutte før det byrjar",
    ),
  ];
}

/** A health-community forum belongs to a health community; other meetings may name one. */
export function forumIssues(kind: MeetingKind, healthCommunityId: string | null | undefined): FieldIssue[] {
  if (kind !== "HEALTH_COMMUNITY_FORUM" || healthCommunityId) return [];
  return [
    fieldIssue(
      "healthCommunityId",
      "forum_needs_health_community",
      "A health-community forum must name its health community",
      "Et helsefellesskapsforum må knyttes til sitt helsefellesskap",
      "Eit helsefellesskapsforum må knytast til helsefellesskapet sitt",
    ),
  ];
}

/** Issues for repeated ids, at their index in the list. */
function duplicateIssues(ids: readonly string[]): FieldIssue[] {
  const seen = new Set<string>();
  return ids.flatMap((id, i) => {
    if (!seen.has(id)) {
      seen.add(id);
      return [];
    }
    return [
      fieldIssue(
        String(i),
        "duplicate",
        "Listed more than once",
        "Oppgitt mer enn én gang",
        "Oppgitt meir enn éin gong",
      ),
    ];
  });
}

/** A list of organisation ids, each at most once (checked on the list, so it is named with the others). */
const participantIds = z
  .array(uuid)
  .max(300)
  .superRefine((ids, ctx) => addFieldIssues(ctx, duplicateIssues(ids)));

const meetingFields = {
  kind: z.enum(meetingKinds),
  title: nonEmptyText(300),
  healthCommunityId: uuid.nullish(),
  agreementId: uuid.nullish(),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  location: optionalText(500),
  onlineUrl: httpUrl.nullish(),
  agenda: longText(20_000),
};

export const createMeetingPointInput = z
  .object({
    organiserId: uuid,
    ...meetingFields,
    participantIds: participantIds.nullish().transform((v) => v ?? []),
  })
  .strict()
  .superRefine((m, ctx) => {
    addFieldIssues(ctx, meetingPeriodIssues(m.startsAt, m.endsAt));
    addFieldIssues(ctx, forumIssues(m.kind, m.healthCommunityId));
  });
export type CreateMeetingPointInput = z.output<typeof createMeetingPointInput>;

/** The organiser cannot be changed: a meeting point stays with the organisation that owns it. */
export const updateMeetingPointInput = z
  .object({
    id: uuid,
    version,
    kind: meetingFields.kind.optional(),
    title: meetingFields.title.optional(),
    healthCommunityId: meetingFields.healthCommunityId.optional(),
    agreementId: meetingFields.agreementId.optional(),
    startsAt: meetingFields.startsAt.optional(),
    endsAt: meetingFields.endsAt.optional(),
    location: meetingFields.location.optional(),
    onlineUrl: meetingFields.onlineUrl.optional(),
    agenda: meetingFields.agenda.optional(),
  })
  .strict();
export type UpdateMeetingPointInput = z.output<typeof updateMeetingPointInput>;

export const setMeetingParticipantsInput = z
  .object({ meetingPointId: uuid, version, organisationIds: participantIds })
  .strict();
export type SetMeetingParticipantsInput = z.output<typeof setMeetingParticipantsInput>;

export const recordMinutesInput = z
  .object({ meetingPointId: uuid, version, minutes: plainText(100_000) })
  .strict();
export type RecordMinutesInput = z.output<typeof recordMinutesInput>;

export const decisionText = nonEmptyText(4000);

export const addMeetingDecisionInput = z
  .object({ meetingPointId: uuid, text: decisionText, decidedAt: z.coerce.date().nullish() })
  .strict();
export type AddMeetingDecisionInput = z.output<typeof addMeetingDecisionInput>;

const followUpFields = {
  text: nonEmptyText(4000),
  responsibleOrgId: uuid.nullish(),
  dueOn: isoDate.nullish(),
};

export const addFollowUpInput = z
  .object({
    meetingPointId: uuid,
    decisionId: uuid.nullish(),
    ...followUpFields,
    status: z
      .enum(followUpStatuses)
      .nullish()
      .transform((v): FollowUpStatus => v ?? "OPEN"),
  })
  .strict();
export type AddFollowUpInput = z.output<typeof addFollowUpInput>;

export const updateFollowUpInput = z
  .object({
    id: uuid,
    version,
    text: followUpFields.text.optional(),
    responsibleOrgId: followUpFields.responsibleOrgId.optional(),
    dueOn: followUpFields.dueOn.optional(),
    status: z.enum(followUpStatuses).optional(),
  })
  .strict();
export type UpdateFollowUpInput = z.output<typeof updateFollowUpInput>;

/** A forum's review: findings, the decisions it made and who follows up what, by when. */
export const recordForumReviewInput = z
  .object({
    meetingPointId: uuid,
    healthCommunityId: uuid,
    findings: nonEmptyText(50_000),
    decisions: z
      .array(decisionText)
      .max(100)
      .nullish()
      .transform((v) => v ?? []),
    followUps: z
      .array(
        z
          .object({
            text: followUpFields.text,
            responsibleOrgId: uuid,
            dueOn: isoDate,
            /** Index into `decisions`: the decision this follows from. */
            decisionIndex: z.number().int().min(0).nullish(),
          })
          .strict(),
      )
      .max(200)
      .nullish()
      .transform((v) => v ?? []),
  })
  .strict()
  .superRefine((review, ctx) => {
    review.followUps.forEach((f, i) => {
      if (f.decisionIndex != null && f.decisionIndex >= review.decisions.length)
        ctx.addIssue(
          bilingualIssue(
            ["followUps", i, "decisionIndex"],
            "no_such_decision",
            "There is no decision with this index in the review",
            "Det finnes ikke noe vedtak med dette nummeret i gjennomgangen",
            "Det finst ikkje noko vedtak med dette nummeret i gjennomgangen",
          ),
        );
    });
  });
export type RecordForumReviewInput = z.output<typeof recordForumReviewInput>;

/** When a follow-up moves to DONE it gets a completion time; leaving DONE clears it. */
export function completedAtFor(
  from: FollowUpStatus,
  to: FollowUpStatus,
  current: Date | null,
  now: Date,
): Date | null {
  if (to !== "DONE") return null;
  return from === "DONE" && current ? current : now;
}
