import { z } from "zod";

// Redis pub/sub channels between the worker and every gateway instance. The gateway subscribes
// through graphql-yoga's createPubSub over a Redis event target, which names a channel
// `${topic}:${id}` and carries JSON; the worker publishes to the same names with plain PUBLISH.
// Pub/sub is fire-and-forget: a live message is a hint to refetch, the overview itself is durable.

export const overviewChange = z.object({
  hospitalTrustId: z.uuid(),
  /** Municipalities whose figures or lists may have changed; empty after a rebuild (all may have). */
  municipalityNumbers: z.array(z.string()),
  offerId: z.uuid().nullable(),
  eventId: z.uuid().nullable(),
  reason: z.enum(["EVENT", "REBUILD"]),
  /**
   * False when the projector processed the event but the overview stayed as it was (a duplicate,
   * a late version, a draft's edit): the overview is current up to that event, yet there is
   * nothing to refetch. Absent (an older publisher) means changed.
   */
  changed: z.boolean().default(true),
  changedAt: z.string(),
});
export type OverviewChange = z.infer<typeof overviewChange>;

/** An organisation's own event as its members see it live (at least once: dedupe by id). */
export const organisationEventMessage = z.object({
  id: z.uuid(),
  sequence: z.string(),
  type: z.string(),
  aggregateType: z.string(),
  aggregateId: z.string(),
  organisationId: z.uuid(),
  occurredAt: z.string(),
  payload: z.unknown(),
});
export type OrganisationEventMessage = z.infer<typeof organisationEventMessage>;

/** Topic names for a deployment; `prefix` is the hash-tagged queue prefix, e.g. `{samspill}`. */
export function liveTopics(prefix: string) {
  return {
    overviewChanged: `${prefix}:live:overview-changed`,
    organisationEvent: `${prefix}:live:organisation-event`,
    /** Published by a gateway after a mutation committed: relays poll at once instead of waiting. */
    outboxWake: `${prefix}:outbox:wake`,
  };
}

/** The channel createPubSub subscribes to for `topic` and `id`. */
export function liveChannel(topic: string, id: string): string {
  return `${topic}:${id}`;
}

export interface Publisher {
  publish(channel: string, message: string): Promise<number>;
}

export async function publishOverviewChange(
  redis: Publisher,
  prefix: string,
  change: z.input<typeof overviewChange>,
): Promise<void> {
  const topic = liveTopics(prefix).overviewChanged;
  await redis.publish(
    liveChannel(topic, change.hospitalTrustId),
    JSON.stringify(overviewChange.parse(change)),
  );
}

export async function publishOrganisationEvent(
  redis: Publisher,
  prefix: string,
  message: OrganisationEventMessage,
): Promise<void> {
  const topic = liveTopics(prefix).organisationEvent;
  await redis.publish(
    liveChannel(topic, message.organisationId),
    JSON.stringify(organisationEventMessage.parse(message)),
  );
}
