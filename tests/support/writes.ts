import type { Database } from "@samspill/database";

// What a piece of work wrote to the audit trail and the outbox. Integration files run one after
// another, so the rows added while `run` ran are exactly the ones it caused.

export interface AuditRow {
  action: string;
  entityType: string;
  entityId: string;
  organisationId: string | null;
  changes: unknown;
}

export interface EventRow {
  type: string;
  aggregateType: string;
  aggregateId: string;
  organisationId: string | null;
  payload: unknown;
}

export interface Captured<T> {
  result: T;
  audits: AuditRow[];
  events: EventRow[];
}

export async function captureWrites<T>(db: Database, run: () => Promise<T>): Promise<Captured<T>> {
  const [audit, outbox] = await Promise.all([
    db.auditEntry.aggregate({ _max: { id: true } }),
    db.outboxEvent.aggregate({ _max: { sequence: true } }),
  ]);
  const result = await run();
  const [audits, events] = await Promise.all([
    db.auditEntry.findMany({
      where: { id: { gt: audit._max.id ?? 0n } },
      orderBy: { id: "asc" },
      select: { action: true, entityType: true, entityId: true, organisationId: true, changes: true },
    }),
    db.outboxEvent.findMany({
      where: { sequence: { gt: outbox._max.sequence ?? 0n } },
      orderBy: { sequence: "asc" },
      select: { type: true, aggregateType: true, aggregateId: true, organisationId: true, payload: true },
    }),
  ]);
  return { result, audits, events };
}

/** Row counts that a refused write must leave as they were. */
export async function writeCounts(db: Database) {
  const [audit, outbox] = await Promise.all([db.auditEntry.count(), db.outboxEvent.count()]);
  return { audit, outbox };
}
