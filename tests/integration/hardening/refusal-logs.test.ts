import { Writable } from "node:stream";
import type { Database } from "@samspill/database";
import { createLogger } from "@samspill/events";
import { seedDemoData } from "@samspill/seed";
import { seedId } from "@samspill/seed/ids";
import { Redis } from "ioredis";
import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createGateway } from "../../../services/gateway/src/app.js";
import { sessionCookieName } from "../../../services/gateway/src/auth/cookies.js";
import { securityEventsMetric } from "../../../services/gateway/src/security-events.js";
import { testDatabase } from "../../support/db.js";
import { viewerWith } from "../../support/gateway.js";
import { createSignInGateway, type SignInGateway, testOrigin } from "../../support/sign-in.js";

// Refused requests are logged (one warning each, with the request id and no personal data) and
// counted on the gateway's metrics registry: authorisation refusals (a Pothos scope check, a
// command's ForbiddenError), rate-limit hits and requests without the CSRF header. Errors are
// logged through the services' logger, which scrubs e-mail addresses.

let db: Database;
let redis: Redis;
let gateway: SignInGateway;
let registry: Registry;
let log: ReturnType<typeof createLogger>;
const lines: string[] = [];

const email = "kari.nordmann@example.no";

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  redis = new Redis(inject("redisUrl"));
  registry = new Registry();
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).trim().split("\n"));
      done();
    },
  });
  log = createLogger("gateway", "info", stream);
  gateway = await createSignInGateway(
    db,
    {},
    {
      log,
      metrics: registry,
      rateLimit: {
        redis,
        keyPrefix: `{${inject("queuePrefix")}}:refusals-${Date.now()}`,
        points: 3,
        windowSeconds: 60,
      },
    },
  );
  gateway.app.get("/test/fails-with-personal-data", () => {
    throw Object.assign(new Error(`mail to ${email} failed`), { response: `550 <${email}> rejected` });
  });
});
afterAll(async () => {
  await gateway.close();
  await redis.quit();
  await db.$disconnect();
});

let address = 0;
/** A request from an address of its own (so rate limits do not carry over between tests). */
async function send(
  path: string,
  init: { headers?: Record<string, string>; body?: unknown; from?: string } = {},
) {
  const request = new Request(new URL(path, testOrigin), {
    method: init.body ? "POST" : "GET",
    headers: { ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const from = init.from ?? `198.51.100.${++address}`;
  const response = await gateway.app.fetch(request, { incoming: { socket: { remoteAddress: from } } });
  await response.arrayBuffer();
  return response;
}

const logged = (requestId: string) =>
  lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.requestId === requestId);

async function counted(kind: string, reason: string): Promise<number> {
  const metric = await registry.getSingleMetric(securityEventsMetric)?.get();
  return metric?.values.find((v) => v.labels.kind === kind && v.labels.reason === reason)?.value ?? 0;
}

describe("refused requests are logged and counted", () => {
  it("logs and counts a Pothos scope refusal with the request id and the field", async () => {
    const before = await counted("denied", "scope");
    const response = await send("/graphql", {
      headers: { "x-request-id": "scope-refusal-1" },
      body: { query: `{ auditTrail(entityType: "Measure", entityId: "x") { edges { node { id } } } }` },
    });
    expect(response.status).toBe(200);
    expect(await counted("denied", "scope")).toBe(before + 1);
    expect(logged("scope-refusal-1")).toContainEqual(
      expect.objectContaining({ level: 40, security: "denied", reason: "scope", field: "auditTrail" }),
    );
  });

  it("logs and counts a command's ForbiddenError answered as a typed result", async () => {
    const before = await counted("denied", "forbidden");
    const measureId = seedId("measure:hmn-rhf-2023-2027:2.1.3-2");
    const version = (await db.measure.findUniqueOrThrow({ where: { id: measureId } })).version;
    // An admin of another hospital trust: signed in, but no party to the plan.
    const { app } = createGateway({
      db,
      log,
      metrics: registry,
      production: false,
      webOrigin: testOrigin,
      resolveViewer: async () => viewerWith([{ org: "hf:stolav", role: "ADMIN" }]),
    });
    const response = await app.fetch(
      new Request(new URL("/graphql", testOrigin), {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": "forbidden-1" },
        body: JSON.stringify({
          query: `mutation($input: UpdateMeasureStatusInput!) { updateMeasureStatus(input: $input) { __typename } }`,
          variables: { input: { id: measureId, version, status: "ONGOING" } },
        }),
      }),
    );
    expect(await response.json()).toEqual({
      data: { updateMeasureStatus: { __typename: "ForbiddenError" } },
    });
    expect(await counted("denied", "forbidden")).toBeGreaterThan(before);
    expect(logged("forbidden-1")).toContainEqual(
      expect.objectContaining({ security: "denied", reason: "forbidden" }),
    );
  });

  it("logs and counts a rate-limit hit", async () => {
    const before = await counted("rate_limited", "api");
    const from = "203.0.113.77";
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const response = await send("/graphql", {
        from,
        headers: { "x-request-id": `limited-${i}` },
        body: { query: "{ health { ok } }" },
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(await counted("rate_limited", "api")).toBe(before + 1);
    expect(logged("limited-3")).toContainEqual(
      expect.objectContaining({ security: "rate_limited", reason: "api", path: "/graphql" }),
    );
    expect(logged("limited-2").some((l) => l.security)).toBe(false);
  });

  it("logs and counts a request with the session cookie but without the CSRF header", async () => {
    const before = await counted("csrf_failed", "header-missing");
    const response = await send("/graphql", {
      headers: { "x-request-id": "csrf-1", cookie: `${sessionCookieName}=whatever` },
      body: { query: "{ health { ok } }" },
    });
    expect(response.status).toBe(403);
    expect(await counted("csrf_failed", "header-missing")).toBe(before + 1);
    expect(logged("csrf-1")).toContainEqual(expect.objectContaining({ security: "csrf_failed" }));
  });

  it("exposes the counter on /metrics", async () => {
    const metrics = await registry.metrics();
    expect(metrics).toContain(`${securityEventsMetric}{kind="denied",reason="scope"}`);
    expect(metrics).toContain(`${securityEventsMetric}{kind="csrf_failed",reason="header-missing"}`);
  });

  it("logs no personal data: the caller's address, cookie and an error's e-mail address stay out", async () => {
    const response = await send("/test/fails-with-personal-data", { headers: { "x-request-id": "error-1" } });
    expect(response.status).toBe(500);
    const errorLine = logged("error-1").find((l) => l.msg === "unhandled error");
    expect(errorLine).toBeDefined();
    expect(JSON.stringify(errorLine)).toContain("[e-mail]");
    const all = lines.join("\n");
    expect(all).not.toContain(email);
    expect(all).not.toContain("198.51.100.");
    expect(all).not.toContain("203.0.113.77");
    expect(all).not.toContain("whatever");
  });

  it("replaces a request id that is not a plain token before it reaches the logs", async () => {
    const response = await send("/graphql", {
      headers: { "x-request-id": `${email} <script>` },
      body: { query: "{ health { ok } }" },
    });
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(logged(id ?? "")).toHaveLength(1);
  });
});
