import { queuePrefix } from "@samspill/events";
import { createGateway } from "@samspill/gateway";
import { Redis } from "ioredis";
import { pino } from "pino";
import { inject, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { viewerWith } from "../../support/gateway.js";
import { seedDemoData } from "@samspill/seed";
it("d", async () => {
  const db = testDatabase();
  await seedDemoData(db);
  const redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: null });
  const { app } = createGateway({ db, log: pino({ level: "error" }), production: false, webOrigin: "http://x",
    resolveViewer: async () => viewerWith([{ org: "rhf:hmn", role: "ADMIN" }]),
    queueDashboard: { redis, prefix: queuePrefix("dbg") } });
  for (const q of ["/admin/queues/api/queues?status=%00", "/admin/queues/api/queues?status=foo", "/admin/queues/api/queues", "/admin/queues/api/queues?activeQueue=%25", "/admin/queues/api/queues?page=%00"]) {
    const r = await app.fetch(new Request(`http://gateway.test${q}`, { headers: { accept: "application/json" } }));
    console.log(q, r.status, (await r.text()).slice(0, 400));
  }
  await redis.quit(); await db.$disconnect();
});
