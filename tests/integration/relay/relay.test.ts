import type { Database } from "@samspill/database";
import {
  claimUnsent,
  enqueueEvents,
  OutboxRelay,
  queueNames,
  queuePrefix,
  recordEvent,
} from "@samspill/events";
import { seedDemoData } from "@samspill/seed";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../support/db.js";
import { orgId } from "../../support/gateway.js";

let db: Database;
let closeDatabase: () => Promise<void>;
let redis: Redis;
const queues: Queue[] = [];
const log = pino({ level: "silent" });

// A database of this file's own: the relays here claim every unsent outbox row, and another
// file's relay on the shared run database could claim (and queue elsewhere) the rows these tests
// commit, or these relays theirs.
beforeAll(async () => {
  ({ db, close: closeDatabase } = await privateDatabase());
  await seedDemoData(db);
  redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: null });
});
afterAll(async () => {
  await Promise.all(queues.map((q) => q.close()));
  await redis.quit();
  await closeDatabase();
});

/** A queue under a prefix of its own, so each test sees only the jobs it caused. */
function freshQueue(name: string): Queue {
  const queue = new Queue(queueNames.events, {
    connection: redis,
    prefix: queuePrefix(`${inject("queuePrefix")}-relay-${name}`),
  });
  queues.push(queue);
  return queue;
}

/** Commits `n` events the way a mutation does: in a transaction, through the outbox writer. */
async function commitEvents(n: number): Promise<string[]> {
  const organisationId = orgId("mun:1506");
  return db.$transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++)
      ids.push(
        await recordEvent(tx, {
          type: "organisation.updated",
          aggregateType: "Organisation",
          aggregateId: organisationId,
          organisationId,
          payload: { id: organisationId, version: i + 1 },
        }),
      );
    return ids;
  });
}

/** Sends everything unsent (earlier test files may have left events behind). */
async function drain(relay: OutboxRelay): Promise<void> {
  for (let i = 0; i < 1000; i++) if ((await relay.relayOnce()).claimed === 0) return;
}

const outboxRows = (ids: string[]) =>
  db.outboxEvent.findMany({ where: { id: { in: ids } }, orderBy: { sequence: "asc" } });

describe("outbox relay", () => {
  it("adds committed events with the outbox id as job id, then marks them sent", async () => {
    const queue = freshQueue("basic");
    const relay = new OutboxRelay({ db, queue, log });
    const ids = await commitEvents(3);
    await drain(relay);

    for (const row of await outboxRows(ids)) {
      expect(row.sentAt).not.toBeNull();
      expect(row.attempts).toBe(1);
      const job = await queue.getJob(row.id);
      expect(job?.name).toBe("organisation.updated");
      expect(job?.data).toMatchObject({
        id: row.id,
        sequence: row.sequence.toString(),
        organisationId: orgId("mun:1506"),
      });
      expect(job?.opts.attempts).toBeGreaterThan(1);
      expect(job?.opts.backoff).toMatchObject({ type: "exponential" });
    }
  });

  it("re-sends after a crash between enqueueing and marking sent; the job id keeps one job per event", async () => {
    const queue = freshQueue("crash");
    const relay = new OutboxRelay({ db, queue, log });
    await drain(relay);
    const ids = await commitEvents(4);

    // The relay's own steps, cut off where a crash would hit: jobs added, rows never marked.
    await expect(
      db.$transaction(async (tx) => {
        const claimed = await claimUnsent(tx, 100);
        expect(claimed.map((r) => r.id).sort()).toEqual([...ids].sort());
        await enqueueEvents(queue, claimed);
        throw new Error("simulated crash before markSent");
      }),
    ).rejects.toThrow("simulated crash");
    expect((await outboxRows(ids)).every((r) => r.sentAt === null)).toBe(true);
    const firstCopies = await Promise.all(ids.map((id) => queue.getJob(id)));
    expect(await queue.getWaitingCount()).toBe(4);

    await drain(relay);
    expect((await outboxRows(ids)).every((r) => r.sentAt !== null)).toBe(true);
    expect(await queue.getWaitingCount()).toBe(4);
    for (const [i, id] of ids.entries())
      expect((await queue.getJob(id))?.timestamp).toBe(firstCopies[i]?.timestamp);
  });

  it("lets several relays share the outbox without sending a row twice", async () => {
    const queue = freshQueue("concurrent");
    await drain(new OutboxRelay({ db, queue, log }));
    const ids = await commitEvents(60);
    const relays = Array.from({ length: 4 }, () => new OutboxRelay({ db, queue, log, batchSize: 7 }));
    const sentBy = await Promise.all(
      relays.map(async (relay) => {
        let sent = 0;
        for (;;) {
          const result = await relay.relayOnce();
          if (result.claimed === 0) return sent;
          sent += result.sent;
        }
      }),
    );
    expect(sentBy.reduce((a, b) => a + b, 0)).toBe(60);
    expect(sentBy.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(await queue.getWaitingCount()).toBe(60);
    expect((await outboxRows(ids)).every((r) => r.sentAt !== null && r.attempts === 1)).toBe(true);
  });

  it("keeps events unsent with the error while Redis refuses them, and sends them once it accepts", async () => {
    const good = freshQueue("outage");
    await drain(new OutboxRelay({ db, queue: good, log }));
    const dead = new Redis("redis://127.0.0.1:9", {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    dead.on("error", () => undefined);
    const unreachable = new Queue(queueNames.events, { connection: dead, prefix: "{unreachable}" });
    unreachable.on("error", () => undefined);
    const ids = await commitEvents(2);

    const failed = await new OutboxRelay({
      db,
      queue: unreachable,
      log,
      enqueueTimeoutMs: 1_000,
    }).relayOnce();
    expect(failed.sent).toBe(0);
    expect(failed.error).toBeTruthy();
    const rows = await outboxRows(ids);
    expect(rows.every((r) => r.sentAt === null && r.attempts === 1 && r.lastError)).toBe(true);

    await drain(new OutboxRelay({ db, queue: good, log }));
    const after = await outboxRows(ids);
    expect(after.every((r) => r.sentAt !== null && r.attempts === 2 && r.lastError === null)).toBe(true);
    expect(await good.getJob(ids[0] as string)).toBeTruthy();
    await unreachable.close().catch(() => undefined);
    dead.disconnect();
  });

  it("polls on its own and wakes at once when told a mutation committed", async () => {
    const queue = freshQueue("loop");
    const subscriber = redis.duplicate();
    const wakeChannel = `${queuePrefix(`${inject("queuePrefix")}-relay-loop`)}:outbox:wake`;
    // A long idle poll: only the wake-up can explain a prompt send.
    const relay = new OutboxRelay({ db, queue, log, idleMs: 30_000, subscriber, wakeChannel });
    await drain(relay);
    relay.start();
    try {
      await new Promise((r) => setTimeout(r, 200));
      const [id] = await commitEvents(1);
      await redis.publish(wakeChannel, "1");
      await expect
        .poll(async () => (await outboxRows([id as string]))[0]?.sentAt, { timeout: 5_000 })
        .not.toBeNull();
      expect(await queue.getJob(id as string)).toBeTruthy();
    } finally {
      await relay.stop();
      await subscriber.quit();
    }
  });
});
