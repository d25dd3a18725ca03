import { randomBytes } from "node:crypto";
import type { Database } from "@samspill/database";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { createSignInGateway, type SignInGateway, testOrigin } from "../../support/sign-in.js";

// Rate limits keyed on who the gateway verified the caller to be, else on the address; and the
// routes beside /graphql (sign-in, the demo provider, exports, calendar feeds) have limits of
// their own. The real sign-in gateway, in-process; the socket peer is given as hono's node
// server would give it, so each test plays clients at addresses of its own.

let db: Database;
let redis: Redis;
let gateway: SignInGateway;
let run = 0;

async function gatewayWith(limits: {
  points?: number;
  signInPoints?: number;
  exportPoints?: number;
  unknownTokenPoints?: number;
}) {
  await gateway?.close();
  run += 1;
  gateway = await createSignInGateway(
    db,
    {},
    {
      rateLimit: {
        redis,
        keyPrefix: `{${inject("queuePrefix")}}:keys-${Date.now()}-${run}`,
        points: limits.points ?? 100,
        windowSeconds: 60,
        ...limits,
      },
    },
  );
  return gateway;
}

beforeAll(() => {
  db = testDatabase();
  redis = new Redis(inject("redisUrl"));
});
afterAll(async () => {
  await gateway?.close();
  await redis.quit();
  await db.$disconnect();
});

/** A request from `address` as the node server would hand it to the app. */
async function from(address: string, path: string, headers: Record<string, string> = {}, body?: string) {
  const request = new Request(new URL(path, testOrigin), {
    method: body ? "POST" : "GET",
    headers: { ...(body ? { "content-type": "application/json" } : {}), ...headers },
    body,
    redirect: "manual",
  });
  const response = await gateway.app.fetch(request, { incoming: { socket: { remoteAddress: address } } });
  await response.arrayBuffer();
  return response.status;
}

const health = JSON.stringify({ query: "{ health { ok } }" });
const randomBearer = () => ({ authorization: `Bearer sp_${randomBytes(24).toString("base64url")}` });

describe("rate limit keys", () => {
  it("counts made-up bearer tokens against the address: a new string buys no new bucket", async () => {
    await gatewayWith({ points: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await from("203.0.113.10", "/graphql", randomBearer(), health));
    expect(statuses).toEqual([200, 200, 200, 429]);
    // The same address without any token is the same client, and just as limited.
    expect(await from("203.0.113.10", "/graphql", {}, health)).toBe(429);
    // Another address is another client.
    expect(await from("203.0.113.11", "/graphql", randomBearer(), health)).toBe(200);
  });

  it("limits repeated unknown tokens on their own, tighter than the address's budget", async () => {
    await gatewayWith({ points: 100, unknownTokenPoints: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await from("203.0.113.20", "/graphql", randomBearer(), health));
    expect(statuses).toEqual([200, 200, 200, 429]);
    // Without a token the address still has most of its budget.
    expect(await from("203.0.113.20", "/graphql", {}, health)).toBe(200);
  });

  it("a made-up session cookie counts against the address too", async () => {
    await gatewayWith({ points: 2 });
    const cookie = () => ({ cookie: `samspill_session=${randomBytes(32).toString("base64url")}` });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await from("203.0.113.30", "/auth/me", cookie()));
    expect(statuses).toEqual([401, 401, 429]);
  });
});

describe("routes beside /graphql", () => {
  it("limits sign-in and the OpenID provider's routes per address", async () => {
    await gatewayWith({ signInPoints: 2 });
    expect([await from("198.51.100.1", "/auth/login"), await from("198.51.100.1", "/auth/login")]).toEqual([
      302, 302,
    ]);
    expect(await from("198.51.100.1", "/auth/login")).toBe(429);
    expect(await from("198.51.100.1", "/auth/callback?code=x&state=y")).toBe(429);

    const discovery = "/oidc/.well-known/openid-configuration";
    expect([await from("198.51.100.2", discovery), await from("198.51.100.2", discovery)]).toEqual([
      200, 200,
    ]);
    expect(await from("198.51.100.2", discovery)).toBe(429);
    // Another address signs in undisturbed.
    expect(await from("198.51.100.3", "/auth/login")).toBe(302);
  });

  it("limits exports and calendar feeds", async () => {
    await gatewayWith({ exportPoints: 2 });
    const csv = "/export/offers.csv";
    expect([await from("198.51.100.10", csv), await from("198.51.100.10", csv)]).toEqual([200, 200]);
    expect(await from("198.51.100.10", csv)).toBe(429);
    expect(await from("198.51.100.10", "/export/offers.hsds.json")).toBe(429);

    const feed = "/calendar/meeting-points.ics";
    expect([await from("198.51.100.11", feed), await from("198.51.100.11", feed)]).toEqual([401, 401]);
    expect(await from("198.51.100.11", feed)).toBe(429);
    const offerFeed = "/calendar/offers/00000000-0000-4000-8000-000000000000.ics";
    expect(await from("198.51.100.11", offerFeed)).toBe(429);
    // The public feeds, the private one and the harvesting APIs share the same budget.
    for (const path of [
      "/calendar/municipalities/1506.ics",
      "/calendar/providers/00000000-0000-4000-8000-000000000000.ics",
      `/calendar/people/${"A".repeat(43)}.ics`,
      "/export/hsds/services",
      "/export/fhir/HealthcareService",
      "/export/posters/municipalities/1506.pdf",
      "/embed/municipalities/1506",
    ])
      expect(await from("198.51.100.11", path), path).toBe(429);
  });
});
