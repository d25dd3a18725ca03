import { ForbiddenError as ScopeAuthForbiddenError } from "@pothos/plugin-scope-auth";
import type { Database } from "@samspill/database";
import {
  type ApiTokenLifetime,
  DomainValidationError,
  ForbiddenError,
  NotFoundError,
  SMALL_COUNT_THRESHOLD,
  StaleVersionError,
} from "@samspill/domain";
import { developmentMailLinkSecret } from "@samspill/events/mail-links";
import type { WebhookTargetPolicy } from "@samspill/events/webhooks";
import { GraphQLError } from "graphql";
import { createYoga, maskError, type Plugin } from "graphql-yoga";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Registry } from "prom-client";
import { mountQueueDashboard } from "./admin/queue-dashboard.js";
import { tokensReadOnlyWithReadScope } from "./auth/token-scopes.js";
import { limitRequestBody } from "./body-size.js";
import type { Context, Viewer } from "./context.js";
import { checkGraphQLGetParams } from "./graphql-get-params.js";
import { type QueryLimits, queryLimitPlugins } from "./hardening.js";
import { registerMetricsRoute } from "./metrics-route.js";
import type { OverviewCache } from "./overview-cache.js";
import { createGatewayPubSub, type GatewayPubSub, wakeRelayAfterMutations } from "./pubsub.js";
import { type RateLimitOptions, rateLimits } from "./rate-limit.js";
import { readQueriesFromReplica } from "./replica.js";
import { acceptedRequestId } from "./request-id.js";
import type { ResponseCache } from "./response-cache.js";
import { registerA0099Routes } from "./routes/a0099.js";
import { registerCalendarFeedRoutes } from "./routes/calendar-feeds.js";
import { registerCrossedGapsRoute } from "./routes/crossed-gaps.js";
import { registerExportRoutes } from "./routes/exports.js";
import { registerFhirApiRoutes } from "./routes/fhir-api.js";
import { registerHsdsApiRoutes } from "./routes/hsds-api.js";
import { registerImportRoutes } from "./routes/imports.js";
import { registerPosterRoutes } from "./routes/posters.js";
import { registerUnsubscribeRoute } from "./routes/unsubscribe.js";
import { schema } from "./schema/index.js";
import { inRequestScope, recordSecurityEvent, securityEventCounter } from "./security-events.js";
import { embeddablePolicy, graphiqlPolicy, securityHeaders } from "./security-headers.js";
import { endSubscriptionsWithTheirViewer } from "./subscription-guard.js";
import {
  databaseRetryAfterSeconds,
  databaseUnavailableError,
  databaseUnavailableResponse,
  isDatabaseUnavailable,
} from "./unavailable.js";

export interface GatewayDeps {
  db: Database;
  /** A read replica: GraphQL queries and the read-only export routes use it when given. */
  replica?: Database;
  log: Logger;
  production: boolean;
  webOrigin: string;
  /** Resolves the caller from the request (session cookie or API token); null when signed out. */
  resolveViewer?: (request: Request) => Promise<Viewer | null>;
  /** Resolves the caller afresh (no per-request cache), to re-check open subscriptions; resolveViewer by default. */
  recheckViewer?: (request: Request) => Promise<Viewer | null>;
  /** How often an open subscription re-checks its caller (subscription-guard.ts); 30 s by default. */
  subscriptionRecheckMs?: number;
  /** Extra yoga plugins, e.g. auth's CSRF guard for cookie-carrying requests. */
  yogaPlugins?: Plugin[];
  /** With Redis, every client is rate limited across all gateway instances (rate-limit.ts). */
  rateLimit?: Omit<RateLimitOptions, "log">;
  queryLimits?: QueryLimits;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Live updates; without it, subscriptions see only this process's messages. */
  pubsub?: GatewayPubSub;
  /** Served on /metrics for Prometheus when given (metrics-route.ts says to whom). */
  metrics?: Registry;
  /** The bearer token /metrics requires; without one it answers local, unproxied callers only. */
  metricsToken?: string;
  /** The hub's public URL, for links in exports and calendar files. */
  publicUrl?: string;
  /** Published people counts below this are suppressed; the domain's 5 by default. */
  smallCountThreshold?: number;
  /** Where webhook subscriptions may point; public addresses only by default. */
  webhookTargets?: WebhookTargetPolicy;
  /** Default and longest lifetime of new API tokens; the domain's 90 and 365 days by default. */
  apiTokenLifetime?: ApiTokenLifetime;
  /** Months sign-up personal data is kept after the session; the domain's 6 by default. */
  signUpRetentionMonths?: number;
  /** Mounts bull-board at /admin/queues (RHF admins only) over the worker's queues. */
  queueDashboard?: { redis: Redis; prefix: string };
  /** Caches the overview read model between changes (overview-cache.ts); none by default. */
  overviewCache?: OverviewCache;
  /** Caches signed-out readers' query answers between changes (response-cache.ts); none by default. */
  responseCache?: ResponseCache;
  /**
   * Checks the mails' one-click unsubscribe links (MAIL_LINK_SECRET, as the worker's). Outside
   * production the development secret by default; in production /unsubscribe exists only with it.
   */
  mailLinkSecret?: string;
}

/** Largest GraphQL request body accepted unless `maxBodyBytes` says otherwise. */
const defaultMaxBodyBytes = 1_000_000;

interface ServerContext {
  requestId: string;
  log: Logger;
}

/**
 * Internal errors are masked; the domain's own errors are not internal. Those thrown outside a
 * resolver's typed result (e.g. a missing row met while checking permissions) keep their message
 * and get a machine-readable code instead of "Unexpected error".
 */
function maskUnexpected(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof ForbiddenError || original instanceof ScopeAuthForbiddenError) {
    recordSecurityEvent("denied", original instanceof ForbiddenError ? "forbidden" : "scope", {
      field: error instanceof GraphQLError ? error.path?.join(".") : undefined,
    });
  }
  if (isDatabaseUnavailable(original))
    return databaseUnavailableError(error instanceof GraphQLError ? error : null);
  const code =
    original instanceof NotFoundError
      ? "NOT_FOUND"
      : original instanceof ForbiddenError
        ? "FORBIDDEN"
        : original instanceof DomainValidationError
          ? "BAD_USER_INPUT"
          : original instanceof StaleVersionError
            ? "CONFLICT"
            : null;
  if (code && error instanceof GraphQLError && original instanceof Error) {
    return new GraphQLError(original.message, {
      nodes: error.nodes,
      path: error.path,
      extensions: {
        code,
        ...(original instanceof DomainValidationError ? { issues: original.issues } : {}),
      },
    });
  }
  return maskError(error, message, isDev);
}

export function createGateway(deps: GatewayDeps) {
  const pubsub = deps.pubsub ?? createGatewayPubSub({ prefix: "{samspill}" });
  const yoga = createYoga<ServerContext, Context>({
    schema,
    // Node's own streams and responses: yoga's default ponyfill stream, re-wrapped by hono into
    // a native Response, makes Node's undici close an already-cancelled stream when an SSE
    // client disconnects, an uncaught exception that would stop the process.
    fetchAPI: { Response, ReadableStream, TextEncoder },
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: !deps.production,
    maskedErrors: { maskError: maskUnexpected },
    logging: false,
    // limitRequestBody (below) instead: the same limit without re-streaming a body of known length.
    maxRequestBodySize: false,
    plugins: [
      ...queryLimitPlugins(deps.production, deps.queryLimits),
      ...(deps.yogaPlugins ?? []),
      wakeRelayAfterMutations(pubsub),
      tokensReadOnlyWithReadScope(),
      ...(deps.resolveViewer
        ? [
            endSubscriptionsWithTheirViewer({
              recheckViewer: deps.recheckViewer ?? deps.resolveViewer,
              intervalMs: deps.subscriptionRecheckMs ?? 30_000,
            }),
          ]
        : []),
      ...(deps.replica ? [readQueriesFromReplica(deps.replica)] : []),
      // Last, so it wraps whichever request parser the plugins before it chose.
      limitRequestBody(deps.maxBodyBytes ?? defaultMaxBodyBytes),
    ],
    context: async ({ request, requestId, log }) => ({
      db: deps.db,
      primary: deps.db,
      viewer: deps.resolveViewer ? await deps.resolveViewer(request) : null,
      requestId,
      log,
      lang: /^\s*en\b/i.test(request.headers.get("accept-language") ?? "") ? "en" : "nb",
      pubsub,
      publicUrl: deps.publicUrl ?? deps.webOrigin,
      smallCountThreshold: deps.smallCountThreshold ?? SMALL_COUNT_THRESHOLD,
      overviewCache: deps.overviewCache,
      webhookTargets: deps.webhookTargets,
      apiTokenLifetime: deps.apiTokenLifetime,
      signUpRetentionMonths: deps.signUpRetentionMonths,
    }),
  });

  const app = new Hono<{ Variables: { requestId: string; log: Logger } }>();
  // Refusals are counted on the gateway's /metrics (security-events.ts).
  const refusals = securityEventCounter(deps.metrics);
  app.use("/embed/*", embeddablePolicy());
  app.use("*", securityHeaders());
  app.use("*", async (c, next) => {
    // A caller's id is kept only when it is a plain token (request-id.ts); it reaches the logs and the audit trail.
    const requestId = acceptedRequestId(c.req.header("x-request-id"));
    const log = deps.log.child({ requestId });
    c.set("requestId", requestId);
    c.set("log", log);
    c.header("x-request-id", requestId);
    const started = performance.now();
    await inRequestScope(log, refusals, async () => {
      await next();
      // GraphQL reports its refusals field by field (maskUnexpected, the errors plugin); the other routes by status.
      if (c.res.status === 403 && c.req.path !== "/graphql")
        recordSecurityEvent("denied", "http-403", { path: c.req.path });
    });
    c.get("log").info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  });
  app.use(
    "/graphql",
    bodyLimit({
      maxSize: deps.maxBodyBytes ?? defaultMaxBodyBytes,
      onError: (c) =>
        c.json(
          { errors: [{ message: "Request body too large", extensions: { code: "PAYLOAD_TOO_LARGE" } }] },
          413,
        ),
    }),
  );
  if (deps.rateLimit) {
    const limits = rateLimits({ ...deps.rateLimit, log: deps.log }, deps.resolveViewer);
    for (const path of ["/graphql", "/auth/me", "/auth/logout"]) app.use(path, limits.api);
    for (const path of ["/auth/login", "/auth/callback", "/oidc/*", "/unsubscribe"])
      app.use(path, limits.signIn);
    for (const path of ["/export/*", "/calendar/*", "/embed/*"]) app.use(path, limits.exports);
    app.use("/imports/*", limits.api);
  }
  if (!deps.production) app.use("/graphql", graphiqlPolicy());
  app.use("/graphql", cors({ origin: deps.webOrigin, credentials: true }));
  app.use("/graphql", checkGraphQLGetParams);
  // After the rate limit, so cached answers count against it too.
  if (deps.responseCache) app.use("/graphql", deps.responseCache.middleware);
  // Any route meeting a database outage answers 503 with Retry-After rather than a 500.
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    if (isDatabaseUnavailable(error)) {
      c.get("log")?.warn({ err: error }, "database unavailable");
      return databaseUnavailableResponse();
    }
    c.get("log")?.error({ err: error }, "unhandled error");
    return c.text("Internal Server Error", 500);
  });
  // Degraded, not down: the process is fine and recovers by itself once the database is back.
  app.get("/healthz", async (c) => {
    try {
      await deps.db.$queryRaw`SELECT 1`;
      return c.json({ ok: true, status: "ok", database: "up" });
    } catch {
      c.header("Retry-After", String(databaseRetryAfterSeconds));
      return c.json({ ok: false, status: "degraded", database: "unavailable" }, 503);
    }
  });
  if (deps.metrics) registerMetricsRoute(app, deps.metrics, deps.metricsToken);
  registerExportRoutes(app, {
    db: deps.replica ?? deps.db,
    publicUrl: deps.publicUrl ?? deps.webOrigin,
    resolveViewer: deps.resolveViewer,
  });
  const openData = { db: deps.replica ?? deps.db, publicUrl: deps.publicUrl ?? deps.webOrigin };
  registerHsdsApiRoutes(app, openData);
  registerFhirApiRoutes(app, openData);
  registerCalendarFeedRoutes(app, openData);
  registerPosterRoutes(app, openData);
  registerA0099Routes(app, {
    db: deps.replica ?? deps.db,
    smallCountThreshold: deps.smallCountThreshold ?? SMALL_COUNT_THRESHOLD,
  });
  registerCrossedGapsRoute(app, {
    db: deps.replica ?? deps.db,
    publicUrl: deps.publicUrl ?? deps.webOrigin,
  });
  const mailLinkSecret = deps.mailLinkSecret ?? (deps.production ? undefined : developmentMailLinkSecret);
  if (mailLinkSecret) {
    registerUnsubscribeRoute(app, {
      db: deps.db,
      publicUrl: deps.publicUrl ?? deps.webOrigin,
      secret: mailLinkSecret,
    });
  }
  registerImportRoutes(app, { db: deps.db, resolveViewer: deps.resolveViewer });
  if (deps.queueDashboard) {
    mountQueueDashboard(app, { db: deps.db, resolveViewer: deps.resolveViewer, ...deps.queueDashboard });
  }
  app.on(["GET", "POST", "OPTIONS"], "/graphql", (c) =>
    yoga.fetch(c.req.raw, { requestId: c.get("requestId"), log: c.get("log") }),
  );
  return { app, yoga };
}
