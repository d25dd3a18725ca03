import { type Database, Prisma } from "@samspill/database";
import {
  audienceClasses,
  type CrossDimension,
  type CrossedFilters,
  type CrossedOverviewInput,
  crossDimensions,
  diagnosisGroups,
  filterOfDimension,
  offerFormats,
  patientAudiences,
  priorityGroups,
  relativeAudiences,
  servedLanguages,
} from "@samspill/domain";
import { scopeMunicipalities } from "./scope.js";

// The crossed overview: published offers of the read model counted over two dimensions at once,
// narrowed by filters on the others. The counting is one SQL statement over "OverviewOffer";
// the zero cells are filled in here from the dimensions' full value lists, so a language the
// region must serve shows a column at zero even when no offer has it.

/** A row or column value; `label` names a municipality or hospital trust (vocabularies are translated by the client). */
export interface CrossedValue {
  value: string;
  label: string;
}

export interface CrossedRow extends CrossedValue {
  /** Published offers per column, in the order of `columns`; each offer once per cell. */
  counts: number[];
}

export interface CrossedOverview {
  input: CrossedOverviewInput;
  rows: CrossedRow[];
  columns: CrossedValue[];
  /** The municipalities in scope with their hospital trust: what "nearest" measures place by. */
  municipalities: { number: string; name: string; hospitalTrustId: string | null }[];
  /** Names of the municipalities and hospital trusts in scope, by number or id. */
  placeNames: Map<string, string>;
}

/** An offer in scope with its coordinate in every dimension (lists: an offer may have several). */
export type OfferCoordinates = {
  id: string;
  title: string;
  providerId: string;
  providerName: string;
} & Record<CrossDimension, string[]>;

// Column of the coordinates CTE per dimension: fixed identifiers, never caller input.
const columnOf: Record<CrossDimension, Prisma.Sql> = {
  PRIORITY_GROUP: Prisma.raw('o."PRIORITY_GROUP"'),
  MUNICIPALITY: Prisma.raw('o."MUNICIPALITY"'),
  HOSPITAL_TRUST: Prisma.raw('o."HOSPITAL_TRUST"'),
  DIAGNOSIS_GROUP: Prisma.raw('o."DIAGNOSIS_GROUP"'),
  FORMAT: Prisma.raw('o."FORMAT"'),
  LANGUAGE: Prisma.raw('o."LANGUAGE"'),
  AUDIENCE: Prisma.raw('o."AUDIENCE"'),
};

/**
 * Each published offer serving the scope, with its values per dimension. Municipalities and
 * hospital trusts are those in scope only, so an offer also serving elsewhere counts here once.
 * An offer's audience class follows audienceClassOf (packages/domain), from the same lists.
 */
function coordinates(numbers: readonly string[]): Prisma.Sql {
  const scope = [...numbers];
  return Prisma.sql`
    SELECT ov."offerId"::text AS id, ov.title, ov."providerId"::text AS "providerId", org.name AS "providerName",
      ARRAY(SELECT jsonb_array_elements_text(ov.snapshot->'priorityGroups')) AS "PRIORITY_GROUP",
      ARRAY(SELECT m FROM unnest(ov."municipalityNumbers") m WHERE m = ANY(${scope}::text[]) ORDER BY m) AS "MUNICIPALITY",
      ARRAY(SELECT DISTINCT mu."hospitalTrustId"::text FROM "Municipality" mu
            WHERE mu.number::text = ANY(ov."municipalityNumbers") AND mu.number::text = ANY(${scope}::text[])
              AND mu."hospitalTrustId" IS NOT NULL) AS "HOSPITAL_TRUST",
      ARRAY(SELECT jsonb_array_elements_text(ov.snapshot->'diagnosisGroups')) AS "DIAGNOSIS_GROUP",
      ARRAY[ov.snapshot->>'format'] AS "FORMAT",
      ARRAY(SELECT jsonb_array_elements_text(ov.snapshot->'languages')) AS "LANGUAGE",
      ARRAY[CASE
        WHEN a.audiences && ${[...relativeAudiences]}::text[]
          THEN CASE WHEN a.audiences && ${[...patientAudiences]}::text[] THEN 'BOTH' ELSE 'RELATIVE' END
        ELSE 'PATIENT' END] AS "AUDIENCE"
    FROM "OverviewOffer" ov
    JOIN "Organisation" org ON org.id = ov."providerId"
    CROSS JOIN LATERAL (
      SELECT ARRAY(SELECT jsonb_array_elements_text(COALESCE(ov.snapshot->'audiences', '[]'::jsonb))) AS audiences
    ) a
    WHERE ov.status = 'PUBLISHED' AND ov."municipalityNumbers" && ${scope}::text[]`;
}

/** Every filter as "any of these values", an empty filter matching all. */
function filtered(filters: CrossedFilters): Prisma.Sql {
  const conditions = crossDimensions.map((d) => {
    const values = [...filters[filterOfDimension[d]]];
    return Prisma.sql`(cardinality(${values}::text[]) = 0 OR ${columnOf[d]} && ${values}::text[])`;
  });
  return Prisma.join(conditions, " AND ");
}

export async function readCrossedOverview(
  db: Database,
  input: CrossedOverviewInput,
): Promise<CrossedOverview> {
  const municipalities = await scopeMunicipalities(db, input);
  const numbers = municipalities.map((m) => m.number);
  const counts = await db.$queryRaw<{ row: string; column: string; offers: number }[]>`
    WITH o AS (${coordinates(numbers)})
    SELECT r.v AS "row", c.v AS "column", count(DISTINCT o.id)::int AS offers
    FROM o
    CROSS JOIN LATERAL unnest(${columnOf[input.rows]}) AS r(v)
    CROSS JOIN LATERAL unnest(${columnOf[input.columns]}) AS c(v)
    WHERE ${filtered(input.filters)}
    GROUP BY 1, 2`;

  const trustIds = [
    ...new Set(municipalities.flatMap((m) => (m.hospitalTrustId ? [m.hospitalTrustId] : []))),
  ];
  const trusts = trustIds.length
    ? await db.organisation.findMany({ where: { id: { in: trustIds } }, select: { id: true, name: true } })
    : [];
  const inUse = {
    rows: counts.map((c) => c.row),
    columns: counts.map((c) => c.column),
  };
  const valuesOf = (d: CrossDimension, used: string[]): CrossedValue[] => {
    const all = dimensionValues(d, {
      municipalities: municipalities.map((m) => ({ value: m.number, label: m.name })),
      trusts: trusts
        .map((t) => ({ value: t.id, label: t.name }))
        .sort((a, b) => norwegian.compare(a.label, b.label)),
      // The region's, those asked for as columns or in the filter, then those in use.
      languages: [
        ...new Set([...servedLanguages, ...input.languages, ...input.filters.languages, ...[...used].sort()]),
      ],
    });
    const only = input.filters[filterOfDimension[d]] as readonly string[];
    return only.length ? all.filter((v) => only.includes(v.value)) : all;
  };
  const rowValues = valuesOf(input.rows, inUse.rows);
  const columns = valuesOf(input.columns, inUse.columns);
  const byCell = new Map(counts.map((c) => [`${c.row}|${c.column}`, c.offers]));
  return {
    input,
    columns,
    municipalities,
    placeNames: new Map([
      ...municipalities.map((m) => [m.number, m.name] as const),
      ...trusts.map((t) => [t.id, t.name] as const),
    ]),
    rows: rowValues.map((r) => ({
      ...r,
      counts: columns.map((c) => byCell.get(`${r.value}|${c.value}`) ?? 0),
    })),
  };
}

const norwegian = new Intl.Collator("nb");

const vocabulary = (values: readonly string[]): CrossedValue[] =>
  values.map((value) => ({ value, label: value }));

function dimensionValues(
  d: CrossDimension,
  known: { municipalities: CrossedValue[]; trusts: CrossedValue[]; languages: string[] },
): CrossedValue[] {
  switch (d) {
    case "PRIORITY_GROUP":
      return vocabulary(priorityGroups);
    case "DIAGNOSIS_GROUP":
      return vocabulary(diagnosisGroups);
    case "FORMAT":
      return vocabulary(offerFormats);
    case "AUDIENCE":
      return vocabulary(audienceClasses);
    case "LANGUAGE":
      return vocabulary(known.languages);
    case "MUNICIPALITY":
      return known.municipalities;
    case "HOSPITAL_TRUST":
      return known.trusts;
  }
}

/** The published offers in scope with their coordinates: what the nearest offers are chosen from. */
export async function offersInScope(
  db: Database,
  municipalityNumbers: readonly string[],
): Promise<OfferCoordinates[]> {
  return db.$queryRaw<OfferCoordinates[]>`
    WITH o AS (${coordinates(municipalityNumbers)}) SELECT * FROM o ORDER BY o.title, o.id`;
}
