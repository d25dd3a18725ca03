import type { Database, Prisma } from "@samspill/database";
import type { DiagnosisGroup, PriorityGroup } from "@samspill/domain";
import { diagnosisGroupLabels, priorityGroupLabels } from "@samspill/domain";

/** What a subscriber narrowed their mail to; an empty list means "all". */
export interface SubscriberFilter {
  municipalityNumbers: readonly string[];
  priorityGroups: readonly PriorityGroup[];
  diagnosisGroups: readonly DiagnosisGroup[];
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

/** The filter in words for the mail: municipality names, then priority and diagnosis groups. */
export async function describeFilter(db: Database, filter: SubscriberFilter): Promise<string[]> {
  const municipalities = await db.municipality.findMany({
    where: { number: { in: [...filter.municipalityNumbers] } },
    orderBy: { name: "asc" },
    select: { name: true },
  });
  return [
    ...municipalities.map((m) => m.name),
    ...filter.priorityGroups.map((g) => priorityGroupLabels[g]),
    ...filter.diagnosisGroups.map((g) => diagnosisGroupLabels[g]),
  ];
}
