import type { Database } from "@samspill/database";
import { createGateway } from "@samspill/gateway";
import { Redis } from "ioredis";
import { pino } from "pino";
import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { createSignInGateway, type SignInGateway, testOrigin } from "../../support/sign-in.js";

// Security headers on every response of the gateway, whatever answered it; and /metrics, which
// tells an outsider how busy the hub is, closed to anonymous callers.

let db: Database;
let redis: Redis;
let signInGateway: SignInGateway;

beforeAll(async () => {
  db = testDatabase();
  redis = new Redis(inject("redisUrl"));
  signInGateway = await createSignInGateway(db);
});
afterAll(async () => {
  await signInGateway.close();
  await redis.quit();
  await db.$disconnect();
});

function plainGateway(options: Partial<Parameters<typeof createGateway>[0]> = {}) {
  return createGateway({
    db,
    log: pino({ level: "silent" }),
    production: true,
    webOrigin: testOrigin,
    ...options,
  }).app;
}

const json = { "content-type": "application/json" };
const post = (body: string, headers: Record<string, string> = json) =>
  new Request(`${testOrigin}/graphql`, { method: "POST", headers, body });

function expectSecurityHeaders(what: string, response: Response) {
  const h = response.headers;
  expect({ what, csp: h.get("content-security-policy") }).toEqual({
    what,
    csp: expect.stringMatching(/default-src 'none'.*frame-ancestors 'none'/),
  });
  expect({ what, hsts: h.get("strict-transport-security") }).toEqual({
    what,
    hsts: expect.stringMatching(/^max-age=\d{7,}/),
  });
  expect({ what, nosniff: h.get("x-content-type-options") }).toEqual({ what, nosniff: "nosniff" });
  expect({ what, referrer: h.get("referrer-policy") }).toEqual({ what, referrer: "no-referrer" });
}

describe("security headers", () => {
  it("are on GraphQL answers, exports, calendar files, sign-in pages, 404s, 413s, 429s and errors", async () => {
    const broken = new Proxy({} as Database, {
      get() {
        throw new Error("the export's database exploded");
      },
    });
    const app = plainGateway();
    const limited = plainGateway({
      rateLimit: {
        redis,
        keyPrefix: `{${inject("queuePrefix")}}:headers-${Date.now()}`,
        points: 1,
        windowSeconds: 60,
      },
    });
    await limited.fetch(post('{"query":"{ health { ok } }"}'));
    const cases: [string, Response][] = [
      ["graphql", await app.fetch(post('{"query":"{ health { ok } }"}'))],
      ["graphql error", await app.fetch(post('{"query":"{ nope }"}'))],
      ["graphql GET", await app.fetch(new Request(`${testOrigin}/graphql?query=%7Bhealth%7Bok%7D%7D`))],
      ["csv export", await app.fetch(new Request(`${testOrigin}/export/offers.csv`))],
      ["hsds export", await app.fetch(new Request(`${testOrigin}/export/offers.hsds.json`))],
      ["calendar 401", await app.fetch(new Request(`${testOrigin}/calendar/meeting-points.ics`))],
      ["404", await app.fetch(new Request(`${testOrigin}/no/such/route`))],
      ["413", await app.fetch(post(`{"query":"{ health { ok } }"} ${" ".repeat(1_100_000)}`))],
      ["429", await limited.fetch(post('{"query":"{ health { ok } }"}'))],
      ["healthz", await app.fetch(new Request(`${testOrigin}/healthz`))],
      [
        "500",
        await plainGateway({ replica: broken }).fetch(
          new Request(`${testOrigin}/calendar/offers/00000000-0000-4000-8000-000000000000.ics`),
        ),
      ],
      ["sign-in redirect", await signInGateway.app.fetch(new Request(`${testOrigin}/auth/login`))],
      ["signed out", await signInGateway.app.fetch(new Request(`${testOrigin}/auth/me`))],
      [
        "demo provider",
        await signInGateway.app.fetch(new Request(`${testOrigin}/oidc/.well-known/openid-configuration`)),
      ],
    ];
    expect(cases.map(([what, r]) => [what, r.status])).toEqual([
      ["graphql", 200],
      ["graphql error", 200],
      ["graphql GET", 200],
      ["csv export", 200],
      ["hsds export", 200],
      ["calendar 401", 401],
      ["404", 404],
      ["413", 413],
      ["429", 429],
      ["healthz", 200],
      ["500", 500],
      ["sign-in redirect", 302],
      ["signed out", 401],
      ["demo provider", 200],
    ]);
    for (const [what, response] of cases) expectSecurityHeaders(what, response);
  });
});

describe("/metrics", () => {
  const registry = new Registry();
  const metricsRequest = (headers: Record<string, string> = {}) =>
    new Request(`${testOrigin}/metrics`, { headers });
  const peer = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

  it("refuses an anonymous caller from elsewhere, or one forwarded by a proxy", async () => {
    const app = plainGateway({ metrics: registry });
    expect((await app.fetch(metricsRequest())).status).toBe(404);
    expect((await app.fetch(metricsRequest(), peer("203.0.113.5"))).status).toBe(404);
    const forwarded = metricsRequest({ "x-forwarded-for": "203.0.113.5" });
    expect((await app.fetch(forwarded, peer("127.0.0.1"))).status).toBe(404);
    // A caller on the gateway's own host, straight to it, is the local operator.
    expect((await app.fetch(metricsRequest(), peer("127.0.0.1"))).status).toBe(200);
  });

  it("with METRICS_TOKEN, answers only the bearer of that token, wherever it calls from", async () => {
    const token = "metrics-token-0123456789abcdef";
    const app = plainGateway({ metrics: registry, metricsToken: token });
    expect((await app.fetch(metricsRequest(), peer("127.0.0.1"))).status).toBe(404);
    const wrong = metricsRequest({ authorization: "Bearer metrics-token-0123456789abcdeX" });
    expect((await app.fetch(wrong, peer("10.0.0.9"))).status).toBe(404);
    const right = await app.fetch(metricsRequest({ authorization: `Bearer ${token}` }), peer("10.0.0.9"));
    expect(right.status).toBe(200);
    expect(right.headers.get("content-type")).toMatch(/text\/plain/);
  });
});
