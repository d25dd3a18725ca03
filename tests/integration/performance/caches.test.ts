import type { Database } from "@samspill/database";
import { liveTopics, publishOverviewChange } from "@samspill/events";
import { createGateway } from "@samspill/gateway";
import { listenForChanges } from "@samspill/gateway/change-listener";
import { createOverviewCache } from "@samspill/gateway/overview-cache";
import { createResponseCache } from "@samspill/gateway/response-cache";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { print } from "graphql";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId } from "../../support/gateway.js";
import { createProvider } from "../../support/providers.js";

// The gateway's caches (BENCHMARKS.md): a cached answer is served until the hub announces a
// change, never across one, and never to a signed-in caller.

let db: Database;
beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

// Printed: `ask` below also sends invalid documents on purpose, so it takes text.
const offerTitle = print(graphql(`query($id: ID!) { offer(id: $id) { id title } }`));

function gatewayWithResponseCache(ttlMs: number) {
  const responseCache = createResponseCache({ ttlMs });
  const { app } = createGateway({
    db,
    log: pino({ level: "silent" }),
    production: true,
    webOrigin: "http://127.0.0.1:5173",
    resolveViewer: async () => null,
    responseCache,
  });
  const ask = async (
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) => {
    const response = await app.fetch(
      new Request("http://gateway.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      }),
    );
    const body = (await response.json()) as { data?: { offer?: { title: string } | null }; errors?: unknown };
    return { cached: response.headers.get("x-cache") === "hit", title: body.data?.offer?.title, body };
  };
  return { responseCache, ask };
}

describe("response cache", () => {
  it("serves a signed-out query again until a change is announced, then reads afresh", async () => {
    const provider = await createProvider(db, "Hurtigbuffer", 1);
    const id = provider.offerIds[0]!;
    const { responseCache, ask } = gatewayWithResponseCache(60_000);

    const first = await ask(offerTitle, { id });
    expect(first).toMatchObject({ cached: false, title: "Hurtigbuffer likepersongruppe 1" });
    await db.offer.update({ where: { id }, data: { title: "Nytt navn" } });
    // Nothing announced the change: the cached answer is still the one served.
    expect(await ask(offerTitle, { id })).toMatchObject({
      cached: true,
      title: "Hurtigbuffer likepersongruppe 1",
    });

    responseCache.changed();
    expect(responseCache.size).toBe(0);
    expect(await ask(offerTitle, { id })).toMatchObject({ cached: false, title: "Nytt navn" });
    expect(await ask(offerTitle, { id })).toMatchObject({ cached: true, title: "Nytt navn" });
  });

  it("never answers a caller with a cookie or token from the cache, nor caches errors or mutations", async () => {
    const provider = await createProvider(db, "Hurtigbuffer innlogget", 1);
    const id = provider.offerIds[0]!;
    const { responseCache, ask } = gatewayWithResponseCache(60_000);
    await ask(offerTitle, { id });
    await db.offer.update({ where: { id }, data: { title: "Endret" } });
    expect(await ask(offerTitle, { id }, { cookie: "samspill_session=abc" })).toMatchObject({
      cached: false,
      title: "Endret",
    });
    expect(await ask(offerTitle, { id }, { authorization: "Bearer sp_x" })).toMatchObject({ cached: false });

    const before = responseCache.size;
    const invalid = await ask(`query($id: ID!) { offer(id: $id) { id nope } }`, { id });
    expect(invalid.body.errors).toBeDefined();
    await ask(`mutation { __typename }`, {});
    expect(responseCache.size).toBe(before);
  });

  it("expires an entry after its time to live", async () => {
    let now = 1_000_000;
    const responseCache = createResponseCache({ ttlMs: 5_000, now: () => now });
    const { app } = createGateway({
      db,
      log: pino({ level: "silent" }),
      production: true,
      webOrigin: "http://127.0.0.1:5173",
      responseCache,
    });
    const ask = () =>
      app.fetch(
        new Request("http://gateway.test/graphql", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: "{ __typename }" }),
        }),
      );
    expect((await ask()).headers.get("x-cache")).toBeNull();
    now += 4_000;
    expect((await ask()).headers.get("x-cache")).toBe("hit");
    now += 2_000;
    expect((await ask()).headers.get("x-cache")).toBeNull();
  });
});

describe("overview cache", () => {
  const stOlav = () => orgId("hf:stolav");
  const moere = () => orgId("hf:hmr");

  it("shares one read per scope until that trust's overview or anything changes", async () => {
    const cache = createOverviewCache({ ttlMs: 60_000 });
    const scope = { hospitalTrustId: stOlav() };
    const first = cache.read(db, scope, "PRIORITY_GROUP");
    expect(cache.read(db, scope, "PRIORITY_GROUP")).toBe(first);
    expect(cache.read(db, scope, "FORMAT")).not.toBe(first);
    const overview = await first;
    expect(overview.rows.length).toBeGreaterThan(0);

    cache.changed(moere());
    expect(cache.read(db, scope, "PRIORITY_GROUP")).toBe(first);
    cache.changed(stOlav());
    const afterTrustChange = cache.read(db, scope, "PRIORITY_GROUP");
    expect(afterTrustChange).not.toBe(first);
    cache.changed(null);
    expect(cache.read(db, scope, "PRIORITY_GROUP")).not.toBe(afterTrustChange);
  });

  it("expires after its time to live and reads through when switched off", async () => {
    let now = 5_000_000;
    const cache = createOverviewCache({ ttlMs: 1_000, now: () => now });
    const scope = { hospitalTrustId: stOlav() };
    const first = cache.read(db, scope, "PRIORITY_GROUP");
    now += 1_001;
    expect(cache.read(db, scope, "PRIORITY_GROUP")).not.toBe(first);
    const off = createOverviewCache({ ttlMs: 0 });
    expect(off.read(db, scope, "PRIORITY_GROUP")).not.toBe(off.read(db, scope, "PRIORITY_GROUP"));
    await Promise.all([first]);
  });
});

describe("change listener", () => {
  it("hears the worker's overview changes and the gateways' relay wake-ups, not unchanged events", async () => {
    const prefix = `{${inject("queuePrefix")}-caches}`;
    const subscriber = new Redis(inject("redisUrl"));
    const publisher = new Redis(inject("redisUrl"));
    try {
      const heard: (string | null)[] = [];
      await listenForChanges(subscriber, prefix, (trust) => heard.push(trust));
      // An event the projector processed without changing the overview leaves the caches be.
      await publishOverviewChange(publisher, prefix, {
        hospitalTrustId: orgId("hf:hmr"),
        municipalityNumbers: ["1506"],
        offerId: null,
        eventId: null,
        reason: "EVENT",
        changed: false,
        changedAt: new Date().toISOString(),
      });
      await publishOverviewChange(publisher, prefix, {
        hospitalTrustId: stOlavId(),
        municipalityNumbers: ["5001"],
        offerId: null,
        eventId: null,
        reason: "REBUILD",
        changedAt: new Date().toISOString(),
      });
      await publisher.publish(liveTopics(prefix).outboxWake, "1");
      await expect.poll(() => heard).toEqual([stOlavId(), null]);
    } finally {
      subscriber.disconnect();
      publisher.disconnect();
    }
  });
});

function stOlavId() {
  return orgId("hf:stolav");
}
