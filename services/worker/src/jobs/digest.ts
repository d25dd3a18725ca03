import { createHash } from "node:crypto";
import { queueNames } from "@samspill/events";
import { isoWeekKey } from "@samspill/mail";
import { WaitingChildrenError } from "bullmq";
import { z } from "zod";
import { type DigestChunk, weeklyDigestChunkName } from "./digest-chunk.js";
import type { SubscriberRun } from "./mail-deps.js";
import { defineJob, type JobContext } from "./types.js";

/**
 * The weekly digest to every active WEEKLY_DIGEST subscriber, once per ISO week (Oslo): offer
 * changes since their last digest, the next two weeks' sessions and agreements expiring soon,
 * narrowed to their filter. Subscribers with nothing in their filter get no mail that week.
 *
 * At national scale one process rendering every digest took minutes, so this job only splits
 * the subscriptions into chunks of consecutive ids, one job each (digest-chunk.ts) that any
 * worker replica may take, and waits for them as their BullMQ parent without holding a worker
 * slot. It completes, with the run's totals, once every chunk has; it fails when one fails for
 * good. Subscriptions are paged by id, never loaded at once.
 */
export const chunkSize = 500;

const weeklyDigestRun = z.object({
  /** Pins the week (to send a past one again); by default the time the job first runs. */
  at: z.iso.datetime({ offset: true }).optional(),
  /** Set once every chunk is queued: the job then waits for its chunks and sums them up. */
  chunks: z.number().int().min(1).optional(),
});

export interface DigestRun extends SubscriberRun {
  chunks: number;
}

/** Queues one chunk job per page of subscription ids; returns how many. */
async function queueChunks(ctx: JobContext, at: string): Promise<number> {
  const { db, job } = ctx;
  const queue = ctx.queues[queueNames.summaries];
  // Chunk ids follow from the run's job id and the chunk's start: a retried run queues the
  // same jobs again, which BullMQ drops, instead of a second set.
  const run = createHash("sha256").update(String(job.id)).digest("hex").slice(0, 24);
  let afterId: string | null = null;
  let chunks = 0;
  for (;;) {
    const page: { id: string }[] = await db.subscription.findMany({
      where: { kind: "WEEKLY_DIGEST", active: true, ...(afterId ? { id: { gt: afterId } } : {}) },
      orderBy: { id: "asc" },
      take: chunkSize,
      select: { id: true },
    });
    const full = page.length === chunkSize;
    // The last chunk is open-ended: a subscription added after this page is still in a chunk.
    const throughId = full ? (page.at(-1)?.id ?? null) : null;
    const data: DigestChunk = { at, afterId, throughId };
    await queue.add(weeklyDigestChunkName, data, {
      jobId: `digest-${run}-${afterId ?? "first"}`,
      parent: { id: job.id as string, queue: job.queueQualifiedName },
      failParentOnFailure: true,
    });
    chunks += 1;
    if (!full) return chunks;
    afterId = throughId;
  }
}

export async function runWeeklyDigest(
  data: z.output<typeof weeklyDigestRun>,
  ctx: JobContext,
): Promise<DigestRun> {
  const { job } = ctx;
  let { at, chunks } = data;
  if (chunks === undefined) {
    at ??= new Date().toISOString();
    chunks = await queueChunks(ctx, at);
    // Kept on the job, so that its second run (once the chunks are done) sums them up.
    await job.updateData({ ...job.data, at, chunks });
  }
  if (!job.token) throw new Error("the weekly digest runs only in a BullMQ worker (it waits for its chunks)");
  if (await job.moveToWaitingChildren(job.token)) throw new WaitingChildrenError();

  const periodKey = isoWeekKey(new Date(at as string));
  const total: DigestRun = { periodKey, sent: 0, alreadySent: 0, empty: 0, chunks };
  const values = await job.getChildrenValues<Record<string, SubscriberRun | undefined>>();
  for (const value of Object.values(values)) {
    const chunk = value?.[weeklyDigestChunkName];
    if (!chunk) continue;
    total.sent += chunk.sent;
    total.alreadySent += chunk.alreadySent;
    total.empty += chunk.empty;
  }
  ctx.log.info({ kind: "WEEKLY_DIGEST", ...total }, "weekly digest run done");
  return total;
}

// Monday 07:00 in Oslo, summer and winter.
export const weeklyDigestJob = defineJob({
  queue: queueNames.summaries,
  name: "summary.weekly-digest",
  schema: weeklyDigestRun,
  schedule: { pattern: "0 7 * * 1", tz: "Europe/Oslo" },
  handle: runWeeklyDigest,
});
