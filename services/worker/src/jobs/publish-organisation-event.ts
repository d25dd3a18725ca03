import { eventJobData, eventTypes, publishOrganisationEvent, queueNames } from "@samspill/events";
import { defineJob } from "./types.js";

/** Streams each event to its organisation's members (GraphQL `organisationEvents`). */
export const publishOrganisationEvents = defineJob({
  queue: queueNames.events,
  name: "publish-organisation-event",
  handles: eventTypes,
  schema: eventJobData,
  async handle(event, ctx) {
    if (!event.organisationId) return { published: false };
    await publishOrganisationEvent(ctx.redis, ctx.prefix, { ...event, organisationId: event.organisationId });
    return { published: true };
  },
});
