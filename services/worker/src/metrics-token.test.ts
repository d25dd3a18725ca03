import type { AddressInfo } from "node:net";
import { Registry } from "prom-client";
import { afterEach, describe, expect, it } from "vitest";
import { serveMetrics } from "./metrics.js";

// A worker's metrics port opened beyond localhost (WORKER_METRICS_HOST=0.0.0.0 in compose and
// Kubernetes) answers /metrics only to a scraper with METRICS_TOKEN, when one is set.

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function start(token?: string) {
  const server = await serveMetrics(new Registry(), "127.0.0.1", 0, token);
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("worker /metrics", () => {
  it("wants the bearer token when METRICS_TOKEN is set; /healthz stays open for probes", async () => {
    const url = await start("worker-metrics-token-0123456789");
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${url}/metrics`, { headers: { authorization: "Bearer nope-nope-nope-nope" } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${url}/metrics`, {
      headers: { authorization: "Bearer worker-metrics-token-0123456789" },
    });
    expect(right.status).toBe(200);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it("answers without a token when none is set (it listens on localhost by default)", async () => {
    expect((await fetch(`${await start()}/metrics`)).status).toBe(200);
  });
});
