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
  /** Confirmed offer imports, one job per import (job id = import id), apart so a large one holds up nothing else. */
  imports: "imports",
} as const;

export type QueueName = (typeof queueNames)[keyof typeof queueNames];

export function queuePrefix(namespace = "samspill"): string {
  return `{${namespace}}`;
}

/**
 * Which queues a worker process takes. `live` keeps the overview current (the events queue and the
 * outbox relay that feeds it); `bulk` takes whatever may run for minutes (summaries, reminders,
 * mail, webhooks, housekeeping, imports). Run apart, a digest or an import never holds up an
 * event's projection; `all` is the one process of tests and small installations.
 */
export const workerRoles = ["all", "live", "bulk"] as const;
export type WorkerRole = (typeof workerRoles)[number];

const liveQueues: readonly QueueName[] = [queueNames.events];

export function queuesOfRole(role: WorkerRole): QueueName[] {
  const all = Object.values(queueNames);
  if (role === "all") return all;
  return all.filter((q) => liveQueues.includes(q) === (role === "live"));
}
