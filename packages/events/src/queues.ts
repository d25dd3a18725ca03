// Every BullMQ queue the hub uses, in one place. The prefix is hash-tagged ({…}) so all keys
// of one deployment land in one Redis Cluster slot, which BullMQ's Lua scripts require.

export const queueNames = {
  /** Domain events relayed from the outbox; the projector and notifiers consume them. */
  events: "events",
  /** Scheduled summaries: weekly digest, half-yearly summary, annual report. */
  summaries: "summaries",
  /** Reminders: checkpoints, expiring agreements, reviews and follow-ups due. */
  reminders: "reminders",
  /** Outgoing webhook deliveries. */
  webhooks: "webhooks",
  /** E-mail hand-off to SMTP. */
  mail: "mail",
  /** Housekeeping on a schedule (outbox retention), apart from the mails so neither waits on the other. */
  maintenance: "maintenance",
} as const;

export type QueueName = (typeof queueNames)[keyof typeof queueNames];

export function queuePrefix(namespace = "samspill"): string {
  return `{${namespace}}`;
}
