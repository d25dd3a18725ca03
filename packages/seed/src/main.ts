import { withSeedDatabase } from "./cli-database.js";
import { seedDemoData } from "./run.js";

// `pnpm --filter @samspill/seed seed`: loads the demo region into DATABASE_URL. Safe to run again.
await withSeedDatabase(async (db) => {
  const summary = await seedDemoData(db);
  console.log(
    `Seeded ${summary.organisations} organisations (${summary.municipalities} municipalities), ${summary.people} people, ` +
      `${summary.offers} offers with ${summary.sessions} sessions, ${summary.agreements} agreements, ` +
      `${summary.meetingPoints} meeting points, ${summary.measures} action-plan measures.`,
  );
});
