import type { Database } from "@samspill/database";
import { type EventJobData, eventJobData, eventTypes, queueNames } from "@samspill/events";
import { signatureHeader, signWebhook, webhookTargetPolicy } from "@samspill/events/webhooks";
import type { Queue } from "bullmq";
import { z } from "zod";
import type { WorkerEnv } from "../env.js";
import { defineJob, type JobContext } from "./types.js";
import { audienceOf } from "./webhook-audience.js";
import { failureReason, postWebhook } from "./webhook-http.js";

// Webhooks in two steps. On the events queue, `webhook.fan-out` records one WebhookDelivery per
// (subscription, event) the organisation may see — unique, so the same event handled twice
// creates nothing new — and queues a delivery job per delivery, with the delivery id as job id.
// On the webhooks queue, `webhook.deliver` POSTs the signed event, logs the attempt, and fails
// on anything but 2xx so BullMQ retries it with exponential backoff.

export const deliveryJobName = "webhook.deliver";

export interface FanOutResult {
  subscriptions: number;
  queued: number;
}

type ActiveSubscription = { id: string; organisationId: string; eventTypes: string[] };
const nextRead = new WeakMap<Database, Promise<ActiveSubscription[]>>();

/**
 * The active subscriptions, read once for all the events that ask in the same turn of the event
 * loop (the worker holds up to WORKER_EVENTS_CONCURRENCY of them) instead of once per event. The
 * read still begins after every caller asked, so none sees the subscriptions older than it would
 * have alone.
 */
function activeSubscriptions(db: Database): Promise<ActiveSubscription[]> {
  const pending = nextRead.get(db);
  if (pending) return pending;
  const read = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
    // Callers from now on need a read that begins after them: the next one.
    nextRead.delete(db);
    return db.webhookSubscription.findMany({
      where: { active: true },
      select: { id: true, organisationId: true, eventTypes: true },
    });
  });
  nextRead.set(db, read);
  return read;
}

/** Records and queues the deliveries of one event; safe to run any number of times. */
export async function fanOutEvent(
  db: Database,
  webhooks: Queue,
  env: Pick<WorkerEnv, "WEBHOOK_MAX_ATTEMPTS" | "WEBHOOK_BACKOFF_MS">,
  event: EventJobData,
): Promise<FanOutResult> {
  const candidates = (await activeSubscriptions(db)).filter(
    (s) => s.eventTypes.length === 0 || s.eventTypes.includes(event.type),
  );
  if (candidates.length === 0) return { subscriptions: 0, queued: 0 };
  const audience = await audienceOf(db, event);
  const subscriptions = candidates.filter(
    (s) => audience.public || audience.organisationIds.has(s.organisationId),
  );
  if (subscriptions.length === 0) return { subscriptions: 0, queued: 0 };

  await db.webhookDelivery.createMany({
    data: subscriptions.map((s) => ({ subscriptionId: s.id, eventId: event.id })),
    skipDuplicates: true,
  });
  // Every still-pending delivery is (re)queued, not only the rows created now: a crash between
  // the insert and the queueing must not strand them. The job id makes a second add a no-op.
  const pending = await db.webhookDelivery.findMany({
    where: { eventId: event.id, subscriptionId: { in: subscriptions.map((s) => s.id) }, status: "PENDING" },
    select: { id: true },
  });
  await webhooks.addBulk(
    pending.map((d) => ({
      name: deliveryJobName,
      data: { deliveryId: d.id },
      opts: {
        jobId: `delivery-${d.id}`,
        attempts: env.WEBHOOK_MAX_ATTEMPTS,
        backoff: { type: "exponential", delay: env.WEBHOOK_BACKOFF_MS },
        removeOnComplete: { age: 7 * 24 * 3600 },
        removeOnFail: { age: 30 * 24 * 3600 },
      },
    })),
  );
  return { subscriptions: subscriptions.length, queued: pending.length };
}

export const webhookFanOut = defineJob({
  queue: queueNames.events,
  name: "webhook.fan-out",
  handles: eventTypes,
  schema: eventJobData,
  handle: (event, ctx) => fanOutEvent(ctx.db, ctx.queues[queueNames.webhooks], ctx.env, event),
});

/** The JSON an integrator receives: the event as recorded, payload under `data`. */
export function webhookBody(event: {
  id: string;
  sequence: bigint;
  type: string;
  occurredAt: Date;
  organisationId: string | null;
  aggregateType: string;
  aggregateId: string;
  payload: unknown;
}): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    sequence: event.sequence.toString(),
    organisationId: event.organisationId,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    data: event.payload,
  });
}

export type DeliveryOutcome = "delivered" | "already-delivered" | "gone";

/** One delivery attempt; throws (so BullMQ retries) unless the receiver answered 2xx. */
export async function deliverWebhook(
  ctx: Pick<JobContext, "db" | "env" | "job">,
  deliveryId: string,
): Promise<DeliveryOutcome> {
  const { db, env, job } = ctx;
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      status: true,
      eventId: true,
      subscription: { select: { url: true, secret: true, active: true } },
    },
  });
  // The subscription was deleted (its deliveries with it) or switched off: nothing to send.
  if (!delivery?.subscription.active) return "gone";
  if (delivery.status === "DELIVERED") return "already-delivered";
  const event = await db.outboxEvent.findUnique({ where: { id: delivery.eventId } });
  if (!event) throw new Error(`Outbox event ${delivery.eventId} of delivery ${deliveryId} is missing`);

  const { attempts: attempt } = await db.webhookDelivery.update({
    where: { id: deliveryId },
    data: { attempts: { increment: 1 } },
    select: { attempts: true },
  });
  const body = webhookBody(event);
  const started = Date.now();
  let status: number | null = null;
  let error: string | null = null;
  try {
    status = await postWebhook(delivery.subscription.url, body, {
      headers: {
        "user-agent": "Samspill-Webhooks/1",
        [signatureHeader]: signWebhook(delivery.subscription.secret, body, Math.floor(Date.now() / 1000)),
        "Samspill-Event-Id": event.id,
        "Samspill-Event-Type": event.type,
        "Samspill-Delivery-Id": deliveryId,
        "Samspill-Attempt": String(attempt),
      },
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      targets: webhookTargetPolicy(env.WEBHOOK_ALLOWED_PRIVATE_CIDRS),
    });
    // The status only: the target's answer is its own business, and the log is readable by admins.
    if (status < 200 || status > 299) error = `HTTP ${status}`;
  } catch (caught) {
    error = failureReason(caught);
  }

  const delivered = error === null;
  const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  await db.$transaction([
    db.webhookDeliveryAttempt.create({
      data: { deliveryId, attempt, durationMs: Date.now() - started, responseStatus: status, error },
    }),
    db.webhookDelivery.update({
      where: { id: deliveryId },
      data: {
        responseStatus: status,
        lastError: error,
        status: delivered ? "DELIVERED" : lastAttempt ? "FAILED" : "PENDING",
        deliveredAt: delivered ? new Date() : null,
      },
    }),
  ]);
  if (!delivered) throw new Error(`Webhook delivery ${deliveryId}, attempt ${attempt}: ${error}`);
  return "delivered";
}

export const webhookDeliver = defineJob({
  queue: queueNames.webhooks,
  name: deliveryJobName,
  schema: z.object({ deliveryId: z.uuid() }),
  handle: (data, ctx) => deliverWebhook(ctx, data.deliveryId),
});
