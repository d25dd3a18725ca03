import type { Database } from "@samspill/database";
import { queuePrefix } from "@samspill/events";
import { createGateway } from "@samspill/gateway";
import type { Viewer } from "@samspill/gateway/context";
import { seedDemoData } from "@samspill/seed";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { viewerWith } from "../../support/gateway.js";

// bull-board at /admin/queues, mounted in the real gateway app: only admins of the regional
// health authority get in.

let db: Database;
let redis: Redis;
let viewer: Viewer | null = null;
let app: ReturnType<typeof createGateway>["app"];

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: null });
  ({ app } = createGateway({
    db,
    log: pino({ level: "silent" }),
    production: false,
    webOrigin: "http://127.0.0.1:5173",
    resolveViewer: async () => viewer,
    queueDashboard: { redis, prefix: queuePrefix(`${inject("queuePrefix")}-dashboard`) },
  }));
});

afterAll(async () => {
  await redis.quit();
  await db.$disconnect();
});

const get = (path: string, accept = "application/json") =>
  app.fetch(new Request(`http://gateway.test${path}`, { headers: { accept } }));

describe("queue dashboard", () => {
  it("sends a signed-out browser to sign-in and refuses a signed-out API call", async () => {
    viewer = null;
    const page = await get("/admin/queues", "text/html");
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe("/auth/login?returnTo=%2Fadmin%2Fqueues");
    expect((await get("/admin/queues/api/queues")).status).toBe(401);
  });

  it("refuses admins of other organisations and non-admins of the RHF", async () => {
    viewer = viewerWith([{ org: "hf:stolav", role: "ADMIN" }]);
    expect((await get("/admin/queues/api/queues")).status).toBe(403);
    viewer = viewerWith([{ org: "rhf:hmn", role: "EDITOR" }]);
    expect((await get("/admin/queues", "text/html")).status).toBe(403);
  });

  it("shows every queue of the hub to RHF admins", async () => {
    viewer = viewerWith([{ org: "rhf:hmn", role: "ADMIN" }]);
    const page = await get("/admin/queues", "text/html");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<base href="/admin/queues/" />');
    const stylesheet = /href="(static\/css\/[^"]+)"/.exec(html)?.[1];
    expect(stylesheet).toBeDefined();
    expect((await get(`/admin/queues/${stylesheet}`, "text/css")).status).toBe(200);

    const api = await get("/admin/queues/api/queues");
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual([
      "events",
      "imports",
      "mail",
      "maintenance",
      "reminders",
      "summaries",
      "webhooks",
    ]);
  });
});
