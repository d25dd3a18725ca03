import { bilingualIssue, uuid } from "@samspill/domain";
import { eventTypes } from "@samspill/events";
import { parseWebhookUrl } from "@samspill/events/webhooks";
import { z } from "zod";

// The input of a webhook subscription. It lives here rather than in packages/domain because its
// rules are the events package's: which URLs the relay will deliver to, and which event types exist.

export const createWebhookSubscriptionInput = z.object({
  organisationId: uuid,
  url: z
    .string()
    .trim()
    .max(2000)
    .superRefine((value, ctx) => {
      try {
        parseWebhookUrl(value);
      } catch {
        ctx.addIssue(
          bilingualIssue(
            [],
            "webhook_url",
            "must be an http or https URL without credentials",
            "må være en http- eller https-adresse uten brukernavn og passord",
            "må vere ei http- eller https-adresse utan brukarnamn og passord",
          ),
        );
      }
    }),
  eventTypes: z
    .array(
      z.string().refine((type) => (eventTypes as readonly string[]).includes(type), {
        message: "unknown event type",
        params: { nb: "ukjent hendelsestype", code: "unknown_event_type" },
      }),
    )
    .max(eventTypes.length)
    .nullish()
    .transform((types) => [...new Set(types ?? [])]),
});
export type CreateWebhookSubscriptionInput = z.output<typeof createWebhookSubscriptionInput>;
