import { createDatabase, type Database } from "@samspill/database";
import { inject } from "vitest";
import { provisionDatabase } from "../setup/provision.js";

/** A client on this run's database; `onQuery` sees every SQL statement (for N+1 tests). */
export function testDatabase(onQuery?: (sql: string) => void): Database {
  return createDatabase({ url: inject("databaseUrl"), maxConnections: 4, onQuery });
}

/**
 * A migrated database of one test file's own, dropped by `close`. For a test whose answer depends
 * on every row present, such as search ranking over exactly the seed and its own offers: files
 * share the run's database and run one after another, so another file's offers would shift it.
 */
export async function privateDatabase(): Promise<{ db: Database; url: string; close: () => Promise<void> }> {
  const provisioned = await provisionDatabase(inject("databaseMode"));
  const db = createDatabase({ url: provisioned.url, maxConnections: 4 });
  return {
    db,
    url: provisioned.url,
    close: async () => {
      await db.$disconnect();
      await provisioned.teardown();
    },
  };
}
