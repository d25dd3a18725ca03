import { type OverviewSnapshot, snapshotKey } from "@samspill/domain";
import type { Tx } from "../unit-of-work.js";

/**
 * Freezes the health community's overview as the read model holds it now: published offers per
 * member municipality, dimension and value, and the community's open flags. The read model's
 * rows count per provider; an offer has one provider, so their sum counts each offer once.
 */
export async function takeOverviewSnapshot(
  tx: Tx,
  healthCommunityId: string,
  takenAt: Date,
): Promise<OverviewSnapshot> {
  const municipalities = await tx.municipality.findMany({
    where: { organisation: { is: { communityMemberships: { some: { healthCommunityId } } } } },
    select: { number: true, name: true },
    orderBy: { number: "asc" },
  });
  const [sums, openFlags] = await Promise.all([
    tx.overviewCount.groupBy({
      by: ["municipalityNumber", "dimension", "value"],
      where: { municipalityNumber: { in: municipalities.map((m) => m.number) } },
      _sum: { offers: true },
    }),
    tx.forumFlag.count({ where: { healthCommunityId, state: "OPEN" } }),
  ]);
  const counts: Record<string, number> = {};
  for (const s of sums) {
    const offers = s._sum.offers ?? 0;
    if (offers > 0) counts[snapshotKey(s.municipalityNumber, s.dimension, s.value)] = offers;
  }
  return { version: 1, takenAt: takenAt.toISOString(), municipalities, counts, openFlags };
}
