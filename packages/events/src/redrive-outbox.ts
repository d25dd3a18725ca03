import type { Database } from "@samspill/database";

// After Redis lost data (FLUSHALL, a restore from an old snapshot, a failover without the last
// second of AOF), events the relay had handed to Redis may never have been handled. Their rows
// are still in the outbox; marking them unsent makes the relay queue them again. Every consumer
// is idempotent (projector by offer version, webhook deliveries unique per subscription and
// event, mail by send-once keys), so re-driving an event that was handled changes nothing.

export interface OutboxRedriveResult {
  /** Rows marked unsent again. */
  redriven: number;
}

/** Marks every event that occurred at or after `since` unsent, so the relay sends it again. */
export async function redriveOutbox(db: Database, since: Date): Promise<OutboxRedriveResult> {
  if (Number.isNaN(since.getTime())) throw new Error("redriveOutbox: `since` is not a valid date");
  const redriven = await db.$executeRaw`
    UPDATE "OutboxEvent" SET "sentAt" = NULL, "lastError" = NULL
    WHERE "occurredAt" >= ${since} AND "sentAt" IS NOT NULL`;
  return { redriven };
}
