import type { Queue } from "bullmq";

export interface RedriveResult {
  queue: string;
  failed: number;
  redriven: number;
}

/**
 * Sends a queue's failed jobs (kept after their last retry) back with a fresh retry budget, e.g.
 * once the bug or outage that failed them is fixed. Handlers are idempotent, so this is safe.
 */
export async function redriveFailed(
  queue: Queue,
  options: { dryRun?: boolean; pageSize?: number } = {},
): Promise<RedriveResult> {
  const failed = await queue.getFailedCount();
  if (options.dryRun || failed === 0) return { queue: queue.name, failed, redriven: 0 };
  const pageSize = options.pageSize ?? 500;
  const seen = new Set<string>();
  let redriven = 0;
  // Jobs leave the failed set as they are retried; `seen` stops one that fails again at once
  // from being picked up twice in one run.
  for (;;) {
    const page = (await queue.getFailed(0, pageSize - 1)).filter((j) => j.id && !seen.has(j.id));
    if (page.length === 0) break;
    for (const job of page) {
      seen.add(job.id as string);
      await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
      redriven += 1;
    }
  }
  return { queue: queue.name, failed, redriven };
}
