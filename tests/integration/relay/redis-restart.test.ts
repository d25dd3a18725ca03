import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "@samspill/database";
import { queueNames } from "@samspill/events";
import { rebuildOverview } from "@samspill/read-model";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as redisServer from "../../../infra/local/redis.mjs";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { overviewCounter, publishOffer } from "../../support/overview.js";
import { startTestWorker, type TestWorker } from "../../support/worker.js";

type RedisServer = { url: string; port: number; stop(): Promise<void> };
const startRedisServer = redisServer.startRedisServer as (options: {
  dir?: string;
  port?: number;
}) => Promise<RedisServer>;

// Redis restarts (with its append-only file) while offers keep being published: the outbox
// holds what Redis cannot take, the relay retries, the worker reconnects, and every offer ends
// up in the overview exactly once.

let db: Database;
let dir: string;
let redis: RedisServer;
let worker: TestWorker;
const provider = orgId("mun:1506");

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  await rebuildOverview(db);
  dir = mkdtempSync(join(tmpdir(), "samspill-restart-"));
  redis = await startRedisServer({ dir });
  worker = await startTestWorker(db, "redis-restart", { env: { REDIS_URL: redis.url } });
});
afterAll(async () => {
  await worker.stop();
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
  await db.$disconnect();
});

const publish = (n: number) => {
  const editor = testGateway(db, viewerWith([{ org: "mun:1506", role: "EDITOR" }]));
  return publishOffer((d, v) => editor.query(d, v), {
    providerId: provider,
    title: `Trening for seniorer ${n}`,
    priorityGroups: ["FRAIL_ELDERLY"],
    municipalityNumbers: ["1506"],
  });
};

const frailElderlyInMolde = () =>
  overviewCounter(db, {
    municipalityNumber: "1506",
    dimension: "PRIORITY_GROUP",
    value: "FRAIL_ELDERLY",
    providerId: provider,
  });

const projected = async (ids: string[]) =>
  db.overviewOffer.count({ where: { offerId: { in: ids }, version: 2, status: "PUBLISHED" } });

describe("Redis restart", () => {
  it("loses no event and counts every offer once", async () => {
    const before = await frailElderlyInMolde();
    const first = [await publish(1), await publish(2), await publish(3)];
    await expect.poll(() => projected(first), { timeout: 15_000 }).toBe(3);

    await redis.stop();
    const whileDown = [await publish(4), await publish(5), await publish(6)];
    // The relay meets the outage: the events wait in the outbox with the error recorded.
    await expect
      .poll(
        async () =>
          db.outboxEvent.count({ where: { aggregateId: { in: whileDown }, lastError: { not: null } } }),
        {
          timeout: 15_000,
        },
      )
      .toBeGreaterThan(0);
    expect(
      await db.outboxEvent.count({ where: { aggregateId: { in: whileDown }, sentAt: { not: null } } }),
    ).toBe(0);

    redis = await startRedisServer({ dir, port: redis.port });
    const afterRestart = [await publish(7)];
    const all = [...first, ...whileDown, ...afterRestart];
    await expect.poll(() => projected(all), { timeout: 60_000, interval: 250 }).toBe(all.length);
    expect(await db.outboxEvent.count({ where: { aggregateId: { in: all }, sentAt: null } })).toBe(0);
    expect(await frailElderlyInMolde()).toBe(before + all.length);

    // The jobs of the first offers survived the restart in the append-only file.
    const queue = worker.queues[queueNames.events];
    const firstEvents = await db.outboxEvent.findMany({ where: { aggregateId: { in: first } } });
    for (const e of firstEvents) expect(await (await queue.getJob(e.id))?.getState()).toBe("completed");
    expect(await queue.getFailedCount()).toBe(0);
  }, 120_000);
});
