import type { Database } from "@samspill/database";

// The municipalities an overview covers. Which municipalities a trust or community covers is
// reference data no offer event carries, so the scope is read live.

export interface OverviewScope {
  hospitalTrustId?: string | null;
  healthCommunityId?: string | null;
}

export class OverviewScopeError extends Error {}

export interface ScopeMunicipality {
  number: string;
  name: string;
  hospitalTrustId: string | null;
  organisation: { id: string } | null;
}

/** A hospital trust's catchment, a health community's members, or both (their common municipalities). */
export async function scopeMunicipalities(db: Database, scope: OverviewScope): Promise<ScopeMunicipality[]> {
  const { hospitalTrustId, healthCommunityId } = scope;
  if (!hospitalTrustId && !healthCommunityId)
    throw new OverviewScopeError("Give a hospital trust, a health community or both");
  return db.municipality.findMany({
    where: {
      ...(hospitalTrustId ? { hospitalTrustId } : {}),
      ...(healthCommunityId
        ? { organisation: { is: { communityMemberships: { some: { healthCommunityId } } } } }
        : {}),
    },
    select: { number: true, name: true, hospitalTrustId: true, organisation: { select: { id: true } } },
    orderBy: { number: "asc" },
  });
}
