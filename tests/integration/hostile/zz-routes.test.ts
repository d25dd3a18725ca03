import { queuePrefix } from "@samspill/events";
import { Redis } from "ioredis";
import { Registry } from "prom-client";
import { it, inject } from "vitest";
import { testDatabase } from "../../support/db.js";
import { createSignInGateway } from "../../support/sign-in.js";
it("p", async () => {
  const db = testDatabase();
  const redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: null });
  const g = await createSignInGateway(db, {}, { metrics: new Registry(), queueDashboard: { redis, prefix: queuePrefix("x") } });
  console.log([...new Set(g.app.routes.map((r) => `${r.method} ${r.path}`))].join("\n"));
  await g.close(); await redis.quit(); await db.$disconnect();
});
