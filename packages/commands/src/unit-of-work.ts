import type { Database, Prisma } from "@samspill/database";
import { ForbiddenError, NotFoundError, StaleVersionError } from "@samspill/domain";
import { type DomainEvent, type EventType, recordEvent, recordEvents } from "@samspill/events";
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
  /**
   * A change the command's own write entails by rule (a flagged offer's forum flag, the marker a
   * resolved flag clears): the scope that allowed that write covers it.
   */
  entailed?: true;
}

/** How long a command may wait for a pooled connection, and run once it has one. */
export interface TransactTiming {
  maxWait: number;
  timeout: number;
}

export function transact<T>(
  unit: Unit,
  actor: Actor,
  body: (work: Work) => Promise<T>,
  timing: TransactTiming = { maxWait: 5_000, timeout: 15_000 },
): Promise<T> {
  return unit.db.$transaction(
    (tx) => body({ tx, actor, record: (change) => recordChange(tx, unit, actor, change) }),
    timing,
  );
}

/**
 * A transaction for thousands of changes (a file import): `record` collects them and they are
 * appended together at the end. The audit chain's lock is taken only when the transaction commits
 * (migration audit_chain_at_commit), while its entries are chained.
 */
export function transactInBulk<T>(
  unit: Unit,
  actor: Actor,
  body: (work: Work) => Promise<T>,
  timeoutMs: number,
): Promise<T> {
  return unit.db.$transaction(
    async (tx) => {
      const changes: Change<EventType>[] = [];
      const result = await body({
        tx,
        actor,
        record: async (change) => {
          checkScope(actor, change);
          changes.push(change as Change<EventType>);
        },
      });
      const entries = changes.map((change) => auditData(unit, actor, change));
      for (let at = 0; at < entries.length; at += 1_000)
        await tx.auditEntry.createMany({ data: entries.slice(at, at + 1_000) });
      await recordEvents(
        tx,
        changes.flatMap((c) =>
          c.event
            ? [
                {
                  ...c.event,
                  aggregateType: c.entityType,
                  aggregateId: c.entityId,
                  organisationId: c.organisationId,
                },
              ]
            : [],
        ) as DomainEvent[],
      );
      return result;
    },
    { maxWait: 5_000, timeout: timeoutMs },
  );
}

// An API token changes only what its scopes cover; refusing here rolls the whole command back.
function checkScope(actor: Actor, change: Change<EventType>): void {
  if (actor.kind !== "API_TOKEN" || change.entailed) return;
  const scope = scopeForEntity[change.entityType];
  if (!scope) throw new ForbiddenError(`Tokens may not change ${change.entityType}`);
  requireScope(actor, scope);
}

function auditData(unit: Unit, actor: Actor, change: Change<EventType>) {
  return {
    actorKind: actor.kind,
    actorPersonId: actor.personId,
    actorTokenId: actor.tokenId,
    organisationId: change.organisationId,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    changes: toJson(change.changes),
    requestId: unit.requestId,
  } satisfies Prisma.AuditEntryUncheckedCreateInput;
}

async function recordChange<T extends EventType>(
  tx: Tx,
  unit: Unit,
  actor: Actor,
  change: Change<T>,
): Promise<void> {
  checkScope(actor, change as unknown as Change<EventType>);
  await tx.auditEntry.create({ data: auditData(unit, actor, change as unknown as Change<EventType>) });
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
