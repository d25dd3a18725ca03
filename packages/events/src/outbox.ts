import type { Prisma } from "@samspill/database";
import { type DomainEvent, type EventType, eventPayloads } from "./catalogue.js";

type Tx = Pick<Prisma.TransactionClient, "outboxEvent">;

/**
 * Adds an event to the outbox inside the caller's transaction, so it is stored exactly when the
 * change it describes is. The relay moves it to the queue afterwards; nothing here talks to Redis.
 */
export async function recordEvent<T extends EventType>(tx: Tx, event: DomainEvent<T>): Promise<string> {
  const payload = eventPayloads[event.type].parse(event.payload);
  const row = await tx.outboxEvent.create({
    data: {
      type: event.type,
      aggregateType: event.aggregateType,
      aggregateId: event.aggregateId,
      organisationId: event.organisationId,
      payload: payload as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  return row.id;
}

/** Adds many events at once (a file import's thousands of rows), validated like `recordEvent`. */
export async function recordEvents(tx: Tx, events: readonly DomainEvent[]): Promise<void> {
  const data = events.map((event) => ({
    type: event.type,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    organisationId: event.organisationId,
    payload: eventPayloads[event.type].parse(event.payload) as Prisma.InputJsonValue,
  }));
  for (let at = 0; at < data.length; at += 1_000)
    await tx.outboxEvent.createMany({ data: data.slice(at, at + 1_000) });
}
