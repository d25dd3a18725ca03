import { createHash } from "node:crypto";
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { useDisableIntrospection } from "@graphql-yoga/plugin-disable-introspection";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { MiddlewareHandler } from "hono";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { clientAddress, type TrustedProxies, trustedProxies } from "./client-address.js";

// Limits that keep one client (or one hostile query) from starving the others.

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
}

export const defaultQueryLimits: QueryLimits = {
  maxDepth: 12,
  maxCost: 20_000,
  maxAliases: 20,
  maxTokens: 3_000,
  maxDirectives: 20,
};

/** graphql-armor's depth, cost, alias, token and directive limits; introspection off in production. */
export function queryLimitPlugins(production: boolean, limits: QueryLimits = defaultQueryLimits): Plugin[] {
  const armor = EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth },
    costLimit: { maxCost: limits.maxCost },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives },
    // Suggestions ("did you mean …") map the schema for an attacker when introspection is off.
    blockFieldSuggestion: { enabled: production },
  }) as Plugin;
  const plugins = [wellFormedTextPlugin(), armor];
  return production ? [...plugins, useDisableIntrospection()] : plugins;
}

export interface RateLimitOptions {
  redis: Redis;
  keyPrefix: string;
  /** Requests a client may make per window. */
  points: number;
  windowSeconds: number;
  log: Logger;
  /** Proxies whose X-Forwarded-For names the client (see client-address.ts); none by default. */
  trustedProxies?: TrustedProxies;
}

/**
 * Per-client rate limit kept in Redis, so it holds across all gateway instances. A client is its
 * API token, else its session, else its address (the forwarded one when the peer is a trusted
 * proxy). If Redis is unreachable the limit falls back to this instance's memory rather than
 * refusing everyone.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const trusted = options.trustedProxies ?? trustedProxies([]);
  const limiter = new RateLimiterRedis({
    storeClient: options.redis,
    keyPrefix: `${options.keyPrefix}:ratelimit`,
    points: options.points,
    duration: options.windowSeconds,
    insuranceLimiter: new RateLimiterMemory({ points: options.points, duration: options.windowSeconds }),
  });
  return async (c, next) => {
    if (c.req.method === "OPTIONS") return next();
    const address = clientAddress(remoteAddress(c.env), c.req.header("x-forwarded-for"), trusted);
    const key = clientKey(c.req.header("authorization"), c.req.header("cookie"), address);
    try {
      const res = await limiter.consume(key);
      c.header("RateLimit-Limit", String(options.points));
      c.header("RateLimit-Remaining", String(res.remainingPoints));
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        c.header("Retry-After", String(retryAfter));
        return c.json(
          { errors: [{ message: "Too many requests", extensions: { code: "RATE_LIMITED", retryAfter } }] },
          429,
        );
      }
      options.log.warn({ err: error }, "rate limiter failed; request let through");
    }
    return next();
  };
}

export function clientKey(authorization?: string, cookie?: string, address?: string): string {
  const hash = (v: string) => createHash("sha256").update(v).digest("hex").slice(0, 32);
  const bearer = authorization?.match(/^Bearer\s+(\S+)/i)?.[1];
  if (bearer) return `token:${hash(bearer)}`;
  const session = cookie?.match(/(?:^|;\s*)samspill_session=([^;]+)/)?.[1];
  if (session) return `session:${hash(session)}`;
  return `ip:${address ?? "unknown"}`;
}

function remoteAddress(env: unknown): string | undefined {
  return (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
    ?.remoteAddress;
}

/**
 * Postgres text and jsonb cannot hold NUL or unpaired UTF-16 surrogates, and no person types
 * them. Refusing them here, for every operation, turns what would be a database error deep in a
 * transaction into a clear input error before anything runs.
 */
export function wellFormedTextPlugin(): Plugin {
  return {
    onParams({ params }) {
      const bad = findMalformed(params.query, "query") ?? findMalformed(params.variables, "variables");
      if (bad) {
        throw createGraphQLError(
          `${bad} contains characters that are not valid text (NUL or a broken surrogate pair)`,
          {
            extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
          },
        );
      }
    },
  };
}

function findMalformed(value: unknown, path: string): string | null {
  if (typeof value === "string") {
    return value.includes("\u0000") || !(value as string & { isWellFormed(): boolean }).isWellFormed()
      ? path
      : null;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findMalformed(v, `${path}.${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found = findMalformed(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return null;
}
