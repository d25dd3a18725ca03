import { type Database, Prisma } from "@samspill/database";
import type { OverviewScope } from "./scope.js";

// The overview's one statement. Postgres sums the read model's counters per cell, counts each
// published offer in scope once per column from its snapshot, lists what needs attention and
// the agreements near their end, and hands back the answer as one JSON document already in the
// shape the GraphQL types expose: reading it costs the gateway a JSON.parse, not thousands of
// mapped rows and parsed snapshots. Provider lists per cell are built only when asked for (the
// overview page shows counts); the names are read live, so a renamed organisation shows under
// its new name without re-projecting its offers.
//
// Its cost is kept down by reading only what the scope needs (issue 16): the counters through
// their primary key (municipality, then the dimension compared as the enum it is: compared as
// text, Postgres scanned every counter), each municipality's cells in one grouped pass instead
// of a subquery per municipality, and provider ids aggregated only when asked for. The scope's
// offers come through the GIN index on their municipalities, kept without a pending list
// (migration 20261207080000) so that a burst of projected events does not make every read scan it.
//
// Only the parts a read needs are sent: Postgres plans every part of a statement, even one a
// constant condition switches off (FILTER (WHERE false), WHERE $n IS NULL), and planning the
// agreements, provider ids and names, the languages' columns and the health-community filter on
// every signed-out read of a trust cost about as much as running the rest. The offers' values
// need no DISTINCT: both writers of "OverviewOffer" (project.ts, rebuild.ts) store the lists
// sorted and de-duplicated (normaliseSnapshot), so an offer yields each value once.

export interface StatementInput {
  scope: OverviewScope;
  /** The matrix dimension (an OverviewDimension name other than TOTAL). */
  dimension: string;
  /** The snapshot field holding the dimension's values (a list, or one value for the format). */
  snapshotKey: string;
  /** The columns of a closed vocabulary in display order; null: the languages in use. */
  closedValues: readonly string[] | null;
  withProviders: boolean;
  withAgreements: boolean;
  /** Today and the attention horizon's last day, as UTC dates (YYYY-MM-DD). */
  today: string;
  horizonEnd: string;
}

export async function overviewDocument(db: Database, input: StatementInput): Promise<string> {
  const trust = input.scope.hospitalTrustId ?? null;
  const community = input.scope.healthCommunityId ?? null;
  const closed = input.closedValues ? [...input.closedValues] : null;
  const p = input.withProviders;
  const none = Prisma.empty;
  // The municipalities' organisations: for the agreements' parties and the community filter only.
  const withOrg = input.withAgreements || community !== null;
  const ids = (expr: Prisma.Sql) =>
    p ? Prisma.sql`array_agg(${expr}) AS ids` : Prisma.sql`NULL::text[] AS ids`;
  const rows = await db.$queryRaw<{ json: string }[]>(Prisma.sql`
WITH m AS (
  SELECT mu."number", mu."name"${withOrg ? Prisma.sql`, org."id" AS org` : none}
  FROM "Municipality" mu${withOrg ? Prisma.sql` LEFT JOIN "Organisation" org ON org."municipalityNumber" = mu."number"` : none}
  WHERE ${trust !== null ? Prisma.sql`mu."hospitalTrustId" = ${trust}::uuid` : Prisma.sql`TRUE`}${
    community !== null
      ? Prisma.sql` AND EXISTS (SELECT 1 FROM "HealthCommunityMember" hm
      WHERE hm."healthCommunityId" = ${community}::uuid AND hm."organisationId" = org."id")`
      : none
  }
),
mns AS (SELECT coalesce(array_agg(m."number"), '{}') AS numbers FROM m),
o AS (
  SELECT v."offerId", v."title", v."providerId", v."municipalityNumbers", v."flaggedForReview",
         v."reviewDueOn", v."snapshot" -> ${input.snapshotKey} AS vals
  FROM "OverviewOffer" v
  WHERE v."status" = 'PUBLISHED' AND v."municipalityNumbers" && (SELECT mns.numbers::text[] FROM mns)
),
ov AS (
  SELECT o."offerId", o."providerId", x.value
  FROM o, LATERAL jsonb_array_elements_text(CASE jsonb_typeof(o.vals)
    WHEN 'array' THEN o.vals WHEN 'string' THEN jsonb_build_array(o.vals) ELSE '[]'::jsonb END) AS x(value)
),
vals AS (${
    closed
      ? Prisma.sql`
  SELECT t.value, t.ord FROM unnest(${closed}::text[]) WITH ORDINALITY AS t(value, ord)`
      : Prisma.sql`
  -- Languages: those in use, most offers first, then by code.
  SELECT ov.value, row_number() OVER (ORDER BY count(*) DESC, ov.value COLLATE "C") AS ord
  FROM ov GROUP BY ov.value`
  }
),
c AS (
  SELECT c."municipalityNumber" AS mn, c."dimension"::text AS dim, c."value",
         sum(c."offers")::int AS offers, count(*)::int AS providers, ${ids(Prisma.sql`c."providerId"::text`)}
  FROM "OverviewCount" c
  WHERE c."municipalityNumber" = ANY((SELECT mns.numbers FROM mns)::bpchar[])
    AND c."dimension" = ANY(ARRAY['TOTAL', 'PRIORITY_GROUP', ${input.dimension}]::"OverviewDimension"[])
  GROUP BY 1, 2, 3
),
cells AS (
  SELECT m."number" AS mn, json_agg(json_build_object('value', vals.value,
      'offerCount', coalesce(c.offers, 0), 'providerCount', coalesce(c.providers, 0),
      'providerIds', c.ids) ORDER BY vals.ord) AS cells
  FROM m CROSS JOIN vals LEFT JOIN c ON c.mn = m."number" AND c.dim = ${input.dimension} AND c.value = vals.value
  GROUP BY m."number"
),
scoped AS (
  SELECT ov.value, count(*)::int AS offers, count(DISTINCT ov."providerId")::int AS providers,
         ${ids(Prisma.sql`DISTINCT ov."providerId"::text`)}
  FROM ov GROUP BY ov.value
),
items AS (
  SELECT o."offerId", o."title", o."flaggedForReview", o."reviewDueOn",
    json_build_object('offerId', o."offerId", 'title', o."title",
      'provider', json_build_object('id', o."providerId", 'name', coalesce(pr."name", o."providerId"::text)),
      'municipalityNumbers', o."municipalityNumbers", 'reviewDueOn', o."reviewDueOn",
      'reviewDueInDays', CASE WHEN o."reviewDueOn" <= ${input.horizonEnd}::date
        THEN o."reviewDueOn" - ${input.today}::date END) AS item
  FROM o LEFT JOIN "Organisation" pr ON pr."id" = o."providerId"
  WHERE o."flaggedForReview" OR o."reviewDueOn" <= ${input.horizonEnd}::date
)
SELECT json_build_object(
  'values', (SELECT coalesce(json_agg(vals.value ORDER BY vals.ord), '[]') FROM vals),
  'rows', (SELECT coalesce(json_agg(json_build_object(
      'municipalityNumber', m."number", 'municipalityName', m."name",
      'total', json_build_object('value', 'ALL', 'offerCount', coalesce(t.offers, 0),
        'providerCount', coalesce(t.providers, 0), 'providerIds', t.ids),
      'cells', coalesce(cl.cells, '[]')
    ) ORDER BY m."number"), '[]')
    FROM m LEFT JOIN c t ON t.mn = m."number" AND t.dim = 'TOTAL' LEFT JOIN cells cl ON cl.mn = m."number"),
  'priorityGroups', (SELECT coalesce(json_agg(json_build_array(c.mn, c.value, c.offers)), '[]')
    FROM c WHERE c.dim = 'PRIORITY_GROUP'),
  'totals', (SELECT coalesce(json_agg(json_build_object('value', vals.value,
      'offerCount', coalesce(s.offers, 0), 'providerCount', coalesce(s.providers, 0),
      'providerIds', s.ids) ORDER BY vals.ord), '[]')
    FROM vals LEFT JOIN scoped s ON s.value = vals.value),
  'total', (SELECT json_build_object('value', 'ALL', 'offerCount', count(*),
      'providerCount', count(DISTINCT o."providerId"),
      'providerIds', ${p ? Prisma.sql`coalesce(array_agg(DISTINCT o."providerId"::text), '{}')` : Prisma.sql`NULL::text[]`})
    FROM o),
  'providerNames', ${
    p
      ? Prisma.sql`(SELECT coalesce(json_object_agg(pr."id", pr."name"), '{}')
    FROM "Organisation" pr
    WHERE pr."id" IN (SELECT o."providerId" FROM o UNION SELECT c."providerId" FROM "OverviewCount" c
      WHERE c."municipalityNumber" = ANY((SELECT mns.numbers FROM mns)::bpchar[])))`
      : Prisma.sql`NULL::json`
  },
  'flaggedOffers', (SELECT coalesce(json_agg(i.item ORDER BY i."title"), '[]')
    FROM items i WHERE i."flaggedForReview"),
  'reviewsDue', (SELECT coalesce(json_agg(i.item ORDER BY i."reviewDueOn", i."title"), '[]')
    FROM items i WHERE i."reviewDueOn" <= ${input.horizonEnd}::date),
  -- Agreements are not projected (the projector consumes offer events only): read live.
  'expiringAgreements', ${
    input.withAgreements
      ? Prisma.sql`(SELECT coalesce(json_agg(json_build_object('id', a."id", 'title', a."title",
      'subAgreement', a."subAgreement", 'validTo', a."validTo",
      'daysLeft', a."validTo"::date - ${input.today}::date,
      'parties', (SELECT coalesce(json_agg(json_build_object('id', po."id", 'name', po."name")), '[]')
        FROM "AgreementParty" ap JOIN "Organisation" po ON po."id" = ap."organisationId"
        WHERE ap."agreementId" = a."id")
    ) ORDER BY a."validTo", a."title"), '[]')
    FROM "Agreement" a
    WHERE a."status" = 'ACTIVE' AND a."validTo" IS NOT NULL AND a."validTo" <= ${input.horizonEnd}::date
      AND EXISTS (SELECT 1 FROM "AgreementParty" ap WHERE ap."agreementId" = a."id"
        AND ap."organisationId" IN (SELECT m.org FROM m WHERE m.org IS NOT NULL
          UNION ALL SELECT ${trust}::uuid UNION ALL SELECT ${community}::uuid)))`
      : Prisma.sql`'[]'::json`
  }
)::text AS json`);
  const json = rows[0]?.json;
  if (!json) throw new Error("the overview statement returned no row");
  return json;
}
