import type { Database } from "@samspill/database";
import { liveChannel, liveTopics, type OverviewChange, overviewChange } from "@samspill/events";
import { createGateway, createGatewayPubSub, type GatewayPubSub, type Viewer } from "@samspill/gateway";
import { listenForChanges } from "@samspill/gateway/change-listener";
import { graphql, type TadaDocumentNode } from "@samspill/graphql";
import { rebuildOverview } from "@samspill/read-model";
import { seedDemoData } from "@samspill/seed";
import { print } from "graphql";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, viewerWith } from "../../support/gateway.js";
import { graphQLClient } from "../../support/graphql-client.js";
import { courseDefaults, createOffer, publish, publishOffer } from "../../support/overview.js";
import { startTestWorker, type TestWorker } from "../../support/worker.js";

// Live updates across gateway instances: one gateway takes the mutation, another streams the
// resulting overview change and organisation event over SSE, carried by Redis pub/sub from the
// worker. The relay polls only once a minute here, so prompt delivery also shows the wake-up
// the gateway publishes after a mutation commits.

let db: Database;
let worker: TestWorker;
const connections: Redis[] = [];
const pubsubs: GatewayPubSub[] = [];

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  await rebuildOverview(db);
  worker = await startTestWorker(db, "overview-live", { env: { RELAY_IDLE_MS: "60000" } });
});
afterAll(async () => {
  await Promise.all(pubsubs.map((p) => p.close()));
  await Promise.all(connections.map((c) => c.quit()));
  await worker.stop();
  await db.$disconnect();
});

/** A gateway instance of its own: own Redis connections, same prefix as the worker. */
function gatewayInstance(viewer: Viewer | null) {
  const publish = new Redis(inject("redisUrl"));
  const subscribe = new Redis(inject("redisUrl"));
  connections.push(publish);
  const pubsub = createGatewayPubSub({ prefix: worker.prefix, redis: { publish, subscribe } });
  pubsubs.push(pubsub);
  const { app } = createGateway({
    db,
    log: pino({ level: "silent" }),
    production: false,
    webOrigin: "http://127.0.0.1:5173",
    resolveViewer: async () => viewer,
    pubsub,
  });
  return app;
}

type App = ReturnType<typeof gatewayInstance>;
/** Opens a GraphQL subscription over SSE and reads its messages one by one. */
async function subscribe<R, V>(app: App, document: TadaDocumentNode<R, V>, variables: V) {
  const response = await app.fetch(
    new Request("http://gateway.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", "x-samspill-csrf": "1" },
      body: JSON.stringify({ query: print(document), variables }),
    }),
  );
  expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  type Result = { data?: R | null; errors?: { message: string }[] };
  async function next(timeoutMs = 10_000): Promise<Result> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = message
          .split("\n")
          .filter((l) => l.startsWith("data:"))
          .map((l) => l.slice(5).trim())
          .join("");
        if (data) return JSON.parse(data) as Result;
        continue;
      }
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error("no SSE message in time")),
            Math.max(1, deadline - Date.now()),
          );
        }),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) throw new Error("SSE stream ended");
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  }
  // The stream pulls (and so subscribes) only once its first chunk, a ping, has been read;
  // then give the subscription time to reach Redis before anything is published.
  const first = await reader.read();
  if (!first.done) buffer += decoder.decode(first.value, { stream: true });
  await new Promise((r) => setTimeout(r, 300));
  return {
    next,
    /** Cancelling the response body ends the subscription on the server, as a client disconnect does. */
    close: () => reader.cancel().catch(() => undefined),
  };
}

function publishThrough(app: App, provider: string, municipality: string): Promise<string> {
  const { query } = graphQLClient(app.fetch, "http://gateway.test/graphql", { "x-samspill-csrf": "1" });
  return publishOffer(query, {
    providerId: provider,
    title: "Pust og mestring ved KOLS",
    municipalityNumbers: [municipality],
  });
}

describe("live updates over SSE", () => {
  it("streams an overview change to another gateway instance once the projector applied it", async () => {
    const watcher = gatewayInstance(null);
    const writer = gatewayInstance(viewerWith([{ org: "mun:1506", role: "EDITOR" }]));
    const stream = await subscribe(
      watcher,
      graphql(
        `subscription($trust: ID!) { overviewChanged(hospitalTrustId: $trust) { hospitalTrustId offerId reason municipalityNumbers changedAt } }`,
      ),
      { trust: orgId("hf:hmr") },
    );
    try {
      const offerId = await publishThrough(writer, orgId("mun:1506"), "1506");
      const seen: { offerId: string | null; municipalityNumbers: string[] }[] = [];
      // The draft changed nothing visible, so the first change announced is the publishing.
      while (!seen.some((c) => c.offerId === offerId && c.municipalityNumbers.includes("1506"))) {
        const message = await stream.next();
        expect(message.errors).toBeUndefined();
        if (message.data) seen.push(message.data.overviewChanged);
      }
      expect(seen.at(-1)).toMatchObject({ hospitalTrustId: orgId("hf:hmr"), reason: "EVENT" });
      expect(await db.overviewOffer.findUnique({ where: { offerId } })).toMatchObject({
        status: "PUBLISHED",
      });
    } finally {
      await stream.close();
    }
  });

  it("streams an organisation's own events to its members only", async () => {
    const member = gatewayInstance(viewerWith([{ org: "mun:1505", role: "VIEWER" }]));
    const outsider = gatewayInstance(viewerWith([{ org: "mun:1506", role: "ADMIN" }]));
    const writer = gatewayInstance(viewerWith([{ org: "mun:1505", role: "EDITOR" }]));
    const query = graphql(
      `subscription($org: ID!) { organisationEvents(organisationId: $org) { id type aggregateId organisationId payload } }`,
    );

    const refused = await subscribe(outsider, query, { org: orgId("mun:1505") });
    const denied = await refused.next();
    expect(denied.data ?? null).toBeNull();
    expect(denied.errors?.length).toBeGreaterThan(0);
    await refused.close();

    const stream = await subscribe(member, query, { org: orgId("mun:1505") });
    try {
      const offerId = await publishThrough(writer, orgId("mun:1505"), "1505");
      const types: string[] = [];
      while (types.length < 2) {
        const event = (await stream.next()).data?.organisationEvents;
        if (event?.aggregateId !== offerId) continue;
        expect(event.organisationId).toBe(orgId("mun:1505"));
        types.push(event.type);
      }
      expect(types.sort()).toEqual(["offer.created", "offer.status_changed"]);
    } finally {
      await stream.close();
    }
  });

  it("announces an event that changed nothing as unchanged, and pushes it to no subscriber or cache", async () => {
    const hmr = orgId("hf:hmr");
    // What the worker puts on Redis, read raw, beside what a gateway makes of it.
    const raw = new Redis(inject("redisUrl"));
    const listener = new Redis(inject("redisUrl"));
    connections.push(raw, listener);
    const announced: OverviewChange[] = [];
    raw.on("message", (_channel: string, message: string) =>
      announced.push(overviewChange.parse(JSON.parse(message))),
    );
    await raw.subscribe(liveChannel(liveTopics(worker.prefix).overviewChanged, hmr));
    const cacheDrops: (string | null)[] = [];
    await listenForChanges(listener, worker.prefix, (trust) => cacheDrops.push(trust));
    const watcher = gatewayInstance(null);
    const writer = gatewayInstance(viewerWith([{ org: "mun:1506", role: "EDITOR" }]));
    const stream = await subscribe(
      watcher,
      graphql(`subscription($trust: ID!) { overviewChanged(hospitalTrustId: $trust) { offerId eventId } }`),
      { trust: hmr },
    );
    try {
      const { query } = graphQLClient(writer.fetch, "http://gateway.test/graphql", {
        "x-samspill-csrf": "1",
      });
      // A draft is in no overview: its creation is processed and changes nothing anyone sees.
      const created = await query(createOffer, {
        input: {
          ...courseDefaults,
          providerId: orgId("mun:1506"),
          title: "Utkast",
          municipalityNumbers: ["1506"],
        },
      });
      const answer = created.data?.createOffer;
      const offerId = answer?.__typename === "MutationCreateOfferSuccess" ? answer.data.id : "";
      const draftEvent = await db.outboxEvent.findFirstOrThrow({ where: { aggregateId: offerId } });
      await expect
        .poll(() => announced.find((c) => c.eventId === draftEvent.id), { timeout: 15_000 })
        .toMatchObject({
          hospitalTrustId: hmr,
          offerId,
          municipalityNumbers: ["1506"],
          reason: "EVENT",
          changed: false,
        });
      const published = await query(publish, { id: offerId });
      expect(published.data?.changeOfferStatus.__typename).toBe("MutationChangeOfferStatusSuccess");
      const publishedEvent = await db.outboxEvent.findFirstOrThrow({
        where: { aggregateId: offerId, type: "offer.status_changed" },
      });
      // Subscribers hear the publishing and never the draft, which came before it.
      const streamed: (string | null)[] = [];
      while (!streamed.includes(publishedEvent.id)) {
        const message = await stream.next();
        expect(message.errors).toBeUndefined();
        streamed.push(message.data?.overviewChanged.eventId ?? null);
      }
      expect(streamed).not.toContain(draftEvent.id);
      await expect
        .poll(() => announced.find((c) => c.eventId === publishedEvent.id), { timeout: 15_000 })
        .toMatchObject({ changed: true });
      // One connection hears messages in the order published: once the publishing dropped the
      // trust's caches, the draft's message was heard too, and it dropped nothing.
      await expect.poll(() => cacheDrops.includes(hmr), { timeout: 15_000 }).toBe(true);
      expect(cacheDrops.filter((t) => t === hmr)).toEqual([hmr]);
    } finally {
      await stream.close();
    }
  });
});
