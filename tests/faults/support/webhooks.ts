import type { Database } from "@samspill/database";
import { expect } from "vitest";
import type { Receiver } from "./receiver.js";

// Webhook bookkeeping for a fault test: every offer event is delivered to the test's receiver,
// and neither the delivery table nor the receiver may hold anything twice.

export interface WebhookTally {
  sent: number;
  received: number;
  lost: number;
  duplicated: number;
}

/** Outbox ids of the events of `offerIds`. */
export async function eventIdsOf(db: Database, offerIds: readonly string[]): Promise<string[]> {
  const rows = await db.outboxEvent.findMany({
    where: { aggregateId: { in: [...offerIds] } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Waits until every event of `offerIds` reached the receiver. */
export async function settleWebhooks(db: Database, receiver: Receiver, offerIds: readonly string[]) {
  const ids = await eventIdsOf(db, offerIds);
  await expect.poll(() => receiver.count(ids).received, { timeout: 60_000, interval: 250 }).toBe(ids.length);
}

export async function tallyWebhooks(
  db: Database,
  receiver: Receiver,
  subscriptionId: string,
  offerIds: readonly string[],
): Promise<WebhookTally> {
  const ids = await eventIdsOf(db, offerIds);
  const deliveries = await db.webhookDelivery.groupBy({
    by: ["eventId"],
    where: { subscriptionId, eventId: { in: ids } },
    _count: { _all: true },
  });
  // The table allows one row per (subscription, event); counted anyway, it is what "once" rests on.
  const rowDuplicates = deliveries.reduce((n, d) => n + d._count._all - 1, 0);
  const { received, duplicated } = receiver.count(ids);
  return { sent: ids.length, received, lost: ids.length - received, duplicated: duplicated + rowDuplicates };
}

export function expectWebhooksOnce(scenario: string, t: WebhookTally): void {
  console.log(
    `[faults] ${scenario} (webhooks): sent=${t.sent} received=${t.received} lost=${t.lost} duplicated=${t.duplicated}`,
  );
  expect(t.sent).toBeGreaterThan(0);
  expect({ lost: t.lost, duplicated: t.duplicated }).toEqual({ lost: 0, duplicated: 0 });
}
