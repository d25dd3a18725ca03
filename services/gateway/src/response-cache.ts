import { getHeapStatistics } from "node:v8";
import { getOperationAST, parse } from "graphql";
import type { MiddlewareHandler } from "hono";

// Whole GraphQL responses for signed-out readers, kept between changes. The public catalogue,
// offer pages and the overview are read far more often than anything changes, and a signed-out
// reader's answer depends only on the request body and the language asked for. A hit skips
// yoga, Pothos and Prisma entirely.
//
// What is cached: POST /graphql without a cookie or Authorization header, whose operation is a
// query, answered 200 without errors. The key is the body and Accept-Language. Everything is
// dropped when the hub announces a change (an overview projection, or any committed mutation:
// see change-listener.ts); a response whose request began before a change is not stored.
// `ttlMs` bounds what a lost announcement costs and how far time-relative fields (upcoming
// sessions, days until a review) can lag behind the clock.

export interface ResponseCacheOptions {
  /** Longest a response is served; 0 disables the cache. */
  ttlMs: number;
  /** Bytes of memory the kept requests and responses may take at most; the least used go first. */
  maxBytes?: number;
  now?: () => number;
}

interface Entry {
  at: number;
  body: string;
  contentType: string;
  /** The key (the request) and the body, as memoryBytes counts them. */
  bytes: number;
}

export interface ResponseCache {
  middleware: MiddlewareHandler;
  /** Something changed: no response cached so far may be served again. */
  changed(): void;
  readonly size: number;
  readonly bytes: number;
}

/**
 * The default bound of this and the overview cache: an eighth of the V8 heap, at most 32 MB. Production caps the heap to the
 * container's budget (infra/local/node-flags.mjs); the cache must leave the rest to the requests.
 */
export const defaultMaxBytes = () =>
  Math.min(32 * 1024 * 1024, Math.floor(getHeapStatistics().heap_size_limit / 8));

/** What a string takes in V8: one byte a character while all are Latin-1 (æ, ø, å), else two. */
const memoryBytes = (text: string) => text.length * (/[\u0100-\uffff]/.test(text) ? 2 : 1);

/** Root fields that answer with one person's own data (a sign-up's private link): never kept. */
const privateRootFields = new Set(["signUpByToken"]);

function isQuery(body: string): boolean {
  try {
    const { query, operationName } = JSON.parse(body) as { query?: unknown; operationName?: unknown };
    if (typeof query !== "string") return false;
    const operation = getOperationAST(parse(query), typeof operationName === "string" ? operationName : null);
    if (operation?.operation !== "query") return false;
    // Fragments at the root could hide a private field: such answers are not kept either.
    return operation.selectionSet.selections.every(
      (s) => s.kind === "Field" && !privateRootFields.has(s.name.value),
    );
  } catch {
    return false;
  }
}

export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const now = options.now ?? Date.now;
  const maxBytes = options.maxBytes ?? defaultMaxBytes();
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let generation = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.bytes;
    entries.delete(key);
  };

  const middleware: MiddlewareHandler = async (c, next) => {
    const req = c.req.raw;
    if (
      options.ttlMs <= 0 ||
      req.method !== "POST" ||
      req.headers.has("cookie") ||
      req.headers.has("authorization")
    )
      return next();
    const body = await req.text();
    // yoga reads the request again: hand it an unread copy.
    c.req.raw = new Request(req.url, { method: req.method, headers: req.headers, body });
    const key = `${req.headers.get("accept-language") ?? ""}\n${body}`;
    const hit = entries.get(key);
    if (hit && now() - hit.at < options.ttlMs) {
      // Most recently used last, so eviction takes the least used.
      entries.delete(key);
      entries.set(key, hit);
      return c.body(hit.body, 200, { "content-type": hit.contentType, "x-cache": "hit" });
    }
    if (hit) drop(key);
    const started = generation;
    await next();
    const res = c.res;
    const contentType = res.headers.get("content-type") ?? "";
    if (res.status !== 200 || !contentType.startsWith("application/json") || generation !== started) return;
    if (!isQuery(body)) return;
    const text = await res.clone().text();
    if (generation !== started || text.includes('"errors"')) return;
    const size = memoryBytes(key) + memoryBytes(text);
    entries.set(key, { at: now(), body: text, contentType, bytes: size });
    bytes += size;
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes) break;
      drop(oldest);
    }
  };

  return {
    middleware,
    changed() {
      generation += 1;
      entries.clear();
      bytes = 0;
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };
}
