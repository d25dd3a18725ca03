import type { Database } from "@samspill/database";
import { queueNames } from "@samspill/events";
import { defineJob } from "@samspill/worker";
import { QueueEvents } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { testDatabase } from "../../support/db.js";
import { startTestWorker, type TestWorker } from "../../support/worker.js";

// A bulk job (a digest's mails) waits while the live worker is behind on the events queue, and
// goes on once the live worker has taken what was waiting (services/worker/src/live-gate.ts). Real
// BullMQ queues in the run's Redis: the live worker's event jobs are held open by the test.

let db: Database;
const started: TestWorker[] = [];
const releases: (() => void)[] = [];

// An event job that holds its worker slot until the test lets it go.
const heldEvent = defineJob({
  queue: queueNames.events,
  name: "test.held-event",
  schema: z.object({}),
  handle: () => new Promise<void>((resolve) => releases.push(resolve)),
});
// A bulk job that asks the gate once, as each digest mail does.
const gatedBulk = defineJob({
  queue: queueNames.summaries,
  name: "test.gated-bulk",
  schema: z.object({}),
  handle: async (_data, ctx) => {
    await ctx.liveGate();
    return { waitedMs: ctx.liveGate.waitedMs };
  },
});

beforeAll(() => {
  db = testDatabase();
});
afterAll(async () => {
  for (const release of releases) release();
  await Promise.all(started.map((w) => w.stop()));
  await db.$disconnect();
});

async function start(name: string, role: string, env: Record<string, string> = {}): Promise<TestWorker> {
  const worker = await startTestWorker(db, name, {
    relay: false,
    jobs: [heldEvent, gatedBulk],
    env: { WORKER_ROLE: role, WORKER_EVENTS_CONCURRENCY: "1", ...env },
  });
  started.push(worker);
  return worker;
}

/** Runs one gated bulk job; resolves with its result and how long it took end to end. */
async function runBulk(bulk: TestWorker) {
  const queue = bulk.queues[queueNames.summaries];
  const events = new QueueEvents(queue.name, { connection: bulk.redis, prefix: bulk.prefix });
  await events.waitUntilReady();
  const startedAt = Date.now();
  const job = await queue.add(gatedBulk.name, {});
  const result = job
    .waitUntilFinished(events, 10_000)
    .then((value: { [name: string]: { waitedMs: number } }) => ({
      waitedMs: value[gatedBulk.name]?.waitedMs ?? -1,
      tookMs: Date.now() - startedAt,
    }));
  return { result, close: () => events.close() };
}

describe("bulk work gives way to the live queue", () => {
  it("holds a bulk job while events wait behind a busy live worker, and lets it go once they are taken", async () => {
    const live = await start("gives-way", "live");
    const bulk = await start("gives-way", "bulk", { WORKER_YIELD_MAX_MS: "5000" });
    const events = live.queues[queueNames.events];
    await events.add(heldEvent.name, {});
    await events.add(heldEvent.name, {});
    // One held by the live worker (concurrency 1), one waiting behind it.
    await expect
      .poll(() => events.getJobCounts("waiting", "active"), { timeout: 5_000, interval: 20 })
      .toMatchObject({ waiting: 1, active: 1 });
    const run = await runBulk(bulk);
    let finished = false;
    void run.result.then(() => (finished = true));
    await new Promise((r) => setTimeout(r, 600));
    expect(finished).toBe(false);
    // The live worker finishes the held one and takes the waiting one: nothing waits any more.
    releases.shift()?.();
    const { waitedMs, tookMs } = await run.result;
    expect(waitedMs).toBeGreaterThanOrEqual(500);
    expect(tookMs).toBeLessThan(5_000);
    await run.close();
  });

  it("waits at most WORKER_YIELD_MAX_MS, and not at all when no live worker takes events", async () => {
    const bulk = await start("no-live", "bulk", { WORKER_YIELD_MAX_MS: "300" });
    const events = bulk.queues[queueNames.events];
    await events.add(heldEvent.name, {});
    await events.add(heldEvent.name, {});
    // Events waiting and nobody taking them: the gate does not wait for a worker that is not there.
    const alone = await runBulk(bulk);
    expect((await alone.result).waitedMs).toBe(0);
    await alone.close();
    // A live worker that stays behind: the bulk job waits its bound, then goes on.
    await start("no-live", "live");
    await expect.poll(() => events.getActiveCount(), { timeout: 5_000, interval: 20 }).toBe(1);
    const bounded = await runBulk(bulk);
    const { waitedMs, tookMs } = await bounded.result;
    expect(waitedMs).toBeGreaterThanOrEqual(300);
    expect(tookMs).toBeLessThan(3_000);
    await bounded.close();
  });
});
