import type { Database } from "@samspill/database";
import {
  jobDefaults,
  liveTopics,
  OutboxRelay,
  type QueueName,
  queueNames,
  queuePrefix,
  queuesOfRole,
} from "@samspill/events";
import { Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { processorFor } from "./dispatch.js";
import type { WorkerEnv } from "./env.js";
import { jobs as registry } from "./jobs/index.js";
import { type AnyJobDefinition, jobNamesOf } from "./jobs/types.js";
import { liveGate, openGate, queueBacklog } from "./live-gate.js";
import { createWorkerMetrics, type WorkerMetrics } from "./metrics.js";

export interface WorkerDeps {
  env: WorkerEnv;
  db: Database;
  /** Shared by queues and workers (BullMQ duplicates it for blocking reads); needs maxRetriesPerRequest: null. */
  redis: Redis;
  log: Logger;
  /** Defaults to the registry in jobs/index.ts. */
  jobs?: readonly AnyJobDefinition[];
  /** Run the outbox relay in this process (default: when the role takes the events queue). */
  relay?: boolean;
}

export interface WorkerRuntime {
  prefix: string;
  queues: Record<QueueName, Queue>;
  workers: Worker[];
  relay: OutboxRelay | null;
  metrics: WorkerMetrics;
  /** Stops taking work, lets running jobs and the relay's batch finish, closes what it opened. */
  close(): Promise<void>;
}

export async function startWorker(deps: WorkerDeps): Promise<WorkerRuntime> {
  const { env, db, redis, log } = deps;
  // Only the definitions of this role's queues: their workers, and their schedulers.
  const taken = queuesOfRole(env.WORKER_ROLE);
  const jobs = (deps.jobs ?? registry).filter((j) => taken.includes(j.queue));
  const prefix = queuePrefix(env.QUEUE_PREFIX);
  const queues = Object.fromEntries(
    Object.values(queueNames).map((name) => [
      name,
      new Queue(name, { connection: redis, prefix, defaultJobOptions: jobDefaults }),
    ]),
  ) as Record<QueueName, Queue>;
  for (const queue of Object.values(queues))
    queue.on("error", (error) => log.debug({ err: error, queue: queue.name }, "queue connection error"));
  const metrics = createWorkerMetrics(db, Object.values(queues));
  // The live role is what bulk work gives way to; it never waits itself.
  const gate =
    env.WORKER_ROLE === "live" || env.WORKER_YIELD_MAX_MS === 0
      ? openGate
      : liveGate({
          maxWaitMs: env.WORKER_YIELD_MAX_MS,
          backlog: queueBacklog(queues[queueNames.events]),
        });
  const base = { db, redis, env, log, prefix, queues, metrics, liveGate: gate };

  const workers = [...new Set(jobs.map((j) => j.queue))].map((queue) => {
    const worker = new Worker(
      queue,
      processorFor(
        queue,
        jobs.filter((j) => j.queue === queue),
        base,
      ),
      {
        connection: redis,
        prefix,
        concurrency: queue === queueNames.events ? env.WORKER_EVENTS_CONCURRENCY : env.WORKER_CONCURRENCY,
        lockDuration: env.WORKER_LOCK_DURATION_MS,
        stalledInterval: env.WORKER_LOCK_DURATION_MS,
      },
    );
    worker.on("failed", (job, error) =>
      log.warn(
        { err: error, queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade },
        job && job.attemptsMade < (job.opts.attempts ?? 1)
          ? "job failed; will retry"
          : "job failed; kept for redrive-failed",
      ),
    );
    worker.on("error", (error) => log.error({ err: error, queue }, "worker error"));
    return worker;
  });

  for (const job of jobs) {
    if (!job.schedule) continue;
    const { pattern, every, tz, data } = job.schedule;
    await queues[job.queue].upsertJobScheduler(
      job.name,
      { pattern, every, tz },
      { name: jobNamesOf(job)[0], data: data ?? {}, opts: jobDefaults },
    );
  }

  let relay: OutboxRelay | null = null;
  // The relay feeds the events queue, so it runs where that queue is worked: with the live work.
  const relayHere = deps.relay ?? taken.includes(queueNames.events);
  const subscriber = relayHere ? redis.duplicate() : null;
  // ioredis reconnects by itself; without a listener it would also print every failed attempt.
  subscriber?.on("error", (error) => log.debug({ err: error }, "relay wake-up connection error"));
  if (subscriber) {
    relay = new OutboxRelay({
      db,
      queue: queues[queueNames.events],
      log,
      batchSize: env.RELAY_BATCH_SIZE,
      idleMs: env.RELAY_IDLE_MS,
      subscriber,
      wakeChannel: liveTopics(prefix).outboxWake,
      onBatch: (r) => {
        if (r.sent > 0) metrics.relayed.inc({ outcome: "sent" }, r.sent);
        if (r.error) metrics.relayed.inc({ outcome: "failed" }, r.claimed);
      },
    });
    relay.start();
  }
  log.info(
    { prefix, role: env.WORKER_ROLE, queues: workers.map((w) => w.name), relay: relay !== null },
    "worker started",
  );

  return {
    prefix,
    queues,
    workers,
    relay,
    metrics,
    async close() {
      await relay?.stop();
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all(Object.values(queues).map((q) => q.close()));
      await subscriber?.quit();
    },
  };
}
