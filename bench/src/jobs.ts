import { randomUUID } from "node:crypto";
import { jobDefaults, liveTopics } from "@samspill/events";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { insertRows, type Queryable } from "./generate/insert.js";

// Sustained throughput of the worker pipeline on a Redis with AOF (fsync every second). The
// jobs are `organisation.updated` events: every handler that takes them runs (the live
// organisation-event publisher and the webhook fan-out), as in production.
//   outbox: rows committed to the outbox; the relay claims, enqueues and marks them, the
//           workers process them. The whole path an event takes.
//   queue:  jobs added straight to the events queue; the workers alone.

export interface ThroughputResult {
  jobs: number;
  /** Jobs per second between 10 % and 90 % done (start-up and tail left out). */
  jobsPerSecond: number;
  seconds: number;
  failed: number;
}

export interface ThroughputOptions {
  db: Queryable;
  events: Queue;
  publisher: Redis;
  prefix: string;
  organisationIds: readonly string[];
  jobs: number;
  timeoutMs: number;
}

async function counts(queue: Queue) {
  const c = await queue.getJobCounts("completed", "failed");
  return { done: (c.completed ?? 0) + (c.failed ?? 0), failed: c.failed ?? 0 };
}

async function follow(queue: Queue, jobs: number, timeoutMs: number, start: () => Promise<void>) {
  const before = await counts(queue);
  const began = performance.now();
  await start();
  const timeline: [number, number][] = [];
  let last = before;
  const deadline = began + timeoutMs;
  while (performance.now() < deadline) {
    last = await counts(queue);
    timeline.push([performance.now(), last.done - before.done]);
    if (last.done - before.done >= jobs) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const done = last.done - before.done;
  const at = (fraction: number) => timeline.find(([, n]) => n >= jobs * fraction);
  const from = at(0.1);
  const to = at(0.9);
  const rate =
    from && to && to[0] > from[0]
      ? (to[1] - from[1]) / ((to[0] - from[0]) / 1000)
      : done / ((performance.now() - began) / 1000);
  return {
    jobs: done,
    jobsPerSecond: rate,
    seconds: ((timeline.at(-1)?.[0] ?? began) - began) / 1000,
    failed: last.failed - before.failed,
  };
}

export function throughputViaOutbox(options: ThroughputOptions): Promise<ThroughputResult> {
  const { organisationIds } = options;
  return follow(options.events, options.jobs, options.timeoutMs, async () => {
    const rows = Array.from({ length: options.jobs }, (_, i) => {
      const organisationId = organisationIds[i % organisationIds.length]!;
      return [
        randomUUID(),
        "organisation.updated",
        "Organisation",
        organisationId,
        organisationId,
        JSON.stringify({ id: organisationId, version: 1 + Math.floor(i / organisationIds.length) }),
      ];
    });
    await insertRows(
      options.db,
      "OutboxEvent",
      [
        ["id", "uuid"],
        ["type", "text"],
        ["aggregateType", "text"],
        ["aggregateId", "text"],
        ["organisationId", "uuid"],
        ["payload", "jsonb"],
      ],
      rows,
    );
    await options.publisher.publish(liveTopics(options.prefix).outboxWake, "1");
  });
}

export function throughputViaQueue(options: ThroughputOptions): Promise<ThroughputResult> {
  const { organisationIds } = options;
  return follow(options.events, options.jobs, options.timeoutMs, async () => {
    const now = new Date().toISOString();
    for (let start = 0; start < options.jobs; start += 1_000) {
      const batch = Array.from({ length: Math.min(1_000, options.jobs - start) }, (_, k) => {
        const i = start + k;
        const id = randomUUID();
        const organisationId = organisationIds[i % organisationIds.length]!;
        return {
          name: "organisation.updated",
          data: {
            id,
            sequence: String(10_000_000 + i),
            type: "organisation.updated",
            aggregateType: "Organisation",
            aggregateId: organisationId,
            organisationId,
            payload: { id: organisationId, version: 1 },
            occurredAt: now,
          },
          opts: { ...jobDefaults, jobId: id },
        };
      });
      await options.events.addBulk(batch);
    }
  });
}
