import type { Database } from "@samspill/database";
import { type ApiTokenScope, apiTokenScopes } from "@samspill/domain";
import { queueNames } from "@samspill/events";
import { seedDemoData } from "@samspill/seed";
import { Redis } from "ioredis";
import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { resolveApiToken } from "../../../services/gateway/src/auth/api-tokens.js";
import { testDatabase } from "../../support/db.js";
import { viewerWith } from "../../support/gateway.js";
import { createSignInGateway, type SignInGateway, testOrigin } from "../../support/sign-in.js";
import { type Caller, headersOf, outsiders } from "./callers.js";
import { createForeignObjects, type ForeignObjects, leaks, ownerKey } from "./foreign-objects.js";
import { adminToken } from "./token-callers.js";

// Every route of the gateway as it runs in production (sign-in, exports, calendars, metrics,
// the queue dashboard, GraphQL), called with another organisation's ids by every kind of
// outsider. Each answer is refused, or holds nothing of that organisation's private things.
// The routes are read from the hono app itself, so a route added without a row fails here.

interface RouteRow {
  /** The request to make; `:params` in the route's path are filled in by `fill`. */
  request?: (f: ForeignObjects) => { path?: string; body?: string; headers?: Record<string, string> };
  /** Statuses an outsider may get; the body is then searched for the foreign organisation's things. */
  statuses: number[];
}

const graphqlBody = (f: ForeignObjects) =>
  JSON.stringify({
    query:
      "query($offer: ID!, $agreement: ID!) { offer(id: $offer) { id title } agreement(id: $agreement) { id title } }",
    variables: { offer: f.draftOfferId, agreement: f.agreementId },
  });

const rows: Record<string, RouteRow> = {
  "GET /healthz": { statuses: [200] },
  "GET /metrics": { statuses: [404] },
  "GET /export/offers.hsds.json": {
    request: (f) => ({ path: `?provider=${f.organisationId}` }),
    statuses: [200],
  },
  "GET /export/offers.fhir.json": {
    request: (f) => ({ path: `?provider=${f.organisationId}` }),
    statuses: [200],
  },
  "GET /export/a0099.json": { request: () => ({ path: "?period=2026" }), statuses: [200] },
  "GET /export/a0099.csv": { request: () => ({ path: "?period=2026" }), statuses: [200] },
  // The crossed overview's gaps count published offers only; nothing of a draft can appear.
  "GET /export/crossed-gaps.csv": {
    request: (f) => ({ path: `?hospitalTrust=${f.organisationId}&rows=MUNICIPALITY&columns=LANGUAGE` }),
    statuses: [200],
  },
  "GET /export/offers.csv": { request: (f) => ({ path: `?provider=${f.organisationId}` }), statuses: [200] },
  "GET /calendar/offers/:file{[0-9a-f-]{36}\\.ics}": {
    request: (f) => ({ path: `/calendar/offers/${f.draftOfferId}.ics` }),
    statuses: [404],
  },
  "GET /calendar/meeting-points.ics": { statuses: [200, 401] },
  // Public feeds and harvesting APIs: published offers only, so the draft never shows.
  "GET /calendar/municipalities/:file{[^/]+\\.ics}": {
    request: () => ({ path: "/calendar/municipalities/1506.ics" }),
    statuses: [200],
  },
  "GET /calendar/hospital-trusts/:file{[^/]+\\.ics}": {
    request: (f) => ({ path: `/calendar/hospital-trusts/${f.organisationId}.ics` }),
    statuses: [200, 404],
  },
  "GET /calendar/providers/:file{[^/]+\\.ics}": {
    request: (f) => ({ path: `/calendar/providers/${f.organisationId}.ics` }),
    statuses: [200],
  },
  // The half-yearly posters and the embeddable list: published offers only.
  "GET /export/posters/municipalities/:file{[^/]+\\.pdf}": {
    request: () => ({ path: "/export/posters/municipalities/1506.pdf" }),
    statuses: [200],
  },
  "GET /export/posters/hospital-trusts/:file{[^/]+\\.pdf}": {
    request: (f) => ({ path: `/export/posters/hospital-trusts/${f.organisationId}.pdf` }),
    statuses: [200, 404],
  },
  "GET /embed/municipalities/:number": {
    request: () => ({ path: "/embed/municipalities/1506" }),
    statuses: [200],
  },
  // A person's private feed: only its token opens it; a made-up one is answered like a revoked one.
  "GET /calendar/people/:file{[^/]+\\.ics}": {
    request: () => ({ path: `/calendar/people/${"A".repeat(43)}.ics` }),
    statuses: [404],
  },
  "GET /export/hsds": { statuses: [200] },
  "GET /export/hsds/services": { request: () => ({ path: "?per_page=100" }), statuses: [200] },
  "GET /export/hsds/services/:id": {
    request: (f) => ({ path: `/export/hsds/services/${f.draftOfferId}` }),
    statuses: [404],
  },
  "GET /export/hsds/organizations": { request: () => ({ path: "?per_page=100" }), statuses: [200] },
  "GET /export/hsds/organizations/:id": {
    request: (f) => ({ path: `/export/hsds/organizations/${f.organisationId}` }),
    statuses: [200, 404],
  },
  "GET /export/hsds/taxonomies": { statuses: [200] },
  "GET /export/fhir/HealthcareService": { request: () => ({ path: "?_count=100" }), statuses: [200] },
  "GET /export/fhir/HealthcareService/:id": {
    request: (f) => ({ path: `/export/fhir/HealthcareService/${f.draftOfferId}` }),
    statuses: [404],
  },
  // The import template is public; an upload into another organisation is refused.
  "GET /imports/offers/template.csv": { statuses: [200] },
  "GET /imports/offers/template.xlsx": { statuses: [200] },
  "POST /imports/offers": {
    request: (f) => ({
      path: `?organisationId=${f.organisationId}&fileName=tilbud.csv`,
      body: "reference;title;summary\nR-1;Kurs;Om kurset\n",
      headers: { "content-type": "text/csv", "x-samspill-csrf": "1" },
    }),
    statuses: [401, 403],
  },
  // The queue dashboard and every API route bull-board adds under it: RHF admins only.
  "* /admin/queues/*": { request: () => ({ headers: { accept: "application/json" } }), statuses: [401, 403] },
  "GET /graphql": {
    request: (f) => ({
      path: `?query=${encodeURIComponent(`{ offer(id: "${f.draftOfferId}") { id title } }`)}`,
      headers: { accept: "application/json" },
    }),
    statuses: [200],
  },
  "POST /graphql": {
    request: (f) => ({ body: graphqlBody(f), headers: { "content-type": "application/json" } }),
    statuses: [200],
  },
  "OPTIONS /graphql": { statuses: [204, 200] },
  "GET /auth/login": { request: () => ({ path: "?returnTo=/" }), statuses: [302] },
  "GET /auth/callback": { request: () => ({ path: "?code=x&state=y" }), statuses: [400] },
  "POST /auth/logout": { request: () => ({ headers: { accept: "application/json" } }), statuses: [200] },
  "GET /auth/me": { statuses: [200, 401] },
  "ALL /oidc/*": { request: () => ({ path: "/oidc/.well-known/openid-configuration" }), statuses: [200] },
  // The mails' one-click unsubscribe needs no sign-in: a token for the foreign member's digest
  // made without the server's secret is refused (403); a GET only leads to the confirmation page.
  "POST /unsubscribe": {
    request: (f) => ({
      path: `?token=v1.${f.personId}.WEEKLY_DIGEST.${"A".repeat(43)}`,
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    }),
    statuses: [403],
  },
  "GET /unsubscribe": {
    request: (f) => ({ path: `?token=v1.${f.personId}.WEEKLY_DIGEST.${"A".repeat(43)}` }),
    statuses: [303],
  },
};

let db: Database;
let foreign: ForeignObjects;
let callers: Caller[];
let redis: Redis;
let gateway: SignInGateway;
beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  foreign = await createForeignObjects(db);
  callers = await outsiders(db, foreign);
  redis = new Redis(inject("redisUrl"));
});
afterAll(async () => {
  await gateway?.close();
  await redis.quit();
  await db.$disconnect();
});

/** The production app's routes (middleware left out), each as "METHOD path". */
function routesOf(app: SignInGateway["app"]): { method: string; path: string }[] {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => r.method !== "ALL" || r.handler.length < 2)
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
    .map((r) => ({ method: r.method, path: r.path }));
}

const rowKey = (route: { method: string; path: string }) =>
  route.path.startsWith("/admin/queues") ? "* /admin/queues/*" : `${route.method} ${route.path}`;

/** A concrete URL path for a route pattern: a real queue name, any job id, the rest plain words. */
const fill = (path: string) =>
  path
    .replace(":queueName", Object.values(queueNames)[0] ?? "q")
    .replace(/:([A-Za-z]+)(\{[^}]*\})?/g, (_, name: string) => `${name}-1`)
    .replace(/\/\*$/, "/index.html");

async function call(route: { method: string; path: string }, caller: Caller | null, viewerHeaders = {}) {
  const made = rows[rowKey(route)]?.request?.(foreign) ?? {};
  const path = made.path?.startsWith("/") ? made.path : `${fill(route.path)}${made.path ?? ""}`;
  const method = route.method === "ALL" ? "GET" : route.method;
  const response = await gateway.app.fetch(
    new Request(`${testOrigin}${path}`, {
      method,
      headers: { ...made.headers, ...viewerHeaders, ...(caller ? headersOf(caller) : {}) },
      body: method === "GET" || method === "OPTIONS" ? undefined : (made.body ?? "{}"),
    }),
  );
  return { status: response.status, body: await response.text(), path };
}

describe("every REST route", () => {
  let current: Caller | null = null;
  beforeAll(async () => {
    // One app; the viewer of a request is whichever caller the test is playing.
    gateway = await createSignInGateway(
      db,
      {},
      {
        metrics: new Registry(),
        queueDashboard: { redis, prefix: `{${inject("queuePrefix")}}` },
        resolveViewer: async (request) => {
          const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
          return bearer ? resolveApiToken(db, bearer) : (current?.viewer ?? null);
        },
      },
    );
  });

  it("has a row for each route, and no row for a route that is gone", () => {
    const keys = new Set(routesOf(gateway.app).map(rowKey));
    expect([...keys].sort()).toEqual(Object.keys(rows).sort());
  });

  it("shows the owner its private meetings in the calendar feed (so the outsiders' check has bite)", async () => {
    current = { name: "owner", viewer: viewerWith([{ org: ownerKey, role: "ADMIN" }]) };
    const feed = await call({ method: "GET", path: "/calendar/meeting-points.ics" }, current);
    expect(feed.body).toContain(foreign.secret);
    const csv = await call({ method: "GET", path: "/export/offers.csv" }, current);
    expect(csv.body).toContain("Offentlig kurs i Molde");
  });

  it("answers the owner's token without the read scope as a signed-out caller, as GraphQL does", async () => {
    const feed = { method: "GET", path: "/calendar/meeting-points.ics" };
    const bearer = async (scopes: readonly ApiTokenScope[]) => ({
      authorization: `Bearer ${(await adminToken(db, ownerKey, scopes)).token}`,
    });
    const withRead = await call(feed, null, await bearer(apiTokenScopes));
    expect(withRead.body).toContain(foreign.secret);
    const writeOnly = apiTokenScopes.filter((s) => s !== "read");
    const withoutRead = await call(feed, null, await bearer(writeOnly));
    expect(withoutRead.status).toBe(401);
    expect(leaks(foreign, withoutRead.body)).toEqual([]);
    const csv = await call({ method: "GET", path: "/export/offers.csv" }, null, await bearer(writeOnly));
    expect(csv.body).toContain("Offentlig kurs i Molde");
    expect(leaks(foreign, csv.body)).toEqual([]);
  });

  it("refuses every outsider or gives them nothing of the foreign organisation", async () => {
    const problems: string[] = [];
    const routes = routesOf(gateway.app);
    for (const caller of callers) {
      current = caller;
      let clean = 0;
      for (const route of routes) {
        const row = rows[rowKey(route)];
        if (!row) throw new Error(`no row for ${route.method} ${route.path}`);
        const answer = await call(route, caller);
        const where = `${caller.name} → ${route.method} ${answer.path}`;
        const leaked = leaks(foreign, answer.body);
        if (!row.statuses.includes(answer.status)) problems.push(`${where}: status ${answer.status}`);
        else if (leaked.length > 0) problems.push(`${where} leaks ${leaked.join(", ")}`);
        else clean++;
      }
      console.log(
        `[security] REST routes with foreign ids for ${caller.name}: ${clean} of ${routes.length} refused or give nothing of the other organisation`,
      );
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
