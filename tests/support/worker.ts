import type { Database } from "@samspill/database";
import {
  type AnyJobDefinition,
  parseWorkerEnv,
  startWorker,
  type WorkerEnv,
  type WorkerRuntime,
} from "@samspill/worker";
import { Redis } from "ioredis";
import { type Logger, pino } from "pino";
import { inject } from "vitest";

// The worker (relay, queues, job handlers) run in-process against the test run's database and
// Redis. `name` makes the queue prefix unique to a test file, so files never share queues; the
// run's Redis teardown removes every key under the run's prefix.

export function testWorkerEnv(name: string, overrides: Record<string, string> = {}): WorkerEnv {
  return parseWorkerEnv({
    NODE_ENV: "test",
    DATABASE_URL: inject("databaseUrl"),
    REDIS_URL: inject("redisUrl"),
    QUEUE_PREFIX: `${inject("queuePrefix")}-${name}`,
    LOG_LEVEL: "silent",
    RELAY_IDLE_MS: "50",
    WORKER_CONCURRENCY: "4",
    ...overrides,
  });
}

export interface TestWorker extends WorkerRuntime {
  env: WorkerEnv;
  redis: Redis;
  /** Closes the runtime and its Redis connection. */
  stop(): Promise<void>;
}

export async function startTestWorker(
  db: Database,
  name: string,
  options: {
    relay?: boolean;
    env?: Record<string, string>;
    jobs?: readonly AnyJobDefinition[];
    /** The worker's logger; silent unless a test reads the log. */
    log?: Logger;
  } = {},
): Promise<TestWorker> {
  const env = testWorkerEnv(name, options.env);
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  redis.on("error", () => undefined);
  const runtime = await startWorker({
    env,
    db,
    redis,
    log: options.log ?? pino({ level: "silent" }),
    relay: options.relay,
    jobs: options.jobs,
  });
  return {
    ...runtime,
    env,
    redis,
    async stop() {
      await runtime.close();
      await redis.quit();
    },
  };
}
