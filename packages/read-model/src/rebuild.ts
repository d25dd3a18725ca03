import type { Database } from "@samspill/database";
import { offerSnapshotSelect, toOfferSnapshot } from "@samspill/events";
import { countAll, normaliseSnapshot } from "./contributions.js";
import { applyDeltas, projectionRow } from "./project.js";

export interface RebuildSummary {
  offers: number;
  published: number;
  counters: number;
}

/**
 * Recomputes the read model from the offer tables in one transaction. Readers keep seeing the
 * old overview until it commits; projections wait for it (see projectOffer) and then apply only
 * events newer than the versions it read, so nothing committed meanwhile is lost.
 */
export async function rebuildOverview(db: Database): Promise<RebuildSummary> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`LOCK TABLE "OverviewOffer", "OverviewCount" IN EXCLUSIVE MODE`;
      // The one path that reads the offer tables: a rebuild is for when events were lost or the
      // counters went out of step, so it starts from the source of truth, not from events.
      const rows = await tx.offer.findMany({ select: offerSnapshotSelect, orderBy: { id: "asc" } });
      const snapshots = rows.map((r) => normaliseSnapshot(toOfferSnapshot(r)));
      const counts = countAll(snapshots);
      await tx.overviewCount.deleteMany({});
      await tx.overviewOffer.deleteMany({});
      await tx.overviewOffer.createMany({ data: snapshots.map((s) => projectionRow(s, null)) });
      // One statement with array parameters: far faster than a createMany of thousands of rows.
      await applyDeltas(tx, counts);
      return {
        offers: snapshots.length,
        published: snapshots.filter((s) => s.status === "PUBLISHED").length,
        counters: counts.length,
      };
    },
    { maxWait: 10_000, timeout: 300_000 },
  );
}
