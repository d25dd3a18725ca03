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
