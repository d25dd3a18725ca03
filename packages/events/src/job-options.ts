import type { JobsOptions } from "bullmq";

/**
 * Defaults for every job the hub adds. Retries back off exponentially (1 s, 2 s, … ≈ 8.5 min
 * over ten attempts); failed jobs are kept (bounded) so `redrive-failed` can send them again.
 * Completed jobs are kept a week because BullMQ dedupes a job id only against jobs it still
 * holds: the relay re-sending an event after a crash must find the first copy there.
 */
export const jobDefaults = {
  attempts: 10,
  backoff: { type: "exponential", delay: 1_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
  removeOnFail: { count: 50_000 },
} satisfies JobsOptions;
