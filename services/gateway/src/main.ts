import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { createDatabase } from "@samspill/database";
import { createLogger, queuePrefix, registerOutboxMetrics } from "@samspill/events";
import { webhookTargetPolicy } from "@samspill/events/webhooks";
import { Redis } from "ioredis";
import { Registry } from "prom-client";
import { createGateway } from "./app.js";
import { createAuth } from "./auth/index.js";
import { listenForChanges } from "./change-listener.js";
import { trustedProxies } from "./client-address.js";
import { parseGatewayEnv } from "./env.js";
import { gracefulServer } from "./graceful-close.js";
import { defaultQueryLimits } from "./hardening.js";
import { createOverviewCache } from "./overview-cache.js";
import { createGatewayPubSub } from "./pubsub.js";
import { createResponseCache } from "./response-cache.js";

const env = parseGatewayEnv();
// Scrubs personal data from every line (packages/events/src/logging.ts).
const log = createLogger("gateway", env.LOG_LEVEL);
const db = createDatabase({
  url: env.DATABASE_URL,
  schema: env.DATABASE_SCHEMA,
  maxConnections: env.DB_POOL_SIZE,
});
const replica = env.DATABASE_REPLICA_URL
  ? createDatabase({
      url: env.DATABASE_REPLICA_URL,
      schema: env.DATABASE_SCHEMA,
      maxConnections: env.DB_POOL_SIZE,
    })
  : undefined;
// Sessions live in Redis so every gateway instance shares them and sign-out applies everywhere.
const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 3 });
const auth = await createAuth({ db, redis, env, log });
// Subscriptions hear the worker's messages on a dedicated connection (a subscribed one can do nothing else).
const pubsub = createGatewayPubSub({
  prefix: queuePrefix(env.QUEUE_PREFIX),
  redis: {
    publish: redis,
    subscribe: redis.duplicate().on("error", (error) => log.warn({ err: error }, "Redis (live updates)")),
  },
});
// Caches of what signed-out readers see and of the overview, dropped when the hub announces a
// change; they hear the announcements on a connection of their own.
const production = env.NODE_ENV === "production";
const overviewCache = createOverviewCache({ ttlMs: env.OVERVIEW_CACHE_MS ?? (production ? 10_000 : 0) });
const responseCache = createResponseCache({ ttlMs: env.RESPONSE_CACHE_MS ?? (production ? 5_000 : 0) });
const changes = redis
  .duplicate()
  .on("error", (error) => log.warn({ err: error }, "Redis (cache invalidation)"));
await listenForChanges(changes, queuePrefix(env.QUEUE_PREFIX), (hospitalTrustId) => {
  overviewCache.changed(hospitalTrustId);
  responseCache.changed();
});
// The relay's lag, readable here too, so an alert does not depend on the worker being up.
const metrics = new Registry();
registerOutboxMetrics(metrics, db);
const { app } = createGateway({
  db,
  replica,
  log,
  production: env.NODE_ENV === "production",
  webOrigin: env.WEB_ORIGIN,
  resolveViewer: auth.resolveViewer,
  recheckViewer: auth.recheckViewer,
  yogaPlugins: auth.yogaPlugins,
  queryLimits: { ...defaultQueryLimits, maxCost: env.GRAPHQL_MAX_COST },
  rateLimit: {
    redis,
    keyPrefix: `{${env.QUEUE_PREFIX}}`,
    points: env.RATE_LIMIT_POINTS,
    windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
    signInPoints: env.RATE_LIMIT_SIGN_IN_POINTS,
    exportPoints: env.RATE_LIMIT_EXPORT_POINTS,
    unknownTokenPoints: env.RATE_LIMIT_UNKNOWN_TOKEN_POINTS,
    trustedProxies: trustedProxies(env.TRUSTED_PROXIES),
  },
  maxBodyBytes: env.MAX_BODY_BYTES,
  publicUrl: env.PUBLIC_URL ?? env.WEB_ORIGIN,
  smallCountThreshold: env.SMALL_COUNT_THRESHOLD,
  signUpRetentionMonths: env.SIGN_UP_RETENTION_MONTHS,
  apiTokenLifetime: { defaultDays: env.API_TOKEN_DEFAULT_DAYS, maxDays: env.API_TOKEN_MAX_DAYS },
  webhookTargets: webhookTargetPolicy(env.WEBHOOK_ALLOWED_PRIVATE_CIDRS),
  pubsub,
  metrics,
  metricsToken: env.METRICS_TOKEN,
  queueDashboard: { redis, prefix: queuePrefix(env.QUEUE_PREFIX) },
  overviewCache,
  responseCache,
  mailLinkSecret: env.MAIL_LINK_SECRET,
});
auth.routes(app);

const server = serve({ fetch: app.fetch, hostname: env.GATEWAY_HOST, port: env.GATEWAY_PORT }, (info) => {
  log.info({ port: info.port }, `gateway listening on http://${env.GATEWAY_HOST}:${info.port}/graphql`);
});

// In-flight requests finish before the process exits; new connections are refused meanwhile.
const graceful = gracefulServer(server as Server, {
  onListenerClosed: () => log.info("gateway stopped accepting connections"),
});
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "gateway stopping");
  setTimeout(() => {
    log.error("gateway did not stop within 15 s; exiting");
    process.exit(1);
  }, 15_000).unref();
  // Open SSE subscriptions would keep their connections (and so the server) open forever.
  const closed = graceful.close();
  await pubsub.close();
  try {
    await closed;
  } catch (error) {
    log.warn({ err: error }, "closing the HTTP server");
  }
  await auth.close();
  await Promise.allSettled([db.$disconnect(), replica?.$disconnect(), redis.quit(), changes.quit()]);
  log.info("gateway stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
