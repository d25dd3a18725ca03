import {
  agreementStatuses,
  diagnosisGroups,
  diagnosisScopes,
  measureStatuses,
  offerFormats,
  offerStatuses,
  priorityGroups,
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
  municipalityNumbers: z.array(z.string()),
  flaggedForReview: z.boolean(),
  reviewDueOn: z.string().nullable(),
});
export type OfferSnapshot = z.infer<typeof offerSnapshot>;

const ref = z.object({ id: z.uuid(), version: z.number().int().positive().optional() });

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
  "session.cancelled": ref.extend({ offerId: z.uuid() }),
  "agreement.created": ref.extend({ validTo: z.string().nullable(), status: z.enum(agreementStatuses) }),
  "agreement.updated": ref.extend({ validTo: z.string().nullable(), status: z.enum(agreementStatuses) }),
  "meeting_point.created": ref.extend({ startsAt: z.string() }),
  "meeting_point.updated": ref.extend({ startsAt: z.string() }),
  "forum_review.recorded": z.object({ id: z.uuid(), meetingPointId: z.uuid(), healthCommunityId: z.uuid() }),
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
  "measure.updated": ref.extend({ planId: z.uuid(), status: z.enum(measureStatuses) }),
  "organisation.updated": ref,
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
