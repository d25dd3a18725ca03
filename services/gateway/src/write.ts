import type { Prisma } from "@samspill/database";
import { NotFoundError, StaleVersionError } from "@samspill/domain";
import { type DomainEvent, type EventType, recordEvent } from "@samspill/events";
import type { Context } from "./context.js";

// Every mutation goes through here: one transaction that holds the change, its audit entry
// and its outbox event, so either all three are stored or none is.

export type Tx = Prisma.TransactionClient;

export function inTransaction<T>(ctx: Context, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.$transaction(fn, { maxWait: 5_000, timeout: 15_000 });
}

export interface Change<T extends EventType> {
  action: string;
  entityType: string;
  entityId: string;
  organisationId: string | null;
  changes: Record<string, unknown>;
  event?: Omit<DomainEvent<T>, "aggregateType" | "aggregateId" | "organisationId">;
}

/** Writes the audit entry and (when given) the domain event for a change, in `tx`. */
export async function recordChange<T extends EventType>(
  tx: Tx,
  ctx: Context,
  change: Change<T>,
): Promise<void> {
  const viewer = ctx.viewer;
  await tx.auditEntry.create({
    data: {
      actorKind: viewer ? viewer.kind : "SYSTEM",
      actorPersonId: viewer?.personId ?? null,
      actorTokenId: viewer?.tokenId ?? null,
      organisationId: change.organisationId,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      changes: toJson(change.changes),
      requestId: ctx.requestId,
    },
  });
  if (change.event) {
    await recordEvent(tx, {
      ...change.event,
      aggregateType: change.entityType,
      aggregateId: change.entityId,
      organisationId: change.organisationId,
    } as DomainEvent<T>);
  }
}

/** Field-by-field difference of the keys in `next`, for the audit trail. */
export function diff(
  before: Record<string, unknown>,
  next: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(next)) {
    if (to === undefined) continue;
    const from = before[key];
    if (JSON.stringify(toJson(from)) !== JSON.stringify(toJson(to))) out[key] = { from, to };
  }
  return out;
}

function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(
    JSON.stringify(value ?? null, (_k, v) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

interface VersionedDelegate {
  updateMany(args: {
    where: { id: string; version: number };
    data: Record<string, unknown>;
  }): Promise<{ count: number }>;
  findUnique(args: { where: { id: string }; select: { version: true } }): Promise<{ version: number } | null>;
}

/**
 * Optimistic concurrency: the update applies only if the row still has the version the editor
 * saw, and bumps it. A stale version is refused with the current one, never overwritten.
 */
export async function updateVersioned(
  delegate: unknown,
  entityType: string,
  id: string,
  expectedVersion: number,
  data: Record<string, unknown>,
): Promise<void> {
  const d = delegate as VersionedDelegate;
  const { count } = await d.updateMany({
    where: { id, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 1) return;
  const current = await d.findUnique({ where: { id }, select: { version: true } });
  if (!current) throw new NotFoundError(entityType, id);
  throw new StaleVersionError(entityType, id, expectedVersion, current.version);
}
