import { createDatabase, type Database } from "@samspill/database";

/** Runs a seed command-line script against DATABASE_URL, or exits 1 naming the missing variable. */
export async function withSeedDatabase(run: (db: Database) => Promise<void>): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: point it at the Postgres database to seed.");
    process.exit(1);
  }
  const db = createDatabase({ url, maxConnections: 4 });
  try {
    await run(db);
  } finally {
    await db.$disconnect();
  }
}
