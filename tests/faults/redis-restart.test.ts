import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkerProcess } from "../support/processes.js";
import { flowProvider, startFlow } from "./support/flow.js";
import { expectNothingLostOrDuplicated, settle, tally } from "./support/ledger.js";
import { type Receiver, startReceiver } from "./support/receiver.js";
import { type Stack, startStack } from "./support/stack.js";
import { expectWebhooksOnce, settleWebhooks, tallyWebhooks } from "./support/webhooks.js";

// Redis is SIGKILLed while offers are published and webhooks delivered, and started again on
// the same port and append-only file: the outbox keeps what Redis cannot take, the relay
// retries, the worker reconnects, and every change reaches the overview and the integrator's
// receiver exactly once.

let stack: Stack;
let receiver: Receiver;

beforeAll(async () => {
  stack = await startStack("redis-restart");
  receiver = await startReceiver();
});
afterAll(async () => {
  await stack?.teardown();
  await receiver?.close();
});

describe("Redis SIGKILLed and restarted", () => {
  it("loses and repeats no event, in the overview or in webhooks", async () => {
    const subscription = await receiver.subscribe(stack.db, flowProvider);
    stack.track(
      await startWorkerProcess(
        stack.env({
          RELAY_IDLE_MS: "20",
          WEBHOOK_BACKOFF_MS: "200",
          WEBHOOK_MAX_ATTEMPTS: "20",
          // The test's receiver is on loopback, which webhooks reach only when allow-listed.
          WEBHOOK_ALLOWED_PRIVATE_CIDRS: "127.0.0.1/32",
        }),
      ),
    );
    const flow = startFlow(stack.db, "Trening for seniorer", 2);
    await flow.reached(6);
    await stack.redis.kill();
    const atKill = flow.ids.length;
    // Changes go on being committed while Redis is gone; the relay records its failures.
    await flow.reached(atKill + 6);
    await expect
      .poll(() => stack.db.outboxEvent.count({ where: { sentAt: null, lastError: { not: null } } }), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    await stack.redis.start();
    await flow.reached(atKill + 12);
    const ids = await flow.stop();

    await settle(stack.db, ids);
    await settleWebhooks(stack.db, receiver, ids);
    expectNothingLostOrDuplicated("Redis restart", await tally(stack.db, ids), `killedAfter=${atKill}`);
    expectWebhooksOnce("Redis restart", await tallyWebhooks(stack.db, receiver, subscription, ids));
  });
});
