import { metricsBearerMatches } from "@samspill/events";
import type { Env, Hono, Context as HonoContext } from "hono";
import type { Registry } from "prom-client";
import { normaliseAddress, socketAddress } from "./client-address.js";

// /metrics tells an outsider how busy the hub is and how far behind its queues are. It answers
// a scraper that sends the configured bearer token (METRICS_TOKEN), or, when no token is set,
// only a caller on the gateway's own host that came straight to it (not through a proxy, which
// would make every internet client look local). Everyone else gets a plain 404.

export function registerMetricsRoute<E extends Env>(
  app: Hono<E>,
  metrics: Registry,
  token: string | undefined,
): void {
  app.get("/metrics", async (c) => {
    if (!mayReadMetrics(c, token)) return c.text("Not Found", 404);
    return c.body(await metrics.metrics(), 200, { "content-type": metrics.contentType });
  });
}

export function mayReadMetrics(c: HonoContext, token: string | undefined): boolean {
  if (token) return metricsBearerMatches(c.req.header("authorization"), token);
  if (c.req.header("x-forwarded-for") || c.req.header("forwarded")) return false;
  const peer = normaliseAddress(socketAddress(c.env) ?? "");
  return peer === "127.0.0.1" || peer === "::1";
}
