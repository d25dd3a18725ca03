import type { Database, Prisma } from "@samspill/database";
import { ForbiddenError, NotFoundError, StaleVersionError } from "@samspill/domain";
import { type DomainEvent, type EventType, recordEvent } from "@samspill/events";
import { type Actor, requireScope } from "./actor.js";
import { scopeForEntity } from "./change-scopes.js";

// The one place a command's transaction is opened. Everything a business action writes (its
// rows, its audit entry, its outbox events) is stored together or not at all, and the relay
// only ever sees events of committed changes.

export type Tx = Prisma.TransactionClient;

/** Where a command runs: the primary database and the request it serves (for the audit trail). */
export interface Unit {
  db: Database;
  requestId: string | null;
}

export function unitOf(db: Database, requestId: string | null = null): Unit {
  return { db, requestId };
}

/** What a command's body gets: the open transaction and a way to record what it changed. */
export interface Work {
  tx: Tx;
  actor: Actor;
  /** Appends the audit entry and (when given) the domain event, in this transaction. */
  record<T extends EventType>(change: Change<T>): Promise<void>;
}

export interface Change<T extends EventType> {
  action: string;
  entityType: string;
  entityId: string;
  organisationId: string | null;
  changes: Record<string, unknown>;
  event?: Omit<DomainEvent<T>, "aggregateType" | "aggregateId" | "organisationId">;
}

export function transact<T>(unit: Unit, actor: Actor, body: (work: Work) => Promise<T>): Promise<T> {
  return unit.db.$transaction(
    (tx) => body({ tx, actor, record: (change) => recordChange(tx, unit, actor, change) }),
    { maxWait: 5_000, timeout: 15_000 },
  );
}

async function recordChange<T extends EventType>(
  tx: Tx,
  unit: Unit,
  actor: Actor,
  change: Change<T>,
): Promise<void> {
  // An API token changes only what its scopes cover; refusing here rolls the whole command back.
  if (actor.kind === "API_TOKEN") {
    const scope = scopeForEntity[change.entityType];
    if (!scope) throw new ForbiddenError(`Tokens may not change ${change.entityType}`);
    requireScope(actor, scope);
  }
  await tx.auditEntry.create({
    data: {
      actorKind: actor.kind,
      actorPersonId: actor.personId,
      actorTokenId: actor.tokenId,
      organisationId: change.organisationId,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      changes: toJson(change.changes),
      requestId: unit.requestId,
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
export function diff(before: object, next: object): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  const old = before as Record<string, unknown>;
  for (const [key, to] of Object.entries(next)) {
    if (to === undefined) continue;
    const from = old[key];
    if (JSON.stringify(toJson(from)) !== JSON.stringify(toJson(to))) out[key] = { from, to };
  }
  return out;
}

export function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(
    JSON.stringify(value ?? null, (_k, v) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

/**
 * Optimistic concurrency. Each command writes with its model's own typed
 * `updateMany({ where: { id, version }, data: { …, version: { increment: 1 } } })` and hands the
 * count here: anything but one row means the editor's version is stale (or the row is gone), and
 * the change is refused with the current version rather than overwriting someone else's.
 */
export async function expectVersion(
  updated: { count: number },
  entityType: string,
  id: string,
  expectedVersion: number,
  currentVersion: () => Promise<{ version: number } | null>,
): Promise<void> {
  if (updated.count === 1) return;
  const current = await currentVersion();
  if (!current) throw new NotFoundError(entityType, id);
  throw new StaleVersionError(entityType, id, expectedVersion, current.version);
}

/** Loads a row or fails with the domain's NotFoundError (never Prisma's own error). */
export async function found<T>(row: Promise<T | null>, entityType: string, id: string): Promise<T> {
  const value = await row;
  if (value === null) throw new NotFoundError(entityType, id);
  return value;
}
