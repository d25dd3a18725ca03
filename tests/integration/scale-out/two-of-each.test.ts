import type { Database } from "@samspill/database";
import { queueNames, queuePrefix } from "@samspill/events";
import { graphql } from "@samspill/graphql";
import { rebuildOverview } from "@samspill/read-model";
import { seedDemoData } from "@samspill/seed";
import { QueueEvents } from "bullmq";
import { print } from "graphql";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { generateApiToken } from "../../../packages/commands/src/tokens/api-token-secret.js";
import { testDatabase } from "../../support/db.js";
import { orgId } from "../../support/gateway.js";
import { graphQLClient } from "../../support/graphql-client.js";
import { overviewCounter, publishOffer } from "../../support/overview.js";
import { type ServiceProcess, startServiceProcess } from "../../support/service-process.js";
import { openSse, type SseStream } from "../../support/sse.js";

// Scale-out: two gateway processes and two worker processes, each with its own connections,
// against one Postgres database and one Redis under one hash-tagged prefix. A burst of offers is
// published through both gateways at once. Every event must be relayed, processed and projected
// exactly once, whichever worker took it, and an overview subscription on either gateway must
// hear every change, whichever gateway took the mutation.

const perGateway = 12;
const namespace = `${inject("queuePrefix")}-scale`;
const provider = orgId("mun:1506");
const hmr = orgId("hf:hmr");

let db: Database;
let redis: Redis;
let queueEvents: QueueEvents;
let token: string;
const gateways: { url: string; process: ServiceProcess }[] = [];
const workers: ServiceProcess[] = [];
const streams: SseStream[] = [];
/** Per job id, how often a worker took it up (active) and finished it (completed), from Redis. */
const started = new Map<string, number>();
const completed = new Map<string, { times: number; returnvalue: unknown }>();

const common = {
  DATABASE_URL: inject("databaseUrl"),
  REDIS_URL: inject("redisUrl"),
  QUEUE_PREFIX: namespace,
  REDIS_DURABILITY_CHECK: "off",
};

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  await rebuildOverview(db);
  const created = generateApiToken();
  token = created.token;
  await db.apiToken.create({
    data: {
      organisationId: provider,
      name: "Skalering",
      tokenHash: created.tokenHash,
      prefix: created.prefix,
      role: "EDITOR",
    },
  });
  redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: null });
  // Listening before anything runs: BullMQ's event stream, written by whichever worker acts.
  queueEvents = new QueueEvents(queueNames.events, {
    connection: redis.duplicate(),
    prefix: queuePrefix(namespace),
  });
  queueEvents.on("active", ({ jobId }) => started.set(jobId, (started.get(jobId) ?? 0) + 1));
  queueEvents.on("completed", ({ jobId, returnvalue }) =>
    completed.set(jobId, { times: (completed.get(jobId)?.times ?? 0) + 1, returnvalue }),
  );
  await queueEvents.waitUntilReady();

  const [w1, w2, g1, g2] = await Promise.all([
    ...[1, 2].map(() =>
      startServiceProcess(
        "services/worker/src/main.ts",
        { ...common, WORKER_METRICS_PORT: "0", RELAY_IDLE_MS: "50", WORKER_CONCURRENCY: "4" },
        (line) => line.msg === "worker metrics on /metrics",
      ),
    ),
    ...[1, 2].map(() =>
      startServiceProcess(
        "services/gateway/src/main.ts",
        {
          ...common,
          GATEWAY_HOST: "127.0.0.1",
          GATEWAY_PORT: "0",
          WEB_ORIGIN: "http://samspill.test",
          PUBLIC_URL: "http://samspill.test",
        },
        (line) => typeof line.msg === "string" && line.msg.startsWith("gateway listening"),
      ),
    ),
  ]);
  workers.push(w1!, w2!);
  for (const g of [g1!, g2!]) gateways.push({ url: `http://127.0.0.1:${g.readyLine.port}`, process: g });
}, 180_000);

afterAll(async () => {
  await Promise.all(streams.map((s) => s.close()));
  await Promise.all([...gateways.map((g) => g.process.stop()), ...workers.map((w) => w.stop())]);
  await queueEvents?.close();
  await redis?.quit();
  await db?.$disconnect();
});

const queryThrough = (url: string) =>
  graphQLClient(fetch, `${url}/graphql`, { accept: "application/json", authorization: `Bearer ${token}` })
    .query;

const publishThrough = (url: string, title: string) =>
  publishOffer(queryThrough(url), {
    providerId: provider,
    title,
    languages: ["nb", "ti"],
    municipalityNumbers: ["1506"],
  });

async function subscribeOverview(url: string): Promise<SseStream> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({
      query: print(
        graphql(
          `subscription($trust: ID!) { overviewChanged(hospitalTrustId: $trust) { offerId eventId reason } }`,
        ),
      ),
      variables: { trust: hmr },
    }),
  });
  const stream = await openSse(response);
  streams.push(stream);
  return stream;
}

/** Reads a stream until every offer in `expected` was announced or it falls silent; counts what came. */
async function drain(stream: SseStream, expected: ReadonlySet<string>, seen: Map<string, number>) {
  const missing = () => [...expected].filter((id) => !seen.has(id)).length;
  while (missing() > 0) {
    let message: Awaited<ReturnType<SseStream["next"]>>;
    try {
      message = await stream.next(30_000);
    } catch {
      break;
    }
    expect(message.errors).toBeUndefined();
    const offerId = message.data?.overviewChanged?.offerId;
    if (typeof offerId === "string") seen.set(offerId, (seen.get(offerId) ?? 0) + 1);
  }
}

const tigrinyaInMolde = () =>
  overviewCounter(db, {
    municipalityNumber: "1506",
    dimension: "LANGUAGE",
    value: "ti",
    providerId: provider,
  });

describe("two gateways and two workers", () => {
  it("handle a burst through both gateways exactly once, and both gateways stream every change", async () => {
    const [a, b] = gateways as [(typeof gateways)[number], (typeof gateways)[number]];
    const onA = await subscribeOverview(a.url);
    const onB = await subscribeOverview(b.url);
    const seenA = new Map<string, number>();
    const seenB = new Map<string, number>();

    // A mutation on gateway A reaches the subscriptions on A and on B. Waiting for it also
    // proves both subscriptions are listening in Redis before the burst starts.
    const before = await tigrinyaInMolde();
    const probe = await publishThrough(a.url, "Mestringskurs (prøve)");
    await drain(onA, new Set([probe]), seenA);
    await drain(onB, new Set([probe]), seenB);
    expect(seenA.get(probe)).toBe(1);
    expect(seenB.get(probe)).toBe(1);

    // The burst: both gateways at once, several requests in flight on each.
    const ids = [
      probe,
      ...(await Promise.all(
        Array.from({ length: perGateway * 2 }, (_, i) =>
          publishThrough(i % 2 === 0 ? a.url : b.url, `Mestringskurs ${i + 1}`),
        ),
      )),
    ];
    const expected = new Set(ids);
    await drain(onA, expected, seenA);
    await drain(onB, expected, seenB);

    // Every offer projected once, at its published version; the counter moved by exactly one each.
    await expect
      .poll(
        () => db.overviewOffer.count({ where: { offerId: { in: ids }, version: 2, status: "PUBLISHED" } }),
        { timeout: 60_000, interval: 250 },
      )
      .toBe(ids.length);
    expect(await tigrinyaInMolde()).toBe(before + ids.length);

    // Every outbox row sent, and its job (the outbox id is the job id) taken up and completed
    // exactly once across the two workers, with the projector applying it once.
    const events = await db.outboxEvent.findMany({
      where: { aggregateId: { in: ids } },
      select: { id: true, type: true, sentAt: true },
    });
    expect(events).toHaveLength(ids.length * 2);
    expect(events.filter((e) => e.sentAt === null)).toEqual([]);
    await expect
      .poll(() => events.filter((e) => completed.has(e.id)).length, { timeout: 30_000 })
      .toBe(events.length);
    const duplicatedJobs = events.filter(
      (e) => (started.get(e.id) ?? 0) !== 1 || completed.get(e.id)?.times !== 1,
    );
    expect(duplicatedJobs).toEqual([]);
    // The projector saw no event twice ("duplicate"); each publication applied. A creation may
    // arrive after its publication when the two workers take them at once: then it is "stale".
    const decision = (id: string) =>
      (completed.get(id)?.returnvalue as { "project-overview"?: { decision: string } } | undefined)?.[
        "project-overview"
      ]?.decision;
    const published = events.filter((e) => e.type === "offer.status_changed");
    expect(published.map((e) => decision(e.id))).toEqual(published.map(() => "apply"));
    const decisions = events.map((e) => decision(e.id));
    expect(decisions.filter((d) => d !== "apply" && d !== "stale")).toEqual([]);

    // Both gateways' subscriptions heard every change exactly once.
    const report = (seen: Map<string, number>) => ({
      sent: ids.length,
      received: [...seen.entries()].filter(([id]) => expected.has(id)).reduce((n, [, k]) => n + k, 0),
      lost: ids.filter((id) => !seen.has(id)).length,
      duplicated: [...seen.values()].filter((k) => k > 1).length,
    });
    const streamA = report(seenA);
    const streamB = report(seenB);
    const jobsPerWorker = await Promise.all(workers.map(projectedBy));
    console.info(
      `scale-out: ${ids.length} offers through 2 gateways, ${events.length} events, jobs per worker ${jobsPerWorker.join("/")}\n` +
        `  outbox: sent ${events.filter((e) => e.sentAt).length}, unsent ${events.filter((e) => !e.sentAt).length}\n` +
        `  jobs: completed ${events.filter((e) => completed.has(e.id)).length}, processed twice ${duplicatedJobs.length}, ` +
        `projector applied ${decisions.filter((d) => d === "apply").length}, stale ${decisions.filter((d) => d === "stale").length}\n` +
        `  SSE on A: ${JSON.stringify(streamA)}\n  SSE on B: ${JSON.stringify(streamB)}`,
    );
    for (const s of [streamA, streamB])
      expect(s).toEqual({ sent: ids.length, received: ids.length, lost: 0, duplicated: 0 });
  }, 180_000);

  it("keeps every Redis key of the deployment under its hash tag, so Redis Cluster can hold them", async () => {
    const keys: string[] = [];
    let cursor = "0";
    do {
      const [next, found] = await redis.scan(cursor, "MATCH", `*${namespace}*`, "COUNT", 1000);
      cursor = next;
      keys.push(...found);
    } while (cursor !== "0");
    // The queues, the job hashes and the rate limiter's buckets all exist by now.
    expect(keys.some((k) => k.startsWith(`{${namespace}}:${queueNames.events}:`))).toBe(true);
    expect(keys.some((k) => k.includes(":ratelimit"))).toBe(true);
    expect(keys.filter((k) => !k.startsWith(`{${namespace}}:`))).toEqual([]);
    // Redis Cluster hashes only what lies between the first "{" and the next "}": the same for
    // every key, so they all share one slot and BullMQ's multi-key scripts work there.
    const tags = new Set(keys.map((k) => k.slice(k.indexOf("{") + 1, k.indexOf("}"))));
    expect([...tags]).toEqual([namespace]);
  });
});

/** The projector jobs a worker process completed, from its own /metrics. */
async function projectedBy(worker: ServiceProcess): Promise<number> {
  const port = worker.readyLine.port;
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const line = text
    .split("\n")
    .find(
      (l) =>
        l.startsWith("samspill_job_duration_seconds_count") &&
        l.includes('handler="project-overview"') &&
        l.includes('outcome="completed"'),
    );
  return Number(line?.split(" ").at(-1) ?? 0);
}
