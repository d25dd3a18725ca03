import type { Database } from "@samspill/database";
import type { QueueName } from "@samspill/events";
import type { Job, Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { z } from "zod";
import type { WorkerEnv } from "../env.js";
import type { LiveGate } from "../live-gate.js";
import type { WorkerMetrics } from "../metrics.js";

/** What a handler may use. Handlers stay thin: parse, call domain code, report. */
export interface JobContext {
  db: Database;
  /** A plain connection for commands and PUBLISH (never the worker's blocking one). */
  redis: Redis;
  env: WorkerEnv;
  log: Logger;
  /** The hash-tagged key prefix of this deployment, e.g. `{samspill}`. */
  prefix: string;
  /** Every queue of the deployment, for handlers that hand work on (e.g. to `mail`). */
  queues: Record<QueueName, Queue>;
  metrics: WorkerMetrics;
  /** Bulk work awaits this between units (one mail) to give way to a live queue that is behind. */
  liveGate: LiveGate;
  /** The BullMQ job being processed (id, name, attemptsMade …). */
  job: Job;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  queue: QueueName;
  /** The handler's name (logs, metrics); also the job name it takes unless `handles` is given. */
  name: string;
  /**
   * Job names this definition takes. On the events queue a job's name is its event type, and
   * every definition listing it runs, in registry order; a retry runs them all again, so each
   * must be idempotent.
   */
  handles?: readonly string[];
  /** Validates job data; data that does not parse fails the job at once (no retries). */
  schema: S;
  handle(data: z.output<S>, ctx: JobContext): Promise<unknown>;
  /** Makes the worker keep a BullMQ job scheduler that adds this job (cron `pattern` or `every` ms). */
  schedule?: { pattern?: string; every?: number; tz?: string; data?: z.input<S> };
}

/** Erases the payload type so definitions of different jobs fit in one list. */
export type AnyJobDefinition = JobDefinition<z.ZodType>;

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): AnyJobDefinition {
  return definition as unknown as AnyJobDefinition;
}

export function jobNamesOf(definition: AnyJobDefinition): readonly string[] {
  return definition.handles ?? [definition.name];
}
