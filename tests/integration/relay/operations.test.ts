import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "@samspill/database";
import { checkRedisDurability, queueNames, redisDurabilityProblems } from "@samspill/events";
import { defineJob, redriveFailed, serveMetrics } from "@samspill/worker";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as redisServer from "../../../infra/local/redis.mjs";
import { testDatabase } from "../../support/db.js";
import { startTestWorker, type TestWorker } from "../../support/worker.js";

const startRedisServer = redisServer.startRedisServer as (options: {
  dir?: string;
  persistent?: boolean;
}) => Promise<{ url: string; stop(): Promise<void> }>;

// Operations: failed jobs retried with backoff, kept, and re-driven; graceful close; metrics;
// and the start-up check that Redis keeps queued events safe.

let db: Database;
let worker: TestWorker;
let healthy = false;
let slowRuns = 0;
const attemptsSeen: number[] = [];

/** Fails until `healthy` is set, as a handler does while something it needs is down. */
const flaky = defineJob({
  queue: queueNames.events,
  name: "test-flaky",
  handles: ["test.flaky"],
  schema: z.object({ n: z.number() }),
  async handle(data, ctx) {
    attemptsSeen.push(ctx.job.attemptsMade);
    if (!healthy) throw new Error("dependency down");
    return { n: data.n };
  },
});
const slow = defineJob({
  queue: queueNames.events,
  name: "test-slow",
  handles: ["test.slow"],
  schema: z.object({}),
  async handle() {
    await new Promise((r) => setTimeout(r, 700));
    slowRuns += 1;
    return { done: true };
  },
});

beforeAll(async () => {
  db = testDatabase();
  worker = await startTestWorker(db, "operations", { relay: false, jobs: [flaky, slow] });
});
afterAll(async () => {
  await worker.stop();
  await db.$disconnect();
});

describe("failed jobs", () => {
  it("are retried with exponential backoff, kept once attempts run out, and re-driven with a fresh budget", async () => {
    const queue = worker.queues[queueNames.events];
    const job = await queue.add(
      "test.flaky",
      { n: 1 },
      { attempts: 3, backoff: { type: "exponential", delay: 50 } },
    );
    await expect.poll(() => job.getState(), { timeout: 10_000 }).toBe("failed");
    expect(attemptsSeen).toEqual([0, 1, 2]);
    const failed = await queue.getJob(job.id as string);
    expect(failed?.failedReason).toBe("dependency down");
    expect(failed!.finishedOn! - failed!.timestamp).toBeGreaterThanOrEqual(50 + 100);

    healthy = true;
    expect(await redriveFailed(queue, { dryRun: true })).toEqual({ queue: "events", failed: 1, redriven: 0 });
    expect(await redriveFailed(queue)).toEqual({ queue: "events", failed: 1, redriven: 1 });
    await expect.poll(() => job.getState(), { timeout: 10_000 }).toBe("completed");
    expect((await queue.getJob(job.id as string))?.returnvalue).toEqual({ "test-flaky": { n: 1 } });
  });

  it("fail at once, without retries, when their data cannot be parsed", async () => {
    const queue = worker.queues[queueNames.events];
    const job = await queue.add(
      "test.flaky",
      { n: "not a number" },
      { attempts: 5, backoff: { type: "fixed", delay: 10 } },
    );
    await expect.poll(() => job.getState(), { timeout: 10_000 }).toBe("failed");
    const failed = await queue.getJob(job.id as string);
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toMatch(/test-flaky: invalid job data/);
  });
});

describe("metrics", () => {
  it("serves queue depth, job durations and the outbox backlog on /metrics", async () => {
    const server: Server = await serveMetrics(worker.metrics.registry, "127.0.0.1", 0);
    try {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      const body = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(body).toMatch(/samspill_queue_jobs\{queue="events",state="waiting"\} \d+/);
      expect(body).toMatch(/samspill_queue_jobs\{queue="events",state="failed"\} 1/);
      expect(body).toMatch(
        /samspill_job_duration_seconds_count\{queue="events",handler="test-flaky",outcome="completed"\} 1/,
      );
      expect(body).toMatch(/samspill_outbox_pending_events \d+/);
      expect(body).toMatch(/samspill_outbox_oldest_pending_age_seconds [\d.]+/);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe("shutdown", () => {
  it("lets a running job finish before the worker closes", async () => {
    const other = await startTestWorker(db, "operations-shutdown", { relay: false, jobs: [slow] });
    const queue = other.queues[queueNames.events];
    const job = await queue.add("test.slow", {});
    await expect.poll(() => job.getState(), { timeout: 5_000 }).toBe("active");
    const check = new Redis(other.env.REDIS_URL);
    await other.stop();
    expect(slowRuns).toBe(1);
    const after = new Queue(queueNames.events, { connection: check, prefix: other.prefix });
    expect(await (await after.getJob(job.id as string))?.getState()).toBe("completed");
    await after.close();
    await check.quit();
  });
});

describe("Redis durability check", () => {
  it("accepts a Redis with AOF and noeviction, and refuses (or warns about) one without", async () => {
    const dir = mkdtempSync(join(tmpdir(), "samspill-durability-"));
    const durable = await startRedisServer({ dir });
    const volatile = await startRedisServer({ persistent: false });
    const [good, bad] = [new Redis(durable.url), new Redis(volatile.url)];
    try {
      expect(await redisDurabilityProblems(good)).toEqual([]);
      await checkRedisDurability(good, "enforce", { warn: () => undefined });

      expect(await redisDurabilityProblems(bad)).toEqual([`appendonly is "no", needs "yes"`]);
      await expect(checkRedisDurability(bad, "enforce", { warn: () => undefined })).rejects.toThrow(
        /not set up to keep queued events safe[\s\S]*--appendonly yes/,
      );
      const warnings: string[] = [];
      await checkRedisDurability(bad, "warn", { warn: (m) => warnings.push(m) });
      expect(warnings).toHaveLength(1);
      await checkRedisDurability(bad, "off", { warn: (m) => warnings.push(m) });
      expect(warnings).toHaveLength(1);
    } finally {
      await Promise.all([good.quit(), bad.quit()]);
      await Promise.all([durable.stop(), volatile.stop()]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
