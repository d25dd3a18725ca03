import type { Database } from "@samspill/database";
import { createGateway } from "@samspill/gateway";
import type { Viewer } from "@samspill/gateway/context";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testDatabase } from "../../support/db.js";

let db: Database;
let redis: Redis;

beforeAll(() => {
  db = testDatabase();
  redis = new Redis(inject("redisUrl"));
});
afterAll(async () => {
  await db.$disconnect();
  await redis.quit();
});

function gateway(options: Partial<Parameters<typeof createGateway>[0]> = {}) {
  return createGateway({
    db,
    log: pino({ level: "silent" }),
    production: false,
    webOrigin: "http://web.test",
    ...options,
  }).app;
}

async function post(app: ReturnType<typeof gateway>, body: string, headers: Record<string, string> = {}) {
  const response = await app.fetch(
    new Request("http://gateway.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    }),
  );
  return { response, json: (await response.json()) as { data?: unknown; errors?: { message: string }[] } };
}

// Raw request bodies, deliberately outside `graphql()`: these are attack payloads and junk, not
// documents to type or validate against the schema.
const bodyOf = (query: string) => JSON.stringify({ query });

describe("query limits", () => {
  it("refuses a query nested deeper than the limit, without touching the database", async () => {
    const nested = `{ offers(first: 1) { edges { node { provider { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } } } } }`;
    const { response, json } = await post(gateway(), bodyOf(nested));
    expect(response.status).toBeLessThan(500);
    expect(json.errors?.[0]?.message).toMatch(/depth/i);
    expect(json.data ?? null).toBeNull();
  });

  it("refuses alias flooding", async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: health { ok }`).join(" ");
    const { json } = await post(gateway(), bodyOf(`{ ${aliases} }`));
    expect(json.errors?.[0]?.message).toMatch(/alias/i);
  });

  it("refuses an oversized body with 413", async () => {
    const huge = bodyOf(`{ health { ok } } # ${"x".repeat(1_100_000)}`);
    const { response } = await post(gateway(), huge);
    expect(response.status).toBe(413);
  });

  it("allows introspection in development and refuses it in production", async () => {
    const query = bodyOf("{ __schema { queryType { name } } }");
    expect((await post(gateway(), query)).json.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    const prod = await post(gateway({ production: true }), query);
    expect(prod.json.data ?? null).toBeNull();
    expect(prod.json.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it("echoes a request id, or makes one", async () => {
    const given = await post(gateway(), bodyOf("{ health { ok } }"), { "x-request-id": "req-123" });
    expect(given.response.headers.get("x-request-id")).toBe("req-123");
    const made = await post(gateway(), bodyOf("{ health { ok } }"));
    expect(made.response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("rate limit", () => {
  it("holds across gateway instances sharing Redis, and says when to retry", async () => {
    const rateLimit = {
      redis,
      keyPrefix: `{${inject("queuePrefix")}}:shared-${Date.now()}`,
      points: 5,
      windowSeconds: 60,
    };
    // Two verified API tokens (the resolver stands in for the token table).
    const resolveViewer = async (request: Request): Promise<Viewer | null> => {
      const token = request.headers.get("authorization")?.slice("Bearer ".length);
      return token === "sp_a" || token === "sp_b"
        ? { kind: "API_TOKEN", personId: null, tokenId: token, name: token, memberships: [] }
        : null;
    };
    const a = gateway({ rateLimit, resolveViewer });
    const b = gateway({ rateLimit, resolveViewer });
    const token = { authorization: "Bearer sp_a" };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await post(i % 2 ? b : a, bodyOf("{ health { ok } }"), token)).response.status);
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    expect(statuses[5]).toBe(429);
    const limited = await post(a, bodyOf("{ health { ok } }"), token);
    expect(Number(limited.response.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another client is not affected.
    const other = await post(b, bodyOf("{ health { ok } }"), { authorization: "Bearer sp_b" });
    expect(other.response.status).toBe(200);
  });
});
