import { type Database, Prisma } from "@samspill/database";
import { type OfferFilters, offerSearchWhere } from "./offer-search.js";
import { osloStart, timeOfDaySql, weekdaySql } from "./when-and-where.js";

export const facetNames = [
  "format",
  "language",
  "audience",
  "kind",
  "diagnosisGroup",
  "municipality",
  "dayOfWeek",
  "timeOfDay",
] as const;
export type FacetName = (typeof facetNames)[number];
export interface FacetCount {
  value: string;
  count: number;
}
export type OfferFacets = Record<FacetName, FacetCount[]>;

/**
 * How many of the current search's offers have each format, language, audience, kind, diagnosis
 * group and municipality, and an upcoming session on each weekday and part of the day: one
 * statement, the search's WHERE computed once. Counts are of offers (public catalogue rows), not
 * of people, so the small-count rule does not apply. Values with no offer are left out.
 */
export async function offerFacets(
  db: Database,
  filters: OfferFilters,
  visibleTo: readonly string[],
): Promise<OfferFacets> {
  const where = offerSearchWhere(filters, visibleTo);
  const local = osloStart("s");
  const rows = await db.$queryRaw<{ facet: FacetName; value: string; count: bigint }[]>(Prisma.sql`
    WITH hits AS MATERIALIZED (
      SELECT o."id", o."format", o."kind", o."languages", o."audiences", o."diagnosisGroups", o."providerId"
      FROM "Offer" o WHERE ${where}),
    slots AS (
      SELECT DISTINCT s."offerId", ${weekdaySql(local)} AS day, ${timeOfDaySql(local)} AS part
      FROM "OfferSession" s JOIN hits h ON h."id" = s."offerId"
      WHERE NOT s."cancelled" AND s."startsAt" >= now() AT TIME ZONE 'UTC'),
    places AS (
      SELECT om."offerId", om."municipalityNumber" AS number
      FROM "OfferMunicipality" om JOIN hits h ON h."id" = om."offerId"
      UNION
      SELECT h."id", p."municipalityNumber" FROM hits h JOIN "Organisation" p ON p."id" = h."providerId"
      WHERE p."municipalityNumber" IS NOT NULL)
    SELECT 'format' AS facet, "format"::text AS value, count(*) AS count FROM hits GROUP BY 2
    UNION ALL SELECT 'kind', "kind"::text, count(*) FROM hits GROUP BY 2
    UNION ALL SELECT 'language', l, count(*) FROM hits, unnest(hits."languages") l GROUP BY 2
    UNION ALL SELECT 'audience', a::text, count(*) FROM hits, unnest(hits."audiences") a GROUP BY 2
    UNION ALL SELECT 'diagnosisGroup', g::text, count(*) FROM hits, unnest(hits."diagnosisGroups") g GROUP BY 2
    UNION ALL SELECT 'municipality', number, count(DISTINCT "offerId") FROM places GROUP BY 2
    UNION ALL SELECT 'dayOfWeek', day, count(DISTINCT "offerId") FROM slots GROUP BY 2
    UNION ALL SELECT 'timeOfDay', part, count(DISTINCT "offerId") FROM slots GROUP BY 2`);
  const facets = Object.fromEntries(facetNames.map((n) => [n, [] as FacetCount[]])) as OfferFacets;
  for (const r of rows) facets[r.facet].push({ value: r.value, count: Number(r.count) });
  // Most offers first, ties by value, so a facet reads the same on every request.
  for (const n of facetNames) facets[n].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return facets;
}
