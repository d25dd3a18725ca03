import type { Context as HonoContext, MiddlewareHandler } from "hono";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { clientAddress, socketAddress, type TrustedProxies, trustedProxies } from "./client-address.js";
import type { Viewer } from "./context.js";
import { recordSecurityEvent } from "./security-events.js";

// Per-client rate limits kept in Redis, so they hold across all gateway instances.
//
// A client is who the gateway has verified it to be: the API token's id or the person behind a
// live session. Anything else counts against the client's address (the forwarded one only when
// the peer is a trusted proxy, client-address.ts). Keying on the credential as presented would
// let a client buy a fresh bucket with every made-up bearer string; so an unknown token counts
// against the address, and unknown tokens are limited on their own, much tighter, so guessing
// tokens is slow too.

export interface RateLimitOptions {
  redis: Redis;
  keyPrefix: string;
  /** GraphQL and session requests a client may make per window. */
  points: number;
  windowSeconds: number;
  /** Sign-in (/auth/login, /auth/callback) and demo-provider (/oidc) requests per address and window. */
  signInPoints?: number;
  /** Export and calendar downloads per client and window. */
  exportPoints?: number;
  /** Requests with an unknown or expired bearer token per address and window. */
  unknownTokenPoints?: number;
  log: Logger;
  /** Proxies whose X-Forwarded-For names the client (see client-address.ts); none by default. */
  trustedProxies?: TrustedProxies;
}

export const defaultSignInPoints = 30;
export const defaultExportPoints = 60;
export const defaultUnknownTokenPoints = 10;

export interface RateLimits {
  /** /graphql, /auth/me, /auth/logout: keyed by the verified caller, else the address. */
  api: MiddlewareHandler;
  /** /auth/login, /auth/callback, /oidc/*: keyed by the address (nobody is signed in yet). */
  signIn: MiddlewareHandler;
  /** /export/*, /calendar/*: keyed like `api`, with a budget of their own. */
  exports: MiddlewareHandler;
}

type ResolveViewer = (request: Request) => Promise<Viewer | null>;

export function rateLimits(options: RateLimitOptions, resolveViewer?: ResolveViewer): RateLimits {
  const trusted = options.trustedProxies ?? trustedProxies([]);
  const limiter = (name: string, points: number) =>
    new RateLimiterRedis({
      storeClient: options.redis,
      keyPrefix: `${options.keyPrefix}:ratelimit${name}`,
      points,
      duration: options.windowSeconds,
      // If Redis is unreachable the limit falls back to this instance's memory rather than
      // refusing everyone.
      insuranceLimiter: new RateLimiterMemory({ points, duration: options.windowSeconds }),
    });
  const unknownTokens = limiter(":unknown-token", options.unknownTokenPoints ?? defaultUnknownTokenPoints);

  const addressOf = (c: HonoContext) =>
    clientAddress(socketAddress(c.env), c.req.header("x-forwarded-for"), trusted) ?? "unknown";

  async function callerKey(c: HonoContext): Promise<{ key: string; unknownToken: boolean }> {
    const address = `ip:${addressOf(c)}`;
    const viewer = resolveViewer ? await resolveViewer(c.req.raw) : null;
    if (viewer?.tokenId) return { key: `token:${viewer.tokenId}`, unknownToken: false };
    if (viewer?.personId) return { key: `person:${viewer.personId}`, unknownToken: false };
    const bearer = /^Bearer\s/i.test(c.req.header("authorization") ?? "");
    return { key: address, unknownToken: bearer && !viewer };
  }

  function middleware(
    name: string,
    points: number,
    keyOf: (c: HonoContext) => Promise<{ key: string; unknownToken: boolean }>,
  ): MiddlewareHandler {
    const bucket = limiter(name, points);
    return async (c, next) => {
      if (c.req.method === "OPTIONS") return next();
      try {
        const { key, unknownToken } = await keyOf(c);
        if (unknownToken) await unknownTokens.consume(key);
        const res = await bucket.consume(key);
        c.header("RateLimit-Limit", String(points));
        c.header("RateLimit-Remaining", String(res.remainingPoints));
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          recordSecurityEvent("rate_limited", name.replace(/^:/, "") || "api", { path: c.req.path });
          return tooMany(c, error);
        }
        // A failed credential lookup (database outage) is the route's own business to report.
        options.log.warn({ err: error }, "rate limiter failed; request let through");
      }
      return next();
    };
  }

  return {
    api: middleware("", options.points, callerKey),
    signIn: middleware(":sign-in", options.signInPoints ?? defaultSignInPoints, async (c) => ({
      key: `ip:${addressOf(c)}`,
      unknownToken: false,
    })),
    exports: middleware(":export", options.exportPoints ?? defaultExportPoints, callerKey),
  };
}

function tooMany(c: HonoContext, limited: RateLimiterRes): Response {
  const retryAfter = Math.max(1, Math.ceil(limited.msBeforeNext / 1000));
  c.header("Retry-After", String(retryAfter));
  return c.json(
    { errors: [{ message: "Too many requests", extensions: { code: "RATE_LIMITED", retryAfter } }] },
    429,
  );
}
