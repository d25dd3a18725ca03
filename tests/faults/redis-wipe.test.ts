import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../setup/provision.js";
import { startWorkerProcess } from "../support/processes.js";
import { flowProvider, startFlow } from "./support/flow.js";
import { compareOverview, expectNothingLostOrDuplicated, settle, tally } from "./support/ledger.js";
import { type Receiver, startReceiver } from "./support/receiver.js";
import { type Stack, startStack } from "./support/stack.js";
import { expectWebhooksOnce, settleWebhooks, tallyWebhooks } from "./support/webhooks.js";

// Redis loses everything (FLUSHALL) while offers are published: queued and half-handled jobs,
// completed-job records, webhook deliveries in flight. The runbook's two commands, run as an
// operator would, restore the books: `redrive-outbox --since` has the relay send the events
// again, and `rebuild-overview` recomputes the read model. Afterwards the overview equals a
// recomputation in plain SQL and every webhook reached the integrator once.

const run = promisify(execFile);
let stack: Stack;
let receiver: Receiver;

async function command(script: string, args: string[] = []): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", `services/worker/src/commands/${script}.ts`, ...args],
    { cwd: repoRoot, env: { ...process.env, NODE_ENV: "test", ...stack.env() }, timeout: 60_000 },
  );
  return stdout;
}

beforeAll(async () => {
  stack = await startStack("redis-wipe");
  receiver = await startReceiver();
});
afterAll(async () => {
  await stack?.teardown();
  await receiver?.close();
});

describe("Redis wiped with FLUSHALL", () => {
  it("re-driving the outbox and rebuilding the overview gives the SQL figures, webhooks once", async () => {
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
    const since = new Date();
    const flow = startFlow(stack.db, "Mestringskurs", 2);
    await flow.reached(6);
    const admin = new Redis(stack.redis.url, { maxRetriesPerRequest: 3 });
    try {
      expect(await admin.dbsize()).toBeGreaterThan(0);
      await admin.flushall();
    } finally {
      admin.disconnect();
    }
    const atWipe = flow.ids.length;
    await flow.reached(atWipe + 6);
    const ids = await flow.stop();
    await expect
      .poll(() => stack.db.outboxEvent.count({ where: { sentAt: null } }), { timeout: 30_000 })
      .toBe(0);
    const beforeRepair = await compareOverview(stack.db);

    expect(await command("redrive-outbox", ["--since", since.toISOString()])).toMatch(
      /[1-9]\d* outbox events since/,
    );
    expect(await command("rebuild-overview")).toMatch(/Overview rebuilt/);

    await settle(stack.db, ids);
    await settleWebhooks(stack.db, receiver, ids);
    expect(await compareOverview(stack.db)).toEqual({ missing: 0, extra: 0 });
    expectNothingLostOrDuplicated(
      "Redis FLUSHALL",
      await tally(stack.db, ids),
      `wipedAfter=${atWipe} beforeRepair(missing=${beforeRepair.missing} extra=${beforeRepair.extra})`,
    );
    expectWebhooksOnce("Redis FLUSHALL", await tallyWebhooks(stack.db, receiver, subscription, ids));
  });
});
