import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { HonoAdapter } from "@bull-board/hono";
import { serveStatic } from "@hono/node-server/serve-static";
import { recordSensitiveRead, unitOf } from "@samspill/commands";
import type { Database } from "@samspill/database";
import { isPlainText, toFieldIssues } from "@samspill/domain";
import { queueNames } from "@samspill/events";
import { Queue } from "bullmq";
import type { Env, Hono } from "hono";
import type { Redis } from "ioredis";
import { z } from "zod";
import type { Viewer } from "../context.js";
import { acceptedRequestId } from "../request-id.js";
import { isRegionalAdmin } from "./regional-admin.js";

export const queueDashboardPath = "/admin/queues";

/** Text that survives percent-decoding and holds no control character or broken surrogate. */
const decodedText = z.string().refine(
  (raw) => {
    try {
      return isPlainText(decodeURIComponent(raw));
    } catch {
      return false;
    }
  },
  { message: "Not valid text", params: { code: "not_plain_text", nb: "Ikke gyldig tekst" } },
);
const dashboardParams = z.object({
  path: z.array(decodedText.max(500)).max(20),
  // Values are decoded once more: bull-board decodes `activeQueue` itself.
  query: z.record(z.string().max(100).refine(isPlainText), z.array(decodedText.max(2000)).max(20)),
});

export interface QueueDashboardDeps {
  db: Database;
  /** A command connection (BullMQ's Queue never blocks on it). */
  redis: Redis;
  /** The deployment's hash-tagged key prefix, e.g. `{samspill}`: the worker's queues. */
  prefix: string;
  resolveViewer?: (request: Request) => Promise<Viewer | null>;
}

/**
 * bull-board at /admin/queues for the regional health authority's admins: every queue of the
 * hub, with failed jobs to inspect, retry or remove. Everyone else gets 401 (signed out; a
 * browser is sent to sign-in) or 403. The dashboard's own POST/PUT calls carry the session
 * cookie, which is SameSite=Lax, so another site cannot make them on an admin's behalf.
 */
export function mountQueueDashboard<E extends Env>(app: Hono<E>, deps: QueueDashboardDeps): void {
  const queues = Object.values(queueNames).map(
    (name) => new Queue(name, { connection: deps.redis, prefix: deps.prefix }),
  );
  const serverAdapter = new HonoAdapter(serveStatic).setBasePath(queueDashboardPath);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter,
    options: { uiConfig: { boardTitle: "Samspill – køer" } },
  });

  const logged = new WeakSet<Request>();
  for (const path of [queueDashboardPath, `${queueDashboardPath}/*`]) {
    app.use(path, async (c, next) => {
      const viewer = deps.resolveViewer ? await deps.resolveViewer(c.req.raw) : null;
      if (!viewer) {
        if (c.req.method === "GET" && (c.req.header("accept") ?? "").includes("text/html")) {
          return c.redirect(`/auth/login?returnTo=${encodeURIComponent(c.req.path)}`, 302);
        }
        return c.json({ error: "Logg inn først / Sign in first" }, 401);
      }
      if (!(await isRegionalAdmin(deps.db, viewer))) {
        return c.json(
          { error: "Bare administratorer i det regionale helseforetaket / RHF admins only" },
          403,
        );
      }
      c.header("cache-control", "no-store");
      // bull-board answers 500 to some malformed values (a NUL, a stray "%"): refused here.
      const url = new URL(c.req.url);
      const checked = dashboardParams.safeParse({
        path: url.pathname.split("/"),
        query: Object.fromEntries([...url.searchParams.keys()].map((k) => [k, url.searchParams.getAll(k)])),
      });
      if (!checked.success)
        return c.json({ error: "invalid_parameter", issues: toFieldIssues(checked.error) }, 400);
      // Every organisation's jobs are shown: opening the page and every action on a job are
      // logged (the dashboard's own polling of its JSON API is not, it would drown the trail).
      const opensPage = c.req.method === "GET" && (c.req.header("accept") ?? "").includes("text/html");
      // Both patterns match the dashboard's root: the request is logged once.
      if ((opensPage || c.req.method !== "GET") && !logged.has(c.req.raw)) {
        logged.add(c.req.raw);
        await recordSensitiveRead(unitOf(deps.db, acceptedRequestId(c.req.header("x-request-id"))), viewer, {
          kind: "queueDashboard",
          subject: `${c.req.method} ${c.req.path}`.slice(0, 500),
          organisationId: null,
        });
      }
      await next();
    });
  }
  app.route(queueDashboardPath, serverAdapter.registerPlugin());
}
