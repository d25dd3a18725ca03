import type { Database } from "@samspill/database";
import { queueNames } from "@samspill/events";
import { z } from "zod";
import { defineJob } from "./types.js";

// Outbox retention: the outbox keeps every event it relayed, which makes it the hub's event
// history (the weekly digest and the change feed read it), but it would grow without end.
// Daily, sent rows older than OUTBOX_RETENTION_DAYS are deleted. Unsent rows are never touched:
// they are events the queue has not accepted yet, whatever their age.

/** Rows per DELETE: each statement holds its row locks and WAL briefly, beside live traffic. */
export const retentionBatchSize = 1_000;

export interface RetentionRun {
  /** Rows with `occurredAt` before this were candidates. */
  before: string;
  deleted: number;
  batches: number;
}

/**
 * Deletes sent outbox rows that occurred before `before`, `batchSize` at a time, until none are
 * left. Running it again deletes nothing more, so a retried or doubled job is harmless.
 */
export async function deleteSentOutboxRows(
  db: Database,
  before: Date,
  batchSize = retentionBatchSize,
): Promise<RetentionRun> {
  const run: RetentionRun = { before: before.toISOString(), deleted: 0, batches: 0 };
  for (;;) {
    // The (occurredAt, type) index finds the oldest rows. FOR UPDATE SKIP LOCKED leaves rows the
    // relay or redrive-outbox hold alone, and Postgres re-checks "sentAt" on a row changed
    // meanwhile, so an event marked unsent again (redrive-outbox) is never deleted.
    const deleted = await db.$executeRaw`
      DELETE FROM "OutboxEvent"
      WHERE "sequence" IN (
        SELECT "sequence" FROM "OutboxEvent"
        WHERE "occurredAt" < ${before} AND "sentAt" IS NOT NULL
        ORDER BY "occurredAt"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED
      )`;
    run.batches += 1;
    run.deleted += deleted;
    if (deleted < batchSize) return run;
  }
}

export const outboxRetentionJob = defineJob({
  queue: queueNames.maintenance,
  name: "outbox.retention",
  // `at` pins the moment the horizon is counted back from; by default when the job runs.
  schema: z.object({ at: z.iso.datetime({ offset: true }).optional() }).strict(),
  // Every night at 03:15 in Oslo, away from the morning's summaries and reminders. The scheduler
  // is keyed by this job's name, so every worker replica upserts the same one: one run a night.
  schedule: { pattern: "15 3 * * *", tz: "Europe/Oslo" },
  handle: async (data, ctx) => {
    const at = data.at ? new Date(data.at) : new Date();
    const before = new Date(at.getTime() - ctx.env.OUTBOX_RETENTION_DAYS * 86_400_000);
    const run = await deleteSentOutboxRows(ctx.db, before);
    ctx.log.info(run, "outbox retention done");
    return run;
  },
});
