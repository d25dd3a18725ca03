import { type ChildProcess, spawn } from "node:child_process";
import type { Database } from "@samspill/database";
import { queueNames, queuePrefix } from "@samspill/events";
import { rebuildOverview } from "@samspill/read-model";
import { seedDemoData } from "@samspill/seed";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { repoRoot } from "../../setup/provision.js";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { overviewCounter, publishOffer } from "../../support/overview.js";

// The real worker process (relay and job handlers) is killed with SIGKILL while offers are being
// published, then started again: claims die with their transaction, running jobs are taken
// over once their lock lapses, and every offer reaches the overview exactly once.

let db: Database;
let redis: Redis;
let queue: Queue;
const children: ChildProcess[] = [];
const namespace = `${inject("queuePrefix")}-worker-kill`;
const provider = orgId("mun:1506");

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  await rebuildOverview(db);
  redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: null });
  queue = new Queue(queueNames.events, { connection: redis, prefix: queuePrefix(namespace) });
});
afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await queue.close();
  await redis.quit();
  await db.$disconnect();
});

/** Starts `services/worker/src/main.ts` and resolves once it reports that it runs. */
async function startWorkerProcess(): Promise<ChildProcess> {
  // Node itself with tsx's loader, not the tsx CLI: the CLI runs the worker in a child process,
  // which a SIGKILL of the CLI would leave running.
  const child = spawn(process.execPath, ["--import", "tsx", "services/worker/src/main.ts"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: inject("databaseUrl"),
      REDIS_URL: inject("redisUrl"),
      QUEUE_PREFIX: namespace,
      LOG_LEVEL: "info",
      RELAY_IDLE_MS: "20",
      WORKER_METRICS_PORT: "0",
      WORKER_LOCK_DURATION_MS: "1000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes('"msg":"worker started"')) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (d) => {
      output += d;
    });
    child.once("exit", (code) => reject(new Error(`worker exited (${code}) before starting:\n${output}`)));
    setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 60_000).unref();
  });
  return child;
}

function publish(n: number): Promise<string> {
  const editor = testGateway(db, viewerWith([{ org: "mun:1506", role: "EDITOR" }]));
  return publishOffer((d, v) => editor.query(d, v), {
    providerId: provider,
    title: `Kostholdskurs ${n}`,
    languages: ["nb", "pl"],
    municipalityNumbers: ["1506"],
  });
}

const polishInMolde = () =>
  overviewCounter(db, {
    municipalityNumber: "1506",
    dimension: "LANGUAGE",
    value: "pl",
    providerId: provider,
  });

describe("worker killed with SIGKILL", () => {
  it("loses nothing once it is started again, and counts every offer once", async () => {
    const before = await polishInMolde();
    const first = await startWorkerProcess();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await publish(i));
    // Kill it while it is busy with the events just written.
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    for (let i = 6; i < 10; i++) ids.push(await publish(i));

    await startWorkerProcess();
    await expect
      .poll(
        () => db.overviewOffer.count({ where: { offerId: { in: ids }, version: 2, status: "PUBLISHED" } }),
        {
          timeout: 60_000,
          interval: 250,
        },
      )
      .toBe(ids.length);
    expect(await db.outboxEvent.count({ where: { aggregateId: { in: ids }, sentAt: null } })).toBe(0);
    expect(await polishInMolde()).toBe(before + ids.length);
    await expect.poll(() => queue.getActiveCount(), { timeout: 10_000 }).toBe(0);
    expect(await queue.getFailedCount()).toBe(0);
  }, 180_000);
});
