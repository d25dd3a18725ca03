import { GraphQLError } from "graphql";

// While Postgres is down, restarting or failing over, requests cannot be answered, but nothing
// is wrong with them either: they get 503 with Retry-After (clients and load balancers retry)
// and a typed error, never a 500 or a hang. The pool reconnects by itself once the database is
// back, so the gateway recovers without a restart.

/** Seconds a client should wait before retrying while the database is unavailable. */
export const databaseRetryAfterSeconds = 5;

/** Prisma's codes for "no usable connection": unreachable, timed out, closed, pool exhausted. */
const prismaCodes = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** The driver adapter's error kinds for the same. */
const adapterKinds = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
/** Node's socket errors on the way to the database. */
const socketCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);
/** pg's own messages when a connection dies under it or cannot be made. */
const pgMessages = [
  /^Connection terminated/,
  /^Client has encountered a connection error/,
  /^timeout exceeded when trying to connect/,
];

/**
 * Postgres SQLSTATEs: class 08 (connection exception), 57P01-57P03 (administrator or crash
 * shutdown, cannot connect now: the server is starting or recovering), 53300 (too many
 * connections).
 */
function unavailableSqlState(code: string): boolean {
  return code.startsWith("08") || /^57P0[1-3]$/.test(code) || code === "53300";
}

interface ErrorLike {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
  meta?: { driverAdapterError?: unknown; code?: unknown };
}

/** True when `error` (or anything it wraps) says the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 8) return false;
  const e = error as ErrorLike;
  const code = typeof e.code === "string" ? e.code : "";
  if (prismaCodes.has(code) || socketCodes.has(code)) return true;
  if (typeof e.kind === "string") {
    if (adapterKinds.has(e.kind)) return true;
    // The adapter's "postgres" kind carries the server's SQLSTATE in `code`.
    if (e.kind === "postgres" && unavailableSqlState(code)) return true;
  }
  // A raw pg error: a five-character SQLSTATE and a severity.
  if (code.length === 5 && "severity" in e && unavailableSqlState(code)) return true;
  if (typeof e.message === "string" && pgMessages.some((p) => p.test(e.message as string))) return true;
  return [e.meta?.driverAdapterError, e.cause, e.originalError].some((inner) =>
    isDatabaseUnavailable(inner, depth + 1),
  );
}

/** What a GraphQL client receives instead of "Unexpected error": typed, with a 503 and Retry-After. */
export function databaseUnavailableError(original: GraphQLError | null): GraphQLError {
  return new GraphQLError("The database is unavailable right now; try again in a few seconds.", {
    nodes: original?.nodes,
    path: original?.path,
    extensions: {
      code: "SERVICE_UNAVAILABLE",
      retryAfterSeconds: databaseRetryAfterSeconds,
      // Read by yoga for the response's status and headers, then left out of the body.
      http: { status: 503, headers: { "Retry-After": String(databaseRetryAfterSeconds) } },
    },
  });
}

/** The same answer for the plain HTTP routes (exports, sign-in, health). */
export function databaseUnavailableResponse(): Response {
  return Response.json(
    {
      errors: [
        {
          message: "The database is unavailable right now; try again in a few seconds.",
          extensions: { code: "SERVICE_UNAVAILABLE", retryAfterSeconds: databaseRetryAfterSeconds },
        },
      ],
    },
    { status: 503, headers: { "Retry-After": String(databaseRetryAfterSeconds) } },
  );
}
