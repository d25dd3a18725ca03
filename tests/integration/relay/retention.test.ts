import { randomUUID } from "node:crypto";
import type { Database } from "@samspill/database";
import { queueNames } from "@samspill/events";
import { deleteSentOutboxRows, outboxRetentionJob, parseWorkerEnv } from "@samspill/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { startTestWorker, type TestWorker } from "../../support/worker.js";

// Outbox retention (services/worker/src/jobs/outbox-retention.ts): sent rows past the horizon
// go, unsent rows of any age and recent rows stay, and a second run changes nothing.

const day = 86_400_000;
let db: Database;
let worker: TestWorker;
/** Every aggregate id this file wrote, so its rows can be found and removed again. */
const ours: string[] = [];

beforeAll(async () => {
  db = testDatabase();
  worker = await startTestWorker(db, "retention", {
    relay: false,
    jobs: [outboxRetentionJob],
    env: { OUTBOX_RETENTION_DAYS: "400" },
  });
});
afterAll(async () => {
  // The unsent rows would otherwise wait for the next test file's relay.
  await db.outboxEvent.deleteMany({ where: { aggregateId: { in: ours } } });
  await worker.stop();
  await db.$disconnect();
});

/** One outbox row per entry, `daysAgo` old, sent a second later unless `sent` is false. */
async function rows(label: string, entries: { daysAgo: number; sent: boolean }[]) {
  const now = Date.now();
  const data = entries.map((e, i) => {
    const occurredAt = new Date(now - e.daysAgo * day);
    const aggregateId = `retention-${label}-${i}-${randomUUID()}`;
    ours.push(aggregateId);
    return {
      type: "test.retention",
      aggregateType: "Test",
      aggregateId,
      payload: { label, i },
      occurredAt,
      sentAt: e.sent ? new Date(occurredAt.getTime() + 1000) : null,
    };
  });
  await db.outboxEvent.createMany({ data });
  return data.map((d) => d.aggregateId);
}

const remaining = async (ids: string[]) =>
  (
    await db.outboxEvent.findMany({
      where: { aggregateId: { in: ids } },
      select: { aggregateId: true },
    })
  )
    .map((r) => r.aggregateId)
    .sort();

async function runJob(): Promise<{ deleted: number; batches: number }> {
  const queue = worker.queues[queueNames.maintenance];
  const job = await queue.add(outboxRetentionJob.name, {}, { attempts: 1 });
  await expect
    .poll(async () => (await queue.getJob(job.id as string))?.getState(), { timeout: 15_000 })
    .toBe("completed");
  return (await queue.getJob(job.id as string))!.returnvalue["outbox.retention"];
}

describe("outbox retention", () => {
  it("deletes sent rows older than the horizon and keeps unsent and recent ones; a second run changes nothing", async () => {
    const [oldSent1, oldSent2, ancientSent, oldUnsent, ancientUnsent, justInside, recent] = await rows(
      "job",
      [
        { daysAgo: 401, sent: true },
        { daysAgo: 500, sent: true },
        { daysAgo: 3_000, sent: true },
        { daysAgo: 500, sent: false },
        { daysAgo: 3_000, sent: false },
        { daysAgo: 399, sent: true },
        { daysAgo: 0, sent: true },
      ],
    );
    const all = [oldSent1!, oldSent2!, ancientSent!, oldUnsent!, ancientUnsent!, justInside!, recent!];
    const kept = [oldUnsent!, ancientUnsent!, justInside!, recent!].sort();

    const first = await runJob();
    expect(first.deleted).toBeGreaterThanOrEqual(3);
    expect(await remaining(all)).toEqual(kept);

    const total = await db.outboxEvent.count();
    const second = await runJob();
    expect(second).toMatchObject({ deleted: 0, batches: 1 });
    expect(await remaining(all)).toEqual(kept);
    expect(await db.outboxEvent.count()).toBe(total);
  });

  it("deletes in bounded batches until none are left", async () => {
    const old = await rows(
      "batches",
      Array.from({ length: 5 }, () => ({ daysAgo: 450, sent: true })),
    );
    const run = await deleteSentOutboxRows(db, new Date(Date.now() - 400 * day), 2);
    expect(run.deleted).toBeGreaterThanOrEqual(5);
    expect(run.batches).toBeGreaterThanOrEqual(3);
    expect(await remaining(old)).toEqual([]);
    expect(await deleteSentOutboxRows(db, new Date(Date.now() - 400 * day), 2)).toMatchObject({ deleted: 0 });
  });

  it("runs nightly from one BullMQ job scheduler, whatever the number of workers", async () => {
    const other = await startTestWorker(db, "retention", { relay: false, jobs: [outboxRetentionJob] });
    try {
      const schedulers = await worker.queues[queueNames.maintenance].getJobSchedulers();
      expect(schedulers.filter((s) => s.name === "outbox.retention")).toEqual([
        expect.objectContaining({ pattern: "15 3 * * *", tz: "Europe/Oslo" }),
      ]);
    } finally {
      await other.stop();
    }
  });

  it("refuses a horizon shorter than 400 days and keeps two years by default", () => {
    const base = { DATABASE_URL: "postgresql://x/y", REDIS_URL: "redis://x" };
    expect(() => parseWorkerEnv({ ...base, OUTBOX_RETENTION_DAYS: "30" })).toThrow(/OUTBOX_RETENTION_DAYS/);
    expect(parseWorkerEnv(base).OUTBOX_RETENTION_DAYS).toBe(730);
  });
});
