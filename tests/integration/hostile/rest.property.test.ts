import type { Database } from "@samspill/database";
import { queuePrefix } from "@samspill/events";
import { createGateway } from "@samspill/gateway";
import { seedDemoData } from "@samspill/seed";
import fc from "fast-check";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { viewerWith } from "../../support/gateway.js";
import { hostileRequest, type RouteRow } from "../../support/hostile-requests.js";
import { createSignInGateway, type SignInGateway } from "../../support/sign-in.js";

// Every REST route of the gateway (exports, calendars, sign-in, the demo OpenID provider, the
// queue dashboard, GraphQL over GET) under hostile parameters: the answer is a 2xx, 3xx or 4xx,
// never a 500. The routes come from the app itself, so a new route is attacked too.

let db: Database;
let redis: Redis;
let anonymous: SignInGateway;
let admin: ReturnType<typeof createGateway>["app"];

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: null });
  // A private prefix: the dashboard's buttons (empty, obliterate …) reach no real queue.
  const queueDashboard = { redis, prefix: queuePrefix(`${inject("queuePrefix")}-hostile`) };
  anonymous = await createSignInGateway(db, {}, { queueDashboard });
  ({ app: admin } = createGateway({
    db,
    log: pino({ level: "silent" }),
    production: false,
    webOrigin: "http://gateway.test",
    resolveViewer: async () => viewerWith([{ org: "rhf:hmn", role: "ADMIN" }]),
    queueDashboard,
  }));
});
afterAll(async () => {
  await anonymous.close();
  await redis.quit();
  await db.$disconnect();
});

const exportKeys = [
  "text",
  "municipality",
  "provider",
  "providerKind",
  "hospitalTrust",
  "priorityGroup",
  "diagnosisCode",
  "diagnosisGroup",
  "audience",
  "format",
  "kind",
  "language",
  "accessibility",
  "limit",
  "offset",
];
/** The query parameters each route reads. */
const knownKeys: [RegExp, string[]][] = [
  [/^\/export\//, exportKeys],
  [/^\/auth\/login$/, ["returnTo"]],
  [/^\/auth\/callback$/, ["code", "state", "error", "iss", "session_state"]],
  [/^\/graphql$/, ["query", "variables", "operationName", "extensions"]],
  [/^\/oidc\//, ["client_id", "redirect_uri", "response_type", "scope", "state", "nonce", "code_challenge"]],
  [/^\/admin\/queues/, ["status", "page", "jobsPerPage", "search"]],
];
const cookieNames = [
  "samspill_session",
  "samspill_login",
  "__Host-samspill_session",
  "__Host-samspill_login",
];

/** The app's routes, one row per method and path (middleware-only rows included). */
const routesOf = (app: { routes: { method: string; path: string }[] }): RouteRow[] =>
  [
    ...new Map(app.routes.map((r) => [`${r.method} ${r.path}`, { method: r.method, path: r.path }])).values(),
  ].filter((r) => r.path !== "/*");

async function attack(
  app: { fetch(request: Request): Response | Promise<Response> },
  route: RouteRow,
  runs: number,
) {
  const keys = knownKeys.find(([pattern]) => pattern.test(route.path))?.[1] ?? [];
  const statuses = new Set<number>();
  await fc.assert(
    fc.asyncProperty(hostileRequest(route, { knownKeys: keys, cookieNames }), async (request) => {
      const url = request.url;
      const response = await app.fetch(request);
      statuses.add(response.status);
      await response.arrayBuffer();
      expect({
        url: url.slice(0, 300),
        status: response.status < 500 ? "below 500" : response.status,
      }).toEqual({
        url: url.slice(0, 300),
        status: "below 500",
      });
    }),
    { numRuns: runs },
  );
  return statuses;
}

describe("every REST route under hostile input", () => {
  it("covers the sign-in, export, calendar, dashboard and GraphQL routes", () => {
    const paths = routesOf(anonymous.app).map((r) => r.path);
    for (const expected of [
      "/export/offers.csv",
      "/export/offers.hsds.json",
      "/export/offers.fhir.json",
      "/calendar/meeting-points.ics",
      "/auth/login",
      "/auth/callback",
      "/auth/logout",
      "/auth/me",
      "/oidc/*",
      "/admin/queues/api/queues/:queueName/:jobId",
      "/graphql",
      "/healthz",
    ])
      expect(paths).toContain(expected);
    expect(paths.some((p) => p.startsWith("/calendar/offers/:file"))).toBe(true);
  });

  it("never answers 500 to a signed-out caller with made-up cookies and tokens", async () => {
    const summary: string[] = [];
    for (const route of routesOf(anonymous.app)) {
      const statuses = await attack(anonymous.app, route, route.path.startsWith("/admin/") ? 8 : 25);
      summary.push(`${route.method} ${route.path}: ${[...statuses].sort().join(",")}`);
    }
    console.log(summary.join("\n"));
  }, 600_000);

  it("never answers 500 to a regional admin, whose requests reach the dashboard and feeds", async () => {
    for (const route of routesOf(admin).filter((r) => !r.path.startsWith("/graphql"))) {
      await attack(admin, route, 10);
    }
  }, 600_000);
});

describe("the requests that answered 500 before", () => {
  const get = (path: string) => anonymous.app.fetch(new Request(`http://gateway.test${path}`));

  it.each([
    "/export/offers.csv?text=%00",
    "/export/offers.hsds.json?text=kurs%00",
    "/export/offers.fhir.json?text=%00",
    "/export/offers.csv?language=%00",
  ])("%s is a 400 naming the parameter", async (path) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; issues: { field: string; code: string }[] };
    expect(body.error).toBe("invalid_filter");
    const parameter = new URL(path, "http://x").searchParams.keys().next().value ?? "";
    expect(body.issues.map((i) => i.field.split(".")[0])).toEqual([parameter]);
  });

  it.each(["variables", "extensions"])(
    "GraphQL over GET with %s that are not JSON is a 400 naming them",
    async (name) => {
      const response = await get(`/graphql?query=%7B%20health%20%7B%20ok%20%7D%20%7D&${name}=%00`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { extensions: { issues: { field: string }[] } }[] };
      expect(body.errors[0]?.extensions.issues.map((i) => i.field)).toEqual([name]);
    },
  );

  it.each(["status=%00", "activeQueue=%25"])(
    "the queue dashboard's %s is a 400 naming the parameter",
    async (query) => {
      const response = await admin.fetch(new Request(`http://gateway.test/admin/queues/api/queues?${query}`));
      expect(response.status).toBe(400);
      const body = (await response.json()) as { issues: { field: string }[] };
      expect(body.issues.map((i) => i.field)).toEqual([`query.${query.split("=")[0]}.0`]);
    },
  );

  it("a calendar id of 36 dashes is a 404", async () => {
    const response = await get(`/calendar/offers/${"-".repeat(36)}.ics`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found" });
  });

  it("a NUL in the catalogue's search text is bad input, as a variable or written in the query", async () => {
    const post = async (body: unknown) => {
      const response = await anonymous.app.fetch(
        new Request("http://gateway.test/graphql", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
      );
      return (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    };
    const variable = await post({
      query: "query ($t: String) { offers(filter: { text: $t }) { totalCount } }",
      variables: { t: "\u0000" },
    });
    expect(variable.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    for (const literal of ["\\u0000", "kurs\\u0007"]) {
      const written = await post({ query: `{ offers(filter: { text: "${literal}" }) { totalCount } }` });
      expect(written.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
    // graphql-js itself refuses a lone surrogate escape while parsing.
    const surrogate = await post({ query: `{ offers(filter: { text: "\\ud800" }) { totalCount } }` });
    expect(surrogate.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    const elsewhere = await post({ query: `{ actionPlan(key: "\\u0000") { key } }` });
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
