import type { Database } from "@samspill/database";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { authConfigFrom } from "../../../services/gateway/src/auth/config.js";
import {
  longestStateSeconds,
  redisAdapter,
} from "../../../services/gateway/src/auth/local-provider/redis-adapter.js";
import { parseGatewayEnv } from "../../../services/gateway/src/env.js";
import { testDatabase } from "../../support/db.js";
import { CookieJar, createSignInGateway, followRedirects, send, testOrigin } from "../../support/sign-in.js";

// The demo OpenID provider signs anyone in as anyone. It must run only when asked for by name
// (DEMO_SIGN_IN=on), never because a setting is missing, and never in production. And a
// sign-in begun and abandoned leaves nothing in Redis for good.

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(async () => {
  await db.$disconnect();
});

describe("demo sign-in only on purpose", () => {
  it("does not start without DEMO_SIGN_IN=on: no /oidc routes, sign-in not configured", async () => {
    const gateway = await createSignInGateway(db, { DEMO_SIGN_IN: "off" });
    try {
      const discovery = await gateway.app.fetch(
        new Request(`${testOrigin}/oidc/.well-known/openid-configuration`),
      );
      expect(discovery.status).toBe(404);
      const login = await gateway.app.fetch(new Request(`${testOrigin}/auth/login`));
      expect(login.status).toBe(503);
    } finally {
      await gateway.close();
    }
  });

  it("is off when NODE_ENV and every sign-in setting are unset", () => {
    const env = parseGatewayEnv({ DATABASE_URL: inject("databaseUrl"), REDIS_URL: inject("redisUrl") });
    expect(env.NODE_ENV).toBe("development");
    const config = authConfigFrom(env);
    expect(config.localProvider).toBe(false);
    expect(config.issuer).toBeNull();
  });

  it("refuses to start with NODE_ENV=production, and beside a real issuer", async () => {
    await expect(createSignInGateway(db, { DEMO_SIGN_IN: "on", NODE_ENV: "production" })).rejects.toThrow(
      /DEMO_SIGN_IN=on is refused with NODE_ENV=production/,
    );
    await expect(
      createSignInGateway(db, { DEMO_SIGN_IN: "on", OIDC_ISSUER: "https://helseid-sts.test.nhn.no" }),
    ).rejects.toThrow(/DEMO_SIGN_IN=on and OIDC_ISSUER/);
  });
});

describe("short-lived sign-in state", () => {
  it("gives every key of a begun sign-in a time to live", async () => {
    const prefix = `${inject("queuePrefix")}-signin-ttl`;
    const gateway = await createSignInGateway(db, { QUEUE_PREFIX: prefix });
    try {
      const jar = new CookieJar();
      const login = await send(gateway.app, jar, "/auth/login");
      const page = await followRedirects(gateway.app, jar, login, "/auth/login");
      expect(page.url.pathname).toMatch(/^\/oidc\/interaction\//);
      const keys = await gateway.redis.keys(`{${prefix}}:*`);
      expect(keys.some((k) => k.includes(":login-flow:"))).toBe(true);
      expect(keys.some((k) => k.includes(":oidc:"))).toBe(true);
      for (const key of keys) {
        const ttl = await gateway.redis.ttl(key);
        expect({ key, ttl: ttl > 0 && ttl <= longestStateSeconds }).toEqual({ key, ttl: true });
      }
    } finally {
      await gateway.close();
    }
  });

  it("expires what the provider stores without a lifetime, and caps a longer one", async () => {
    const gateway = await createSignInGateway(db);
    try {
      const prefix = `{${inject("queuePrefix")}-adapter}`;
      const adapter = redisAdapter(gateway.redis, prefix)("Grant");
      await adapter.upsert("forever", { accountId: "demo-kari" }, 0);
      await adapter.upsert("for-a-year", { accountId: "demo-kari" }, 365 * 24 * 3600);
      for (const id of ["forever", "for-a-year"]) {
        const ttl = await gateway.redis.ttl(`${prefix}:oidc:Grant:${id}`);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(longestStateSeconds);
      }
    } finally {
      await gateway.close();
    }
  });
});
