import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type ServiceProcess, startServiceProcess } from "../../support/service-process.js";

// The anonymous rate limit keys on the client's address. Behind a trusted proxy that address
// comes from X-Forwarded-For; from any other peer the header is ignored, so a client cannot
// escape its limit by writing a new address into it on every request. Real gateway processes on
// a real socket, so the peer address is the one Node sees (127.0.0.1 here).

const points = 3;
let behindProxy: { url: string; process: ServiceProcess };
let direct: { url: string; process: ServiceProcess };

async function startGateway(trusted: string) {
  const process = await startServiceProcess(
    "services/gateway/src/main.ts",
    {
      DATABASE_URL: inject("databaseUrl"),
      REDIS_URL: inject("redisUrl"),
      // A prefix per gateway, so the two keep separate buckets for the same address.
      QUEUE_PREFIX: `${inject("queuePrefix")}-proxy-${trusted ? "trusted" : "none"}`,
      GATEWAY_HOST: "127.0.0.1",
      GATEWAY_PORT: "0",
      RATE_LIMIT_POINTS: String(points),
      TRUSTED_PROXIES: trusted,
    },
    (line) => typeof line.msg === "string" && line.msg.startsWith("gateway listening"),
  );
  return { url: `http://127.0.0.1:${process.readyLine.port}`, process };
}

beforeAll(async () => {
  [behindProxy, direct] = await Promise.all([startGateway("127.0.0.1, 10.0.0.0/8"), startGateway("")]);
}, 120_000);
afterAll(async () => {
  await Promise.all([behindProxy?.process.stop(), direct?.process.stop()]);
});

async function ask(url: string, forwardedFor?: string): Promise<number> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
    },
    body: JSON.stringify({ query: "{ health { ok } }" }),
  });
  await response.arrayBuffer();
  return response.status;
}

describe("trusted proxies", () => {
  it("gives each forwarded client its own limit when the peer is a trusted proxy", async () => {
    // Two clients behind the same proxy (the chain ends in a trusted 10.x hop).
    const first = [];
    for (let i = 0; i <= points; i++) first.push(await ask(behindProxy.url, "198.51.100.1, 10.1.2.3"));
    expect(first).toEqual([...Array(points).fill(200), 429]);
    expect(await ask(behindProxy.url, "198.51.100.2, 10.1.2.3")).toBe(200);
  });

  it("does not let a client behind the proxy choose its address by writing the header itself", async () => {
    // The client sends "X-Forwarded-For: <made up>"; the proxy appends the client's real
    // address. Only the rightmost untrusted entry counts, so the made-up one changes nothing.
    const statuses = [];
    for (let i = 0; i <= points; i++)
      statuses.push(await ask(behindProxy.url, `192.0.2.${i + 10}, 203.0.113.9`));
    expect(statuses).toEqual([...Array(points).fill(200), 429]);
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", async () => {
    const statuses = [];
    for (let i = 0; i <= points; i++) statuses.push(await ask(direct.url, `198.51.100.${i + 50}`));
    expect(statuses).toEqual([...Array(points).fill(200), 429]);
  });

  it("refuses to start with a malformed TRUSTED_PROXIES, naming the variable", async () => {
    await expect(startGateway("10.0.0.0/99, proxy.example")).rejects.toThrow(/TRUSTED_PROXIES/);
  });
});
