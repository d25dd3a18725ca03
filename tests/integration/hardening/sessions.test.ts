import { createHash } from "node:crypto";
import type { Database } from "@samspill/database";
import { seedDemoData } from "@samspill/seed";
import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { securityEventsMetric } from "../../../services/gateway/src/security-events.js";
import { testDatabase } from "../../support/db.js";
import {
  CookieJar,
  createSignInGateway,
  type SignInGateway,
  send,
  signInAs,
  testOrigin,
} from "../../support/sign-in.js";
import { openSse } from "../../support/sse.js";

// Sessions end: after the absolute lifetime however busy they are, and open subscriptions end
// with them, counted as refusals. Over https the cookies are `__Host-` cookies.

let db: Database;
let gateway: SignInGateway;
const registry = new Registry();

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  gateway = await createSignInGateway(db, {}, { subscriptionRecheckMs: 100, metrics: registry });
});
afterAll(async () => {
  await gateway.close();
  await db.$disconnect();
});

const me = (app: SignInGateway["app"], headers: Record<string, string>, origin = testOrigin) =>
  app.fetch(new Request(`${origin}/auth/me`, { headers }));

describe("absolute session lifetime", () => {
  it("refuses a session older than SESSION_MAX_AGE_SECONDS even while it is in use", async () => {
    const { headers, sessionId } = await signInAs(gateway.app, "demo-kari");
    expect((await me(gateway.app, headers)).status).toBe(200);
    // The session was signed in 13 hours ago and used a moment ago (its idle time is fresh).
    const key = `{${inject("queuePrefix")}}:session:${createHash("sha256").update(sessionId).digest("base64url")}`;
    const record = JSON.parse((await gateway.redis.get(key)) ?? "null") as { createdAt: string };
    record.createdAt = new Date(Date.now() - 13 * 3600_000).toISOString();
    await gateway.redis.set(key, JSON.stringify(record), "KEEPTTL");
    expect((await me(gateway.app, headers)).status).toBe(401);
    expect(await gateway.redis.exists(key)).toBe(0);
  });

  it("never lets the idle lifetime reach past the absolute one", async () => {
    const { headers, sessionId } = await signInAs(gateway.app, "demo-kari");
    const key = `{${inject("queuePrefix")}}:session:${createHash("sha256").update(sessionId).digest("base64url")}`;
    const record = JSON.parse((await gateway.redis.get(key)) ?? "null") as { createdAt: string };
    // 11 h 59 min after sign-in: one minute of the 12 h left, although the idle lifetime is 8 h.
    record.createdAt = new Date(Date.now() - (12 * 3600 - 60) * 1000).toISOString();
    await gateway.redis.set(key, JSON.stringify(record), "KEEPTTL");
    expect((await me(gateway.app, headers)).status).toBe(200);
    expect(await gateway.redis.ttl(key)).toBeLessThanOrEqual(60);
  });
});

describe("__Host- cookies over https", () => {
  it("names the session and sign-in cookies __Host-, Secure, Path=/ and without Domain", async () => {
    const origin = "https://samspill.test";
    const secure = await createSignInGateway(db, {
      PUBLIC_URL: origin,
      WEB_ORIGIN: origin,
      OIDC_LOCAL_ISSUER: `${origin}/oidc`,
    });
    try {
      const login = await send(secure.app, new CookieJar(), `${origin}/auth/login`);
      const flowCookie = login.headers.getSetCookie().find((c) => c.startsWith("__Host-samspill_login="));
      expect(flowCookie).toMatch(/; Path=\/(;|$)/);
      expect(flowCookie).toMatch(/; Secure/);
      expect(flowCookie).not.toMatch(/Domain=/i);

      const signedIn = await signInAs(secure.app, "demo-kari", "/", origin);
      expect(signedIn.headers.cookie).toMatch(/^__Host-samspill_session=/);
      expect((await me(secure.app, signedIn.headers, origin)).status).toBe(200);
      // The unprefixed name, which a sibling subdomain or plain-http page could set, is ignored.
      const planted = { ...signedIn.headers, cookie: `samspill_session=${signedIn.sessionId}` };
      expect((await me(secure.app, planted, origin)).status).toBe(401);
    } finally {
      await secure.close();
    }
  });
});

describe("subscriptions end with their session", () => {
  it("closes an open organisationEvents stream when the session is signed out", async () => {
    const { headers } = await signInAs(gateway.app, "demo-kari");
    const who = (await (await me(gateway.app, headers)).json()) as {
      memberships: { organisationId: string }[];
    };
    const organisationId = who.memberships[0]?.organisationId;
    const response = await gateway.app.fetch(
      new Request(`${testOrigin}/graphql`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify({
          query: "subscription ($id: ID!) { organisationEvents(organisationId: $id) { id } }",
          variables: { id: organisationId },
        }),
      }),
    );
    const stream = await openSse(response);
    try {
      // Open and authorised: nothing arrives, and the stream stays open.
      await expect(stream.next(500)).rejects.toThrow(/no SSE message in time/);
      const logout = await gateway.app.fetch(
        new Request(`${testOrigin}/auth/logout`, {
          method: "POST",
          headers: { ...headers, accept: "application/json" },
        }),
      );
      expect(logout.status).toBe(200);
      await expect(stream.next(3_000)).rejects.toThrow(/SSE stream ended/);
      // The stream's end is a refusal like any other, though its request began long ago.
      const counted = (await registry.getSingleMetric(securityEventsMetric)?.get())?.values ?? [];
      expect(counted).toContainEqual(
        expect.objectContaining({ labels: { kind: "denied", reason: "subscription-ended" }, value: 1 }),
      );
    } finally {
      await stream.close();
    }
  });
});
