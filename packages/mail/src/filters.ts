import type { Database, Prisma } from "@samspill/database";
import type { DiagnosisGroup, PriorityGroup } from "@samspill/domain";
import { diagnosisGroupLabels, priorityGroupLabels } from "@samspill/domain";

/** What a subscriber narrowed their mail to; an empty list means "all". */
export interface SubscriberFilter {
  /** With the catchments of `hospitalTrustIds` already in (withCatchments). */
  municipalityNumbers: readonly string[];
  priorityGroups: readonly PriorityGroup[];
  diagnosisGroups: readonly DiagnosisGroup[];
  /** The hospital trusts chosen, named in the mail instead of each of their municipalities. */
  hospitalTrustIds?: readonly string[];
}

/**
 * A hospital trust in a subscription stands for the municipalities of its catchment area: the
 * rows come back with those added to their municipality numbers. One query for all rows.
 */
export async function withCatchments<T extends { municipalityNumbers: string[]; hospitalTrustIds: string[] }>(
  db: Database,
  rows: readonly T[],
): Promise<T[]> {
  const trustIds = [...new Set(rows.flatMap((r) => r.hospitalTrustIds))];
  if (trustIds.length === 0) return [...rows];
  const catchment = await db.municipality.findMany({
    where: { hospitalTrustId: { in: trustIds } },
    select: { number: true, hospitalTrustId: true },
  });
  return rows.map((row) => {
    if (row.hospitalTrustIds.length === 0) return row;
    const trusts = new Set(row.hospitalTrustIds);
    const added = catchment.filter((m) => trusts.has(m.hospitalTrustId ?? "")).map((m) => m.number);
    return { ...row, municipalityNumbers: [...new Set([...row.municipalityNumbers, ...added])] };
  });
}

/** The facets of an offer a filter looks at (from an event's snapshot or the row). */
export interface OfferFacets {
  municipalityNumbers: readonly string[];
  priorityGroups: readonly string[];
  diagnosisGroups: readonly string[];
}

const meets = (wanted: readonly string[], has: readonly string[]) =>
  wanted.length === 0 || wanted.some((w) => has.includes(w));

/** True when the offer meets every dimension the subscriber narrowed (any value of each). */
export function matchesFilter(filter: SubscriberFilter, offer: OfferFacets): boolean {
  return (
    meets(filter.municipalityNumbers, offer.municipalityNumbers) &&
    meets(filter.priorityGroups, offer.priorityGroups) &&
    meets(filter.diagnosisGroups, offer.diagnosisGroups)
  );
}

/** The same rule as matchesFilter, as a Prisma `where` on Offer. */
export function offerWhere(filter: SubscriberFilter): Prisma.OfferWhereInput {
  const where: Prisma.OfferWhereInput[] = [];
  if (filter.municipalityNumbers.length > 0) {
    where.push({ municipalities: { some: { municipalityNumber: { in: [...filter.municipalityNumbers] } } } });
  }
  if (filter.priorityGroups.length > 0)
    where.push({ priorityGroups: { hasSome: [...filter.priorityGroups] } });
  if (filter.diagnosisGroups.length > 0)
    where.push({ diagnosisGroups: { hasSome: [...filter.diagnosisGroups] } });
  return { AND: where };
}

/**
 * The filter in words for the mail: hospital trusts, the municipalities outside their
 * catchments, then priority and diagnosis groups.
 */
export async function describeFilter(
  db: Database,
  filter: SubscriberFilter,
  /** Every municipality in name order, read once for many filters (digestLookups). */
  allMunicipalities?: () => Promise<readonly { number: string; name: string }[]>,
): Promise<string[]> {
  const trustIds = [...(filter.hospitalTrustIds ?? [])];
  const wanted = new Set(filter.municipalityNumbers);
  const [trusts, municipalities] = await Promise.all([
    trustIds.length === 0
      ? []
      : db.organisation.findMany({
          where: { id: { in: trustIds } },
          orderBy: { name: "asc" },
          select: { name: true },
        }),
    // Without trusts no catchment is left out: the names come from the list, in its order.
    trustIds.length === 0 && allMunicipalities
      ? allMunicipalities().then((all) => all.filter((m) => wanted.has(m.number)))
      : db.municipality.findMany({
          where: {
            number: { in: [...filter.municipalityNumbers] },
            ...(trustIds.length > 0
              ? { OR: [{ hospitalTrustId: null }, { hospitalTrustId: { notIn: trustIds } }] }
              : {}),
          },
          orderBy: { name: "asc" },
          select: { name: true },
        }),
  ]);
  return [
    ...trusts.map((t) => t.name),
    ...municipalities.map((m) => m.name),
    ...filter.priorityGroups.map((g) => priorityGroupLabels[g]),
    ...filter.diagnosisGroups.map((g) => diagnosisGroupLabels[g]),
  ];
}
