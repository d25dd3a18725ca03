import { createDatabase } from "@samspill/database";
import { publishOverviewChange, queuePrefix } from "@samspill/events";
import { rebuildOverview } from "@samspill/read-model";
import { Redis } from "ioredis";
import { parseWorkerEnv } from "../env.js";

// `pnpm --filter @samspill/worker rebuild-overview`: recomputes the overview read model from the
// offer tables in one transaction (after a seed, a restore, or a projector bug fix), then tells
// open overviews to reload.

const env = parseWorkerEnv();
const db = createDatabase({ url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA, maxConnections: 2 });
try {
  const started = Date.now();
  const summary = await rebuildOverview(db);
  console.log(
    `Overview rebuilt in ${Date.now() - started} ms: ${summary.offers} offers (${summary.published} published), ${summary.counters} counters.`,
  );
  const trusts = await db.organisation.findMany({ where: { kind: "HOSPITAL_TRUST" }, select: { id: true } });
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    const changedAt = new Date().toISOString();
    for (const t of trusts) {
      await publishOverviewChange(redis, queuePrefix(env.QUEUE_PREFIX), {
        hospitalTrustId: t.id,
        municipalityNumbers: [],
        offerId: null,
        eventId: null,
        reason: "REBUILD",
        changedAt,
      });
    }
  } catch (error) {
    console.warn(
      `Open overviews were not notified (Redis: ${error instanceof Error ? error.message : error}).`,
    );
  } finally {
    redis.disconnect();
  }
} finally {
  await db.$disconnect();
}
