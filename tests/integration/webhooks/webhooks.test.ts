import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@samspill/database";
import { type QueueName, queueNames, recordEvent, toEventJob } from "@samspill/events";
import { verifyWebhookSignature, webhookTargetPolicy } from "@samspill/events/webhooks";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { successData, validationIssues } from "../../support/answers.js";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { startTestWorker, type TestWorker } from "../../support/worker.js";

// Webhooks end to end: a subscription made through GraphQL, an event written to the outbox as a
// mutation writes it, the relay and the worker's fan-out and delivery jobs (real BullMQ on the
// run's Redis), and a local HTTP server as the integrator's receiver. The receiver is on
// loopback, which webhooks reach only because gateway and worker allow-list it explicitly
// (targets.test.ts shows what happens without).

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  at: number;
}

let db: Database;
let worker: TestWorker;
let receiver: Server;
let base: string;
const received: Received[] = [];
/** Answers per path: a list of statuses used in turn, the last one repeating. */
const answers = new Map<string, number[]>();

const ffo = orgId("uo:ffo");
const loopback = "127.0.0.1/32";
const admin = () =>
  testGateway(db, viewerWith([{ org: "uo:ffo", role: "ADMIN" }]), {
    webhookTargets: webhookTargetPolicy([loopback]),
  });
/** What the receiver says in its answers: it must never reach the hub's delivery log. */
const receiverSecret = "receiver-internal-detail-4f9c";

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  receiver = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({ path, headers: req.headers, body, at: Date.now() });
      const plan = answers.get(path) ?? [200];
      const status = plan.length > 1 ? (plan.shift() as number) : (plan[0] as number);
      res.writeHead(status, { "content-type": "text/plain" }).end(`${status} ${receiverSecret}`);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  worker = await startTestWorker(db, "webhooks", {
    relay: true,
    env: { WEBHOOK_BACKOFF_MS: "200", WEBHOOK_MAX_ATTEMPTS: "4", WEBHOOK_ALLOWED_PRIVATE_CIDRS: loopback },
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
    ... on MutationCreateWebhookSubscriptionSuccess { data { secret subscription { id url eventTypes active } } }
    ... on ValidationError { issues { field code messageNb } }
  }
}`);

async function subscribe(path: string): Promise<{ id: string; secret: string }> {
  const answer = await admin().query(createSubscription, {
    input: { organisationId: ffo, url: `${base}${path}`, eventTypes: ["organisation.updated"] },
  });
  const data = successData(answer.data?.createWebhookSubscription);
  return { id: data.subscription.id, secret: data.secret };
}

/** Writes an organisation.updated event for FFO the way a mutation does (in a transaction, to the outbox). */
async function emit(): Promise<string> {
  return db.$transaction((tx) =>
    recordEvent(tx, {
      type: "organisation.updated",
      aggregateType: "Organisation",
      aggregateId: ffo,
      organisationId: ffo,
      payload: { id: ffo, version: 1 },
    }),
  );
}

async function settled(subscriptionId: string, eventId: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const delivery = await db.webhookDelivery.findUnique({
      where: { subscriptionId_eventId: { subscriptionId, eventId } },
      include: { attemptLog: { orderBy: { attempt: "asc" } } },
    });
    if (delivery && delivery.status !== "PENDING") return delivery;
    if (Date.now() > deadline)
      throw new Error(`delivery still ${delivery?.status ?? "missing"} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function completed(queue: QueueName, jobId: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await (await worker.queues[queue].getJob(jobId))?.getState()) !== "completed") {
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not complete`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function idle(queue: QueueName): Promise<void> {
  const q = worker.queues[queue];
  while ((await q.getJobCountByTypes("waiting", "active", "delayed", "prioritized")) > 0) {
    await new Promise((r) => setTimeout(r, 50));
  }
}

const requestsFor = (path: string, eventId: string) =>
  received.filter((r) => r.path === path && r.headers["samspill-event-id"] === eventId);

describe("webhook subscriptions", () => {
  it("are created by the organisation's admins only, with a secret shown once, and only for http(s) URLs", async () => {
    const { id, secret } = await subscribe("/listed");
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = await admin().query(
      graphql(`query($org: ID!) { webhookSubscriptions(organisationId: $org) { id url } }`),
      { org: ffo },
    );
    expect(listed.data?.webhookSubscriptions.map((s) => s.id)).toContain(id);
    expect(JSON.stringify(listed)).not.toContain(secret);

    for (const url of ["ftp://example.org/hook", "javascript:alert(1)", "https://user:pw@example.org/"]) {
      const refused = await admin().query(createSubscription, {
        input: { organisationId: ffo, url },
      });
      expect(refused.data?.createWebhookSubscription.__typename).toBe("ValidationError");
    }
    const unknownType = await admin().query(createSubscription, {
      input: { organisationId: ffo, url: `${base}/x`, eventTypes: ["offer.eaten"] },
    });
    expect(validationIssues(unknownType.data?.createWebhookSubscription)?.[0]?.field).toBe("eventTypes.0");

    const editor = testGateway(db, viewerWith([{ org: "uo:ffo", role: "EDITOR" }]));
    const forbidden = await editor.query(createSubscription, {
      input: { organisationId: ffo, url: `${base}/x` },
    });
    expect(forbidden.errors?.length).toBeGreaterThan(0);

    const deleted = await admin().query(
      graphql(
        `mutation($id: ID!) { deleteWebhookSubscription(id: $id) { ... on MutationDeleteWebhookSubscriptionSuccess { data } } }`,
      ),
      { id },
    );
    expect(successData(deleted.data?.deleteWebhookSubscription)).toBe(id);
    expect(await db.webhookSubscription.count({ where: { id } })).toBe(0);
  });
});

describe("webhook deliveries", () => {
  it("POST the event signed with the subscription's secret, and the signature verifies", async () => {
    const { id, secret } = await subscribe("/ok");
    const eventId = await emit();
    const delivery = await settled(id, eventId);
    expect(delivery.status).toBe("DELIVERED");

    const [request, ...more] = requestsFor("/ok", eventId);
    expect(more).toHaveLength(0);
    const header = request!.headers["samspill-signature"] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, header, request!.body)).toBe(true);
    expect(verifyWebhookSignature("whsec_wrong", header, request!.body)).toBe(false);
    expect(
      verifyWebhookSignature(secret, header, request!.body.replace("organisation", "Organisation")),
    ).toBe(false);
    expect(JSON.parse(request!.body)).toMatchObject({
      id: eventId,
      type: "organisation.updated",
      organisationId: ffo,
      data: { id: ffo, version: 1 },
    });
    expect(request!.headers["samspill-delivery-id"]).toBe(delivery.id);
  });

  it("the same event handed to the job twice makes one delivery and one request", async () => {
    const { id } = await subscribe("/twice");
    const eventId = await emit();
    await settled(id, eventId);
    const row = await db.outboxEvent.findUniqueOrThrow({ where: { id: eventId } });
    const again = toEventJob(row);
    // A different job id, as if the relay re-sent after BullMQ forgot the first copy.
    await worker.queues[queueNames.events].add(again.name, again.data, { jobId: `${eventId}-again` });
    await worker.queues[queueNames.events].add(again.name, again.data, { jobId: `${eventId}-third` });
    await completed(queueNames.events, `${eventId}-again`);
    await completed(queueNames.events, `${eventId}-third`);
    // Any delivery job the duplicates might have queued would have run by now.
    await idle(queueNames.webhooks);

    expect(await db.webhookDelivery.count({ where: { subscriptionId: id, eventId } })).toBe(1);
    expect(requestsFor("/twice", eventId)).toHaveLength(1);
  });

  it("retries a failing endpoint with exponential backoff, and the delivery log shows every attempt", async () => {
    answers.set("/flaky", [500, 502, 200]);
    const { id } = await subscribe("/flaky");
    const eventId = await emit();
    const delivery = await settled(id, eventId);
    expect(delivery).toMatchObject({
      status: "DELIVERED",
      attempts: 3,
      responseStatus: 200,
      lastError: null,
    });
    expect(delivery.attemptLog.map((a) => a.responseStatus)).toEqual([500, 502, 200]);

    // Backoff doubles from WEBHOOK_BACKOFF_MS = 200: at least 200 ms, then 400 ms, between tries.
    const tries = requestsFor("/flaky", eventId).map((r) => r.at);
    expect(tries).toHaveLength(3);
    expect(tries[1]! - tries[0]!).toBeGreaterThanOrEqual(190);
    expect(tries[2]! - tries[1]!).toBeGreaterThanOrEqual(390);

    const log = await admin().query(
      graphql(`query($id: ID!) { webhookDeliveries(subscriptionId: $id, first: 10) {
        edges { node { eventId status attempts attemptLog { attempt responseStatus error } } } } }`),
      { id },
    );
    expect(log.errors).toBeUndefined();
    const node = log.data!.webhookDeliveries.edges.find((e) => e.node.eventId === eventId)!.node;
    expect(node.status).toBe("DELIVERED");
    expect(node.attemptLog.map((a) => [a.attempt, a.responseStatus])).toEqual([
      [1, 500],
      [2, 502],
      [3, 200],
    ]);
    // The status, and nothing of what the receiver answered.
    expect(node.attemptLog.map((a) => a.error)).toEqual(["HTTP 500", "HTTP 502", null]);

    const stranger = testGateway(db, viewerWith([{ org: "mun:1506", role: "ADMIN" }]));
    const refused = await stranger.query(
      graphql(`query($id: ID!) { webhookDeliveries(subscriptionId: $id) { edges { node { id } } } }`),
      {
        id,
      },
    );
    expect(refused.errors?.length).toBeGreaterThan(0);
  });

  it("gives up after the last attempt and keeps the delivery as FAILED", async () => {
    answers.set("/down", [503]);
    const { id } = await subscribe("/down");
    const eventId = await emit();
    const delivery = await settled(id, eventId);
    expect(delivery).toMatchObject({
      status: "FAILED",
      attempts: 4,
      responseStatus: 503,
      lastError: "HTTP 503",
    });
    expect(delivery.attemptLog).toHaveLength(4);
    expect(requestsFor("/down", eventId)).toHaveLength(4);
    const rows = await db.webhookDelivery.findMany({ include: { attemptLog: true } });
    expect(JSON.stringify(rows)).not.toContain(receiverSecret);
  });
});
