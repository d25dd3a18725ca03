import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkerProcess } from "../support/processes.js";
import { startFlow } from "./support/flow.js";
import { expectNothingLostOrDuplicated, settle, tally } from "./support/ledger.js";
import { type Stack, startStack } from "./support/stack.js";

// The worker process (outbox relay and job handlers) is SIGKILLed in the middle of a burst of
// offer events and started again while the burst goes on: claims die with their transactions,
// the jobs it held are taken over once their locks lapse, and every change reaches the overview
// exactly once.

let stack: Stack;
const workerEnv = () =>
  stack.env({ RELAY_IDLE_MS: "20", WORKER_LOCK_DURATION_MS: "1000", WORKER_CONCURRENCY: "4" });

beforeAll(async () => {
  stack = await startStack("worker-kill");
});
afterAll(async () => {
  await stack?.teardown();
});

describe("worker SIGKILLed mid-job", () => {
  it("loses and repeats nothing once it is started again", async () => {
    const first = stack.track(await startWorkerProcess(workerEnv()));
    const flow = startFlow(stack.db, "Kostholdskurs", 3);
    await flow.reached(6);
    // Kill it only once it is busy: some of the burst projected, more on their way. A fresh
    // worker first relays the seed's own events, so the first projection can take seconds.
    await expect
      .poll(() => stack.db.overviewOffer.count({ where: { offerId: { in: flow.ids } } }), {
        timeout: 30_000,
        interval: 100,
      })
      .toBeGreaterThan(0);
    const killed = await first.kill("SIGKILL");
    expect(killed.signal).toBe("SIGKILL");
    const atKill = flow.ids.length;
    await flow.reached(atKill + 4);

    const second = stack.track(await startWorkerProcess(workerEnv()));
    await flow.reached(atKill + 10);
    const ids = await flow.stop();
    await settle(stack.db, ids);
    expect(second.running()).toBe(true);
    expectNothingLostOrDuplicated("worker SIGKILL", await tally(stack.db, ids), `killedAfter=${atKill}`);
  });
});
