import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.js";

export interface DatabaseOptions {
  url: string;
  /** Largest number of pooled connections (the pg default of 10 suits one gateway process). */
  maxConnections?: number;
  /** Called once per SQL statement; used by tests that count queries. */
  onQuery?: (sql: string) => void;
  /** Postgres schema to use instead of `public` (each test run gets its own). */
  schema?: string;
}

export type Database = PrismaClient;

export function createDatabase(options: DatabaseOptions): Database {
  const adapter = new PrismaPg(
    { connectionString: options.url, max: options.maxConnections ?? 10 },
    options.schema ? { schema: options.schema } : undefined,
  );
  const client = new PrismaClient({
    adapter,
    log: options.onQuery ? [{ emit: "event", level: "query" }] : [],
  });
  if (options.onQuery) {
    const onQuery = options.onQuery;
    client.$on("query" as never, (e: { query: string }) => onQuery(e.query));
  }
  return withoutEmptySelects(client);
}

/**
 * A GraphQL client that asks a mutation only for `__typename` leaves the Pothos Prisma plugin
 * with nothing to select, and Prisma refuses an empty `select`. Reading the id alone is the
 * same answer at the same cost, so an empty selection becomes that, for every model and call.
 */
function withoutEmptySelects(client: PrismaClient): Database {
  return client.$extends({
    query: {
      $allModels: {
        $allOperations({ args, query }) {
          const a = args as { select?: Record<string, unknown> } | undefined;
          if (a?.select && Object.keys(a.select).length === 0) a.select = undefined;
          return query(args);
        },
      },
    },
  }) as unknown as Database;
}
