import { createDatabase, type Database } from "@samspill/database";
import { inject } from "vitest";

/** A client on this run's database; `onQuery` sees every SQL statement (for N+1 tests). */
export function testDatabase(onQuery?: (sql: string) => void): Database {
  return createDatabase({ url: inject("databaseUrl"), maxConnections: 4, onQuery });
}
