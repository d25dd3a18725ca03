import { parseArgs } from "node:util";
import { createDatabase } from "@samspill/database";
import { redriveOutbox } from "@samspill/events";
import { z } from "zod";
import { parseWorkerEnv } from "../env.js";

// `pnpm --filter @samspill/worker redrive-outbox -- --since 2026-11-23T10:00:00Z`: after Redis
// lost data, marks the events since then unsent so the running workers' relays queue them again.
// Run `rebuild-overview` afterwards to have the read model recomputed as well.

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { since: { type: "string" } },
});
const since = z.iso.datetime({ offset: true }).safeParse(values.since);
if (!since.success) {
  console.error("--since must be an ISO 8601 date-time, e.g. --since 2026-11-23T10:00:00Z");
  process.exit(2);
}

const env = parseWorkerEnv();
const db = createDatabase({ url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA, maxConnections: 1 });
try {
  const { redriven } = await redriveOutbox(db, new Date(since.data));
  console.log(`${redriven} outbox events since ${since.data} marked unsent; the relays send them again.`);
} finally {
  await db.$disconnect();
}
