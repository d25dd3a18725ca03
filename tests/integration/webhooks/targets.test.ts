import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@samspill/database";
import { recordEvent } from "@samspill/events";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { startTestWorker, type TestWorker } from "../../support/worker.js";

// Webhook targets inside the hub's own network (server-side request forgery), with no allow-list
// set: the gateway refuses such subscriptions, and the worker refuses to deliver to one that got
// in anyway (made before the rule, or while its name still resolved to a public address). Not
// being in production (NODE_ENV=development here) opens nothing.

let db: Database;
let worker: TestWorker;
let receiver: Server;
let port: number;
let requests = 0;

const ffo = orgId("uo:ffo");
const admin = () => testGateway(db, viewerWith([{ org: "uo:ffo", role: "ADMIN" }]));

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  receiver = createServer((req, res) => {
    requests += 1;
    req.resume();
    res.writeHead(200).end("internal service answer");
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  port = (receiver.address() as AddressInfo).port;
  worker = await startTestWorker(db, "webhook-targets", {
    relay: true,
    env: { NODE_ENV: "development", WEBHOOK_MAX_ATTEMPTS: "1" },
  });
});

afterAll(async () => {
  await worker.stop();
  await new Promise((resolve) => receiver.close(resolve));
  await db.$disconnect();
});

const createSubscription = graphql(`mutation($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) {
    __typename
    ... on ValidationError { issues { field code } }
  }
}`);

const internalUrls = () => [
  `http://127.0.0.1:${port}/hook`,
  `http://localhost:${port}/hook`,
  `http://[::ffff:127.0.0.1]:${port}/hook`,
  `http://[::ffff:7f00:1]:${port}/hook`,
  `http://2130706433:${port}/hook`,
  `http://0x7f.1:${port}/hook`,
  `http://017700000001:${port}/hook`,
  `http://[::1]:${port}/hook`,
  `http://[64:ff9b::7f00:1]:${port}/hook`,
  `http://[2002:7f00:1::]:${port}/hook`,
  "http://169.254.169.254/latest/meta-data/",
  "http://10.0.0.1/hook",
  "http://0.0.0.0/hook",
];

async function settled(subscriptionId: string, eventId: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const delivery = await db.webhookDelivery.findUnique({
      where: { subscriptionId_eventId: { subscriptionId, eventId } },
      include: { attemptLog: true },
    });
    if (delivery && delivery.status !== "PENDING") return delivery;
    if (Date.now() > deadline) throw new Error(`delivery still ${delivery?.status ?? "missing"}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("webhook targets without an allow-list", () => {
  it("a subscription to a loopback, private or link-local address, in any spelling, is refused", async () => {
    for (const url of internalUrls()) {
      const answer = await admin().query(createSubscription, { input: { organisationId: ffo, url } });
      expect(answer.data?.createWebhookSubscription, url).toMatchObject({
        __typename: "ValidationError",
        issues: [{ field: "url", code: "webhook_target" }],
      });
    }
    expect(await db.webhookSubscription.count({ where: { url: { in: internalUrls() } } })).toBe(0);
  });

  it("a delivery to one that got in is refused before connecting, logged with a short reason", async () => {
    const targets = [
      `http://127.0.0.1:${port}/a`,
      `http://localhost:${port}/b`,
      `http://[::ffff:7f00:1]:${port}/c`,
    ];
    const ids: string[] = [];
    for (const url of targets) {
      const row = await db.webhookSubscription.create({
        data: { organisationId: ffo, url, secret: randomBytes(24).toString("hex"), eventTypes: [] },
      });
      ids.push(row.id);
    }
    const eventId = await db.$transaction((tx) =>
      recordEvent(tx, {
        type: "organisation.updated",
        aggregateType: "Organisation",
        aggregateId: ffo,
        organisationId: ffo,
        payload: { id: ffo, version: 1 },
      }),
    );
    for (const id of ids) {
      const delivery = await settled(id, eventId);
      expect(delivery).toMatchObject({
        status: "FAILED",
        responseStatus: null,
        lastError: "refused: not a public address",
      });
      expect(delivery.attemptLog.map((a) => a.error)).toEqual(["refused: not a public address"]);
    }
    expect(requests).toBe(0);
    // The database keeps the reason short too, whatever a later worker might try to write.
    await expect(
      db.webhookDelivery.updateMany({
        where: { subscriptionId: ids[0] },
        data: { lastError: "x".repeat(101) },
      }),
    ).rejects.toThrow(/WebhookDelivery_lastError_short/);
    // The run's database is shared: later files' workers need not meet these.
    await db.webhookSubscription.deleteMany({ where: { id: { in: ids } } });
  });
});
