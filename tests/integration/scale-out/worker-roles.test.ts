import type { Database } from "@samspill/database";
import { queueNames } from "@samspill/events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { startTestWorker, type TestWorker } from "../../support/worker.js";

// Production runs a live and a bulk worker (WORKER_ROLE): the live one alone takes the events
// queue and relays the outbox, so a digest run or an import in the bulk one never holds up the
// overview; the bulk one takes every other queue and keeps its scheduled jobs.

let db: Database;
const started: TestWorker[] = [];

beforeAll(() => {
  db = testDatabase();
});
afterAll(async () => {
  await Promise.all(started.map((w) => w.stop()));
  await db.$disconnect();
});

async function start(role: string): Promise<TestWorker> {
  const worker = await startTestWorker(db, "roles", { env: { WORKER_ROLE: role } });
  started.push(worker);
  return worker;
}

describe("worker roles", () => {
  it("splits the queues between a live and a bulk process, and only the live one relays", async () => {
    const live = await start("live");
    const bulk = await start("bulk");
    expect(live.workers.map((w) => w.name)).toEqual([queueNames.events]);
    expect(live.relay).not.toBeNull();
    const bulkQueues = bulk.workers.map((w) => w.name);
    expect(bulkQueues).not.toContain(queueNames.events);
    expect(bulkQueues).toEqual(
      expect.arrayContaining([queueNames.summaries, queueNames.maintenance, queueNames.imports]),
    );
    expect(bulk.relay).toBeNull();
    // The digest's scheduler belongs to the bulk process's queues; the live one adds none.
    const schedulers = await bulk.queues[queueNames.summaries].getJobSchedulers();
    expect(schedulers.length).toBeGreaterThan(0);
    expect(await live.queues[queueNames.events].getJobSchedulers()).toEqual([]);
  });
});
