import { type QueueName, queueNames } from "@samspill/events";
import { type Job, UnrecoverableError, WaitingChildrenError } from "bullmq";
import { z } from "zod";
import { type AnyJobDefinition, type JobContext, jobNamesOf } from "./jobs/types.js";

/**
 * The processor of one queue: runs every definition that takes the job's name, in registry
 * order. Unparseable data can never succeed, so it fails the job without retries; any other
 * error is retried with the job's backoff and, once attempts run out, kept for `redrive-failed`.
 */
export function processorFor(
  queue: QueueName,
  definitions: readonly AnyJobDefinition[],
  base: Omit<JobContext, "job">,
) {
  const byName = new Map<string, AnyJobDefinition[]>();
  for (const d of definitions)
    for (const name of jobNamesOf(d)) byName.set(name, [...(byName.get(name) ?? []), d]);

  return async (job: Job): Promise<Record<string, unknown>> => {
    const handlers = byName.get(job.name) ?? [];
    // Events nobody consumes yet are normal; any other job without a handler is a deployment bug.
    if (handlers.length === 0 && queue !== queueNames.events)
      throw new UnrecoverableError(`No handler for job "${job.name}" on queue "${queue}"`);
    const results: Record<string, unknown> = {};
    for (const definition of handlers) {
      const parsed = definition.schema.safeParse(job.data);
      if (!parsed.success)
        throw new UnrecoverableError(
          `${definition.name}: invalid job data\n${z.prettifyError(parsed.error)}`,
        );
      const end = base.metrics.jobDuration.startTimer({ queue, handler: definition.name });
      try {
        results[definition.name] = await definition.handle(parsed.data, { ...base, job });
        end({ outcome: "completed" });
      } catch (error) {
        // A parent parking itself until its children finish (the digest) has not failed: BullMQ
        // runs it again once they have, and that run is counted then.
        end({ outcome: error instanceof WaitingChildrenError ? "waiting-children" : "failed" });
        throw error;
      }
    }
    return results;
  };
}
