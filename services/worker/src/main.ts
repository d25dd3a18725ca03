import type { Server } from "node:http";
import { setPriority } from "node:os";
import { createDatabase } from "@samspill/database";
import { checkRedisDurability, createLogger, defaultDurabilityPolicy } from "@samspill/events";
import { Redis } from "ioredis";
import { parseWorkerEnv } from "./env.js";
import { serveMetrics } from "./metrics.js";
import { startWorker } from "./runtime.js";

const env = parseWorkerEnv();
// Scrubs personal data from every line (packages/events/src/logging.ts).
const log = createLogger("worker", env.LOG_LEVEL);
// A bulk process yields the CPU to the live one where they share a host (`npm start`, one node):
// a digest run then costs the overview's lag nothing. Raising the niceness needs no privilege.
const nice = env.WORKER_NICE ?? (env.WORKER_ROLE === "bulk" ? 5 : 0);
if (nice > 0) {
  try {
    setPriority(nice);
  } catch (error) {
    log.warn({ err: error, nice }, "could not lower the worker's scheduling priority");
  }
}
const db = createDatabase({
  url: env.DATABASE_URL,
  schema: env.DATABASE_SCHEMA,
  maxConnections: env.WORKER_CONCURRENCY + 2,
});
// BullMQ workers need maxRetriesPerRequest: null: a blocked command must wait for Redis to come
// back, not fail the job it belongs to.
const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
// ioredis reconnects by itself; a listener turns each failed attempt into a log line.
redis.on("error", (error) => log.warn({ err: error }, "Redis connection error"));

await redis.ping();
await db.$queryRaw`SELECT 1`;
// Production refuses a Redis that could lose or evict queued events; development and tests
// (which may share a Redis without AOF) only warn.
await checkRedisDurability(redis, env.REDIS_DURABILITY_CHECK ?? defaultDurabilityPolicy(env.NODE_ENV), {
  warn: (message) => log.warn(message),
});

const runtime = await startWorker({ env, db, redis, log });
// A busy metrics port stops a production worker (it would run unobserved) but not a local one.
let metricsServer: Server | null = null;
try {
  metricsServer = await serveMetrics(
    runtime.metrics.registry,
    env.WORKER_METRICS_HOST,
    env.WORKER_METRICS_PORT,
    env.METRICS_TOKEN,
  );
  const address = metricsServer.address();
  log.info({ port: typeof address === "object" ? address?.port : address }, "worker metrics on /metrics");
} catch (error) {
  if (env.NODE_ENV === "production") throw error;
  log.warn(
    { err: error, port: env.WORKER_METRICS_PORT },
    "worker metrics not served (set WORKER_METRICS_PORT)",
  );
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "worker stopping: finishing running jobs");
  // Jobs still running when this fires are picked up again as stalled by the next worker.
  const deadline = setTimeout(() => {
    log.error("worker did not stop within 30 s; exiting");
    process.exit(1);
  }, 30_000);
  deadline.unref();
  try {
    await runtime.close();
    await new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve()));
    await Promise.allSettled([redis.quit(), db.$disconnect()]);
    log.info("worker stopped");
    process.exit(0);
  } catch (error) {
    log.error({ err: error }, "worker stopped with an error");
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
