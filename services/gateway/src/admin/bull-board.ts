import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { HonoAdapter } from "@bull-board/hono";
import { serveStatic } from "@hono/node-server/serve-static";
import { queueNames } from "@samspill/events";
import { Queue } from "bullmq";
import { Hono } from "hono";
import type { Redis } from "ioredis";

// bull-board itself, imported on demand by queue-dashboard.ts at the dashboard's first request:
// only admins open it, and loaded at start-up it took every gateway some 10 MB.

/** An app answering the dashboard's pages and API under `basePath`. */
export function queueBoard(deps: { redis: Redis; prefix: string }, basePath: string): Hono {
  const queues = Object.values(queueNames).map(
    (name) => new Queue(name, { connection: deps.redis, prefix: deps.prefix }),
  );
  const serverAdapter = new HonoAdapter(serveStatic).setBasePath(basePath);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter,
    options: { uiConfig: { boardTitle: "Samspill – køer" } },
  });
  return new Hono().route(basePath, serverAdapter.registerPlugin());
}
