import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../infra/local/ports.mjs";
import { startGatewayProcess, startWorkerProcess } from "../support/processes.js";
import { flowProvider } from "./support/flow.js";
import { createApiToken, type Request, startHttpLoad } from "./support/http.js";
import { expectNothingLostOrDuplicated, settle, tally } from "./support/ledger.js";
import { type Stack, startStack } from "./support/stack.js";

// Postgres is killed (SIGKILL of every server process) while a gateway process serves reads and
// writes, then started again on the same data directory. Meanwhile the gateway answers 503 with
// Retry-After and a typed error, never a 500 and never a hang; its health check says degraded;
// once Postgres is back it serves again by itself, and the worker brings every committed change
// to the overview exactly once.

let stack: Stack;
let gatewayUrl: string;

beforeAll(async () => {
  stack = await startStack("postgres-restart");
});
afterAll(async () => {
  await stack?.teardown();
});

const health = async () => {
  const r = await fetch(`${gatewayUrl}/healthz`, { signal: AbortSignal.timeout(10_000) });
  return { status: r.status, retryAfter: r.headers.get("retry-after"), body: await r.json() };
};

describe("Postgres killed under load", () => {
  it("answers 503 with Retry-After while it is down and recovers without a restart", async () => {
    const port = await freePort();
    gatewayUrl = `http://127.0.0.1:${port}`;
    stack.track(await startWorkerProcess(stack.env({ RELAY_IDLE_MS: "20" })));
    const gateway = stack.track(
      await startGatewayProcess(
        stack.env({ GATEWAY_PORT: String(port), DB_POOL_SIZE: "5", RATE_LIMIT_POINTS: "100000" }),
      ),
    );
    const token = await createApiToken(stack.db, flowProvider);
    const label = "Mestringskurs under omstart";
    const load = startHttpLoad(gatewayUrl, token, flowProvider, label, 3);
    try {
      await load.succeeded(15);

      load.setPhase("down");
      await stack.postgres.kill();
      await load.succeeded(0);
      await expect
        .poll(() => load.requests.filter((r) => r.phase === "down" && r.status === 503).length, {
          timeout: 15_000,
        })
        .toBeGreaterThanOrEqual(6);
      expect(await health()).toEqual({
        status: 503,
        retryAfter: "5",
        body: { ok: false, status: "degraded", database: "unavailable" },
      });

      load.setPhase("restarting");
      await stack.postgres.start();
      await expect.poll(async () => (await health()).status, { timeout: 30_000, interval: 200 }).toBe(200);

      load.setPhase("after");
      await load.succeeded(15);
    } finally {
      await load.stop();
    }
    expect(gateway.running()).toBe(true);

    const by = (phase: string) => load.requests.filter((r) => r.phase === phase);
    const summary = (rs: Request[]) =>
      [
        ...new Set(
          rs.map(
            (r) => `${r.status}${r.errorCode ? `/${r.errorCode}` : ""}${r.failure ? `/${r.failure}` : ""}`,
          ),
        ),
      ].sort();
    console.log(
      `[faults] Postgres restart (requests): before=${by("before").length} down=${by("down").length} restarting=${by("restarting").length} after=${by("after").length}; while down: ${summary(by("down")).join(", ")}`,
    );
    // Never a 500, never a hang, never a dropped connection: a 200, or a 503 that says when to retry.
    for (const r of load.requests) {
      expect(r.failure, `${r.phase} ${r.kind}`).toBeNull();
      expect([200, 503], `${r.phase} ${r.kind}: ${r.status} ${r.errorCode}`).toContain(r.status);
      if (r.status === 503) {
        expect(r.retryAfter).toBe("5");
        expect(r.errorCode).toBe("SERVICE_UNAVAILABLE");
      } else {
        expect(r.errorCode, `${r.phase} ${r.kind}`).toBeNull();
      }
    }
    // Recovered by itself: everything after the restart succeeds.
    expect(by("after").every((r) => r.status === 200 && r.errorCode === null)).toBe(true);

    const offers = await stack.db.offer.findMany({
      where: { title: { startsWith: label } },
      select: { id: true },
    });
    const ids = offers.map((o) => o.id);
    await settle(stack.db, ids);
    expectNothingLostOrDuplicated("Postgres restart", await tally(stack.db, ids));
  });
});
