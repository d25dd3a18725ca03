import { createDatabase } from "@samspill/database";
import { seedDemoData } from "./run.js";

// `pnpm --filter @samspill/seed seed`: loads the demo region into DATABASE_URL. Safe to run again.
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: point it at the Postgres database to seed.");
  process.exit(1);
}
const db = createDatabase({ url, maxConnections: 4 });
try {
  const summary = await seedDemoData(db);
  console.log(
    `Seeded ${summary.organisations} organisations (${summary.municipalities} municipalities), ${summary.people} people, ` +
      `${summary.offers} offers with ${summary.sessions} sessions, ${summary.agreements} agreements, ` +
      `${summary.meetingPoints} meeting points, ${summary.measures} action-plan measures.`,
  );
} finally {
  await db.$disconnect();
}
