import {
  agreementStatuses,
  audiences,
  diagnosisGroups,
  diagnosisScopes,
  forumFlagKinds,
  measureStatuses,
  offerFormats,
  offerStatuses,
  organisationKinds,
  priorityGroups,
  roles,
  signUpStatuses,
  subscriptionKinds,
  writtenLanguages,
} from "@samspill/domain";
import { z } from "zod";

// Every domain event the hub emits. The type names are a closed string-literal union and each
// has a zod payload, so producers and consumers cannot drift apart.

/** What the overview needs to know of an offer: enough to project it without reading the row. */
export const offerSnapshot = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  providerId: z.uuid(),
  providerKind: z.string(),
  title: z.string(),
  status: z.enum(offerStatuses),
  diagnosisScope: z.enum(diagnosisScopes),
  diagnosisGroups: z.array(z.enum(diagnosisGroups)),
  priorityGroups: z.array(z.enum(priorityGroups)),
  format: z.enum(offerFormats),
  languages: z.array(z.string()),
  /** Absent in events from before the crossed overview; a rebuild fills it in. */
  audiences: z.array(z.enum(audiences)).optional(),
  municipalityNumbers: z.array(z.string()),
  flaggedForReview: z.boolean(),
  reviewDueOn: z.string().nullable(),
});
export type OfferSnapshot = z.infer<typeof offerSnapshot>;

const ref = z.object({ id: z.uuid(), version: z.number().int().positive().optional() });
const membership = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  personId: z.uuid(),
  role: z.enum(roles),
});
const invitation = z.object({ id: z.uuid(), organisationId: z.uuid(), role: z.enum(roles) });

export const eventPayloads = {
  "offer.created": z.object({ offer: offerSnapshot }),
  "offer.updated": z.object({ offer: offerSnapshot, changedFields: z.array(z.string()) }),
  "offer.status_changed": z.object({
    offer: offerSnapshot,
    from: z.enum(offerStatuses),
    to: z.enum(offerStatuses),
  }),
  "session.created": ref.extend({ offerId: z.uuid(), startsAt: z.string() }),
  "session.updated": ref.extend({ offerId: z.uuid(), startsAt: z.string() }),
  /** `reason` is set when the hub cancelled it (too few signed up by the minimum check). */
  "session.cancelled": ref.extend({ offerId: z.uuid(), reason: z.enum(["too_few_participants"]).optional() }),
  "agreement.created": ref.extend({ validTo: z.string().nullable(), status: z.enum(agreementStatuses) }),
  "agreement.updated": ref.extend({ validTo: z.string().nullable(), status: z.enum(agreementStatuses) }),
  "meeting_point.created": ref.extend({ startsAt: z.string() }),
  "meeting_point.updated": ref.extend({ startsAt: z.string() }),
  "forum_review.recorded": z.object({ id: z.uuid(), meetingPointId: z.uuid(), healthCommunityId: z.uuid() }),
  /** A forum flag was raised, resolved by a meeting decision or dismissed: ids and dates only. */
  "forum_flag.raised": ref.extend({
    healthCommunityId: z.uuid(),
    ownerId: z.uuid(),
    kind: z.enum(forumFlagKinds),
    dueOn: z.string(),
  }),
  "forum_flag.resolved": ref.extend({ healthCommunityId: z.uuid(), ownerId: z.uuid(), decisionId: z.uuid() }),
  "forum_flag.dismissed": ref.extend({ healthCommunityId: z.uuid(), ownerId: z.uuid() }),
  "follow_up.changed": ref.extend({
    meetingPointId: z.uuid(),
    status: z.string(),
    dueOn: z.string().nullable(),
  }),
  "participation.reported": ref.extend({ offerId: z.uuid().nullable(), meetingPointId: z.uuid().nullable() }),
  /** A report's figures were restated; consumers replace the earlier version, never add to it. */
  "participation.corrected": ref.extend({
    offerId: z.uuid().nullable(),
    meetingPointId: z.uuid().nullable(),
  }),
  "pam.reported": z.object({ id: z.uuid(), offerId: z.uuid() }),
  /** PAM results of a course run (session `id`) were recorded or removed; no pseudonyms, no results. */
  /** Attendance of a course run (session `id`) was ticked; counts only. */
  "attendance.recorded": z.object({ id: z.uuid(), offerId: z.uuid(), attended: z.number().int() }),
  /** The provider prepared (and so confirmed) a run's participation report from attendance. */
  "attendance.report_prepared": z.object({
    id: z.uuid(),
    offerId: z.uuid(),
    userOrganisationId: z.uuid().nullable(),
  }),
  "pam.results_changed": z.object({ id: z.uuid(), offerId: z.uuid(), results: z.number().int() }),
  /** Course sign-ups (issue 14): ids, statuses and counts only; names and contact never travel. */
  "signup.created": z.object({
    id: z.uuid(),
    sessionId: z.uuid(),
    offerId: z.uuid(),
    status: z.enum(signUpStatuses),
  }),
  "signup.changed": z.object({
    id: z.uuid(),
    sessionId: z.uuid(),
    offerId: z.uuid(),
    from: z.enum(signUpStatuses),
    to: z.enum(signUpStatuses),
  }),
  /** The minimum-participants check ran: the session goes ahead, or it was cancelled. */
  "session.minimum_checked": z.object({
    id: z.uuid(),
    offerId: z.uuid(),
    goesAhead: z.boolean(),
    participants: z.number().int().nonnegative(),
  }),
  "measure.updated": ref.extend({ planId: z.uuid(), status: z.enum(measureStatuses) }),
  "organisation.created": ref.extend({ kind: z.enum(organisationKinds) }),
  "organisation.updated": ref,
  /** An offer import was confirmed: the worker writes its rows (packages/commands/src/offer-import). */
  "offer_import.confirmed": z.object({ id: z.uuid(), rows: z.number().int() }),
  // People and access (admin pages, invitations): ids and roles only, never a name or an address.
  "unit.created": z.object({ id: z.uuid(), organisationId: z.uuid() }),
  "unit.updated": z.object({ id: z.uuid(), organisationId: z.uuid() }),
  "membership.created": membership,
  "membership.updated": membership.extend({ previousRole: z.enum(roles) }),
  "membership.removed": membership,
  /** linkIssued: the inviter drew the link and mails it itself (the bootstrap CLI), not the mail job. */
  "invitation.created": invitation.extend({ linkIssued: z.boolean().optional() }),
  "invitation.revoked": invitation,
  "invitation.accepted": invitation.extend({ personId: z.uuid(), membershipId: z.uuid() }),
  /** A person's own mail subscription (digest, summaries, reminders); ids only, never the address. */
  /** A person chose the written language of their mails (null: their organisation's). */
  "person.language_changed": z.object({ id: z.uuid(), language: z.enum(writtenLanguages).nullable() }),
  "subscription.created": z.object({ id: z.uuid(), kind: z.enum(subscriptionKinds) }),
  "subscription.updated": z.object({ id: z.uuid(), kind: z.enum(subscriptionKinds), active: z.boolean() }),
  "subscription.cancelled": z.object({
    id: z.uuid(),
    kind: z.enum(subscriptionKinds),
    via: z.enum(["page", "unsubscribe-link"]),
  }),
} as const;

export type EventType = keyof typeof eventPayloads;
export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloads)[T]>;
export const eventTypes = Object.keys(eventPayloads) as EventType[];

export interface DomainEvent<T extends EventType = EventType> {
  type: T;
  aggregateType: string;
  aggregateId: string;
  organisationId: string | null;
  payload: EventPayload<T>;
}

/** The message a queue carries: the outbox row's identity plus the typed event. */
export interface QueuedEvent<T extends EventType = EventType> extends DomainEvent<T> {
  id: string;
  sequence: string;
  occurredAt: string;
}

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(eventPayloads, value);
}

/** Validates an event read back from storage or a queue; throws on an unknown type or bad payload. */
export function parseEvent(raw: {
  type: string;
  aggregateType: string;
  aggregateId: string;
  organisationId: string | null;
  payload: unknown;
}): DomainEvent {
  if (!isEventType(raw.type)) throw new Error(`Unknown event type ${raw.type}`);
  const payload = eventPayloads[raw.type].parse(raw.payload);
  return { ...raw, type: raw.type, payload } as DomainEvent;
}
