import { updateOffer } from "@samspill/commands";
import type { Database } from "@samspill/database";
import { createGatewayPubSub, type GatewayPubSub, schema } from "@samspill/gateway";
import { seedDemoData } from "@samspill/seed";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, viewerWith } from "../../support/gateway.js";
import { openSse, type SseResult } from "../../support/sse.js";
import { startTestWorker, type TestWorker } from "../../support/worker.js";
import { type Caller, gatewayFor, headersOf, outsiders } from "./callers.js";
import {
  createForeignObjects,
  type ForeignObjects,
  leaks,
  ownerAdmin,
  ownerKey,
  partnerKey,
} from "./foreign-objects.js";
import { readDocument } from "./selections.js";

// Every Subscription field, opened by every kind of outsider on the foreign organisation's
// topics while that organisation changes a private offer through a command; the real worker
// relays the change. The owner's admin, subscribed the same way, receives it, so silence for
// the outsiders means refusal, not a broken pipe.

/** silent: refused, or open with no message at all. public: messages, none naming a private thing. */
interface Row {
  args: (f: ForeignObjects) => Record<string, unknown>;
  expected: "silent" | "public";
}
const rows: Record<string, Row> = {
  organisationEvents: { args: (f) => ({ organisationId: f.organisationId }), expected: "silent" },
  overviewChanged: { args: () => ({ hospitalTrustId: orgId(partnerKey) }), expected: "public" },
};

let db: Database;
let foreign: ForeignObjects;
let callers: Caller[];
let worker: TestWorker;
const connections: Redis[] = [];
const pubsubs: GatewayPubSub[] = [];
beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  foreign = await createForeignObjects(db);
  callers = await outsiders(db, foreign);
  worker = await startTestWorker(db, "authorization-subscriptions");
});
afterAll(async () => {
  await Promise.all(pubsubs.map((p) => p.close()));
  await Promise.all(connections.map((c) => c.quit()));
  await worker.stop();
  await db.$disconnect();
});

const subscriptionFields = Object.values(schema.getSubscriptionType()?.getFields() ?? {});

/** Opens `field` for `caller` on a gateway instance hearing the worker through Redis. */
async function open(caller: Caller, name: string) {
  const publish = new Redis(inject("redisUrl"));
  const subscribe = new Redis(inject("redisUrl"));
  connections.push(publish);
  const pubsub = createGatewayPubSub({ prefix: worker.prefix, redis: { publish, subscribe } });
  pubsubs.push(pubsub);
  const field = subscriptionFields.find((f) => f.name === name);
  if (!field) throw new Error(`no Subscription field ${name}`);
  const document = readDocument(schema, "subscription", field, rows[name]?.args(foreign) ?? {});
  const response = await gatewayFor(db, caller, { pubsub }).fetch(
    new Request("http://gateway.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", ...headersOf(caller) },
      body: JSON.stringify(document),
    }),
  );
  return openSse(response);
}

/**
 * Reads a stream from now on (a subscription starts only once its body is read) until closed.
 * `messages` fills as they arrive; `close` ends the stream and waits for the reader.
 */
function collect(stream: Awaited<ReturnType<typeof open>>) {
  const messages: SseResult[] = [];
  let open = true;
  const reading = (async () => {
    while (open) messages.push(await stream.next(600_000));
  })().catch(() => undefined);
  return {
    messages,
    async close() {
      open = false;
      await stream.close();
      await reading;
    },
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("every subscription", () => {
  it("has a row for each Subscription field, and no row for a field that is gone", () => {
    expect(subscriptionFields.map((f) => f.name).sort()).toEqual(Object.keys(rows).sort());
  });

  it("tells no outsider anything of the foreign organisation's change", async () => {
    const owner: Caller = { name: "owner", viewer: viewerWith([{ org: ownerKey, role: "ADMIN" }]) };
    const control = collect(await open(owner, "organisationEvents"));
    const streams = [];
    for (const caller of callers)
      for (const name of Object.keys(rows))
        streams.push({ caller, name, stream: collect(await open(caller, name)) });
    // Time for every subscription to reach Redis; the control, opened first, shows it was enough.
    await pause(1_000);

    const { actor, unit } = ownerAdmin(db);
    const draft = await db.offer.findUniqueOrThrow({ where: { id: foreign.draftOfferId } });
    await updateOffer(unit, actor, {
      id: draft.id,
      version: draft.version,
      title: `${foreign.secret} renamed`,
    });
    // The owner hears of it (after the seed's backlog): the relay ran and the topic carried it.
    const heard = () => JSON.stringify(control.messages).includes(`${foreign.secret} renamed`);
    for (const deadline = Date.now() + 30_000; !heard() && Date.now() < deadline; ) await pause(100);
    expect(heard()).toBe(true);
    await pause(1_000);
    await control.close();

    const problems: string[] = [];
    const clean = new Map<string, number>();
    for (const { caller, name, stream } of streams) {
      await stream.close();
      const messages = stream.messages;
      const data = messages.filter((m) => m.data);
      const leaked = leaks(foreign, messages);
      const where = `${caller.name} → ${name}`;
      if (leaked.length > 0) problems.push(`${where} leaks ${leaked.join(", ")}`);
      else if (rows[name]?.expected === "silent" && data.length > 0)
        problems.push(`${where} receives ${JSON.stringify(data).slice(0, 200)}`);
      else clean.set(caller.name, (clean.get(caller.name) ?? 0) + 1);
    }
    for (const caller of callers)
      console.log(
        `[security] subscriptions to the foreign organisation for ${caller.name}: ${clean.get(caller.name) ?? 0} of ${Object.keys(rows).length} refused or silent about its change`,
      );
    expect(problems).toEqual([]);
  }, 120_000);
});
