import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { diagnosisGroups, offerFormats, priorityGroups } from "@samspill/domain";
import { findGaps, horizonEnd } from "@samspill/read-model";
import pg from "pg";

// The floor: the same data as the gateway's three benchmarked queries, fetched by hand-written
// SQL through `pg` (one round trip each, JSON built by Postgres) behind a bare node:http
// server. No GraphQL, no ORM, no middleware: what a GraphQL layer on this database cannot beat.

const port = Number(process.env.PORT);
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 10),
});

const catalogueSql = `
WITH q AS (SELECT websearch_to_tsquery('norwegian', $1) AS q),
page AS (
  SELECT o."id", o."title", ts_rank_cd(o."searchVector", q.q) AS rank, count(*) OVER () AS total
  FROM "Offer" o, q
  WHERE o."status" = 'PUBLISHED' AND o."searchVector" @@ q.q
    AND o."format" = ANY($2::text[]::"OfferFormat"[]) AND o."priorityGroups" && $3::text[]::"PriorityGroup"[]
  ORDER BY rank DESC, o."title", o."id"
  LIMIT $4
)
SELECT json_build_object(
  'totalCount', coalesce(max(p.total), 0),
  'pageInfo', json_build_object('hasNextPage', coalesce(max(p.total), 0) > $4, 'hasPreviousPage', false,
    'startCursor', NULL, 'endCursor', NULL),
  'edges', coalesce(json_agg(json_build_object('node', json_build_object(
    'id', o."id", 'title', o."title", 'summary', o."summary", 'kind', o."kind", 'format', o."format",
    'languages', o."languages", 'accessibility', o."accessibility",
    'provider', json_build_object('id', pr."id", 'name', pr."name"),
    'sessions', (SELECT coalesce(json_agg(json_build_object('id', s."id", 'startsAt', s."startsAt", 'cancelled', s."cancelled")
                  ORDER BY s."startsAt"), '[]') FROM "OfferSession" s WHERE s."offerId" = o."id" AND s."startsAt" >= now())
  )) ORDER BY p.rank DESC, p."title", p."id"), '[]')
)::text AS json
FROM page p JOIN "Offer" o ON o."id" = p."id" JOIN "Organisation" pr ON pr."id" = o."providerId"`;

const offerSql = `
SELECT json_build_object(
  'id', o."id", 'title', o."title", 'summary', o."summary", 'description', o."description", 'kind', o."kind",
  'status', o."status", 'diagnosisScope', o."diagnosisScope", 'diagnosisCodes', o."diagnosisCodes",
  'diagnosisGroups', o."diagnosisGroups", 'topics', o."topics", 'audiences', o."audiences",
  'priorityGroups', o."priorityGroups", 'format', o."format", 'location', o."location", 'onlineUrl', o."onlineUrl",
  'languages', o."languages", 'accessibility', o."accessibility", 'userRepPlanning', o."userRepPlanning",
  'userRepDelivery', o."userRepDelivery", 'userRepEvaluation', o."userRepEvaluation",
  'a0099Eligible', o."a0099Eligible", 'interdisciplinary', o."interdisciplinary", 'reviewDueOn', o."reviewDueOn",
  'contactName', o."contactName", 'contactEmail', o."contactEmail", 'contactPhone', o."contactPhone",
  'howToJoin', o."howToJoin", 'registrationUrl', o."registrationUrl", 'flaggedForReview', o."flaggedForReview",
  'version', o."version", 'updatedAt', o."updatedAt",
  'provider', json_build_object('id', p."id", 'name', p."name", 'website', p."website"),
  'unit', CASE WHEN u."id" IS NULL THEN NULL ELSE json_build_object('id', u."id", 'name', u."name", 'address', u."address") END,
  'municipalities', (SELECT coalesce(json_agg(json_build_object('number', m."number", 'name', m."name") ORDER BY m."number"), '[]')
     FROM "OfferMunicipality" om JOIN "Municipality" m ON m."number" = om."municipalityNumber" WHERE om."offerId" = o."id"),
  'sessions', (SELECT coalesce(json_agg(json_build_object('id', s."id", 'startsAt', s."startsAt", 'endsAt', s."endsAt",
       'location', s."location", 'onlineUrl', s."onlineUrl", 'capacity', s."capacity",
       -- As the gateway answers a signed-out caller: 1–4 registrations hidden, with the free places.
       'registrations', CASE WHEN s."registrations" BETWEEN 1 AND 4 THEN NULL ELSE s."registrations" END,
       'availablePlaces', CASE WHEN s."capacity" IS NULL OR s."registrations" BETWEEN 1 AND 4 THEN NULL
         ELSE greatest(0, s."capacity" - s."registrations") END,
       'cancelled', s."cancelled", 'note', s."note", 'version', s."version") ORDER BY s."startsAt"), '[]')
     FROM "OfferSession" s WHERE s."offerId" = o."id")
)::text AS json
FROM "Offer" o JOIN "Organisation" p ON p."id" = o."providerId" LEFT JOIN "Unit" u ON u."id" = o."unitId"
WHERE o."id" = $1 AND o."status" = 'PUBLISHED'`;

// The overview computed from the base tables (offers, their municipalities, providers), not
// from the worker's read model: one hand-written statement, the fairest floor for what the
// gateway serves from its counters. It answers what the benchmark asks for, as a signed-out
// caller sees it: the page's counts (no provider lists), the first page (100) of each attention
// list, and no agreements (cooperation records are not shown signed out).
const overviewSql = `
WITH m AS (SELECT mu."number", mu."name" FROM "Municipality" mu WHERE mu."hospitalTrustId" = $1),
o AS (
  SELECT o."id", o."title", o."providerId", o."flaggedForReview", o."reviewDueOn",
    CASE $2 WHEN 'PRIORITY_GROUP' THEN o."priorityGroups"::text[] WHEN 'DIAGNOSIS_GROUP' THEN o."diagnosisGroups"::text[]
      WHEN 'FORMAT' THEN ARRAY[o."format"::text] ELSE o."languages" END AS vals,
    o."priorityGroups"::text[] AS groups
  FROM "Offer" o
  WHERE o."status" = 'PUBLISHED' AND EXISTS (SELECT 1 FROM "OfferMunicipality" om
    WHERE om."offerId" = o."id" AND om."municipalityNumber" IN (SELECT "number" FROM m))
),
om AS (
  SELECT om."municipalityNumber" AS mn, o.* FROM o JOIN "OfferMunicipality" om ON om."offerId" = o."id"
  WHERE om."municipalityNumber" IN (SELECT "number" FROM m)
),
vals AS (
  SELECT t.value, t.ord FROM unnest($3::text[]) WITH ORDINALITY AS t(value, ord)
  UNION ALL
  SELECT v, row_number() OVER (ORDER BY count(*) DESC, v COLLATE "C")
  FROM o, unnest(o.vals) AS v WHERE $3::text[] IS NULL GROUP BY v
),
cells AS (
  SELECT om.mn, v AS value, count(DISTINCT om."id")::int AS offers, count(DISTINCT om."providerId")::int AS providers
  FROM om, unnest(om.vals) AS v GROUP BY 1, 2
),
items AS (
  SELECT o."title", o."flaggedForReview", o."reviewDueOn", json_build_object('offerId', o."id", 'title', o."title",
    'provider', json_build_object('id', p."id", 'name', p."name"),
    'municipalityNumbers', (SELECT array_agg(x."municipalityNumber" ORDER BY x."municipalityNumber")
       FROM "OfferMunicipality" x WHERE x."offerId" = o."id"),
    'reviewDueOn', o."reviewDueOn",
    'reviewDueInDays', CASE WHEN o."reviewDueOn" <= $5::date THEN o."reviewDueOn" - $4::date END) AS item
  FROM o JOIN "Organisation" p ON p."id" = o."providerId"
  WHERE o."flaggedForReview" OR o."reviewDueOn" <= $5::date
)
SELECT json_build_object(
  'dimension', $2::text,
  'values', (SELECT coalesce(json_agg(value ORDER BY ord), '[]') FROM vals),
  'rows', (SELECT coalesce(json_agg(json_build_object('municipalityNumber', m."number", 'municipalityName', m."name",
      'total', json_build_object('value', 'ALL', 'offerCount', (SELECT count(DISTINCT om."id") FROM om WHERE om.mn = m."number")),
      'cells', (SELECT coalesce(json_agg(json_build_object('value', vals.value, 'offerCount', coalesce(c.offers, 0),
          'providerCount', coalesce(c.providers, 0)) ORDER BY vals.ord), '[]')
        FROM vals LEFT JOIN cells c ON c.mn = m."number" AND c.value = vals.value)) ORDER BY m."number"), '[]') FROM m),
  'totals', (SELECT coalesce(json_agg(json_build_object('value', vals.value,
      'offerCount', (SELECT count(*) FROM o WHERE vals.value = ANY(o.vals))) ORDER BY vals.ord), '[]') FROM vals),
  'total', (SELECT json_build_object('offerCount', count(*), 'providerCount', count(DISTINCT o."providerId")) FROM o),
  'byGroup', (SELECT coalesce(json_agg(json_build_array(x.mn, x.g, x.n)), '[]') FROM
     (SELECT om.mn, g, count(DISTINCT om."id")::int AS n FROM om, unnest(om.groups) AS g GROUP BY 1, 2) x),
  'flaggedOffers', (SELECT coalesce(json_agg(i.item ORDER BY i."title"), '[]')
     FROM (SELECT * FROM items WHERE "flaggedForReview" ORDER BY "title" LIMIT 100) i),
  'reviewsDue', (SELECT coalesce(json_agg(i.item ORDER BY i."reviewDueOn", i."title"), '[]')
     FROM (SELECT * FROM items WHERE "reviewDueOn" <= $5::date ORDER BY "reviewDueOn", "title" LIMIT 100) i)
)::text AS json`;

const closedValues: Record<string, readonly string[]> = {
  PRIORITY_GROUP: priorityGroups,
  DIAGNOSIS_GROUP: diagnosisGroups,
  FORMAT: offerFormats,
};

type Row = { municipalityNumber: string; municipalityName: string; total: { offerCount: number } };

async function overview(trustId: string, dimension: string) {
  const today = new Date();
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const { rows } = await pool.query(overviewSql, [
    trustId,
    dimension,
    closedValues[dimension] ?? null,
    day(today),
    day(horizonEnd(today)),
  ]);
  const { byGroup, ...answer } = JSON.parse(rows[0].json) as {
    rows: Row[];
    byGroup: [string, string, number][];
  };
  const groups = new Map<string, Map<string, number>>();
  for (const [m, g, n] of byGroup) groups.set(m, (groups.get(m) ?? new Map()).set(g, n));
  const names = new Map(answer.rows.map((r) => [r.municipalityNumber, r.municipalityName]));
  const gaps = findGaps({
    municipalityNumbers: answer.rows.map((r) => r.municipalityNumber),
    totals: new Map(answer.rows.map((r) => [r.municipalityNumber, r.total.offerCount])),
    byPriorityGroup: groups,
  }).map((g) => ({
    ...g,
    municipalityName: (g.municipalityNumber && names.get(g.municipalityNumber)) ?? null,
  }));
  return { overview: { ...answer, gaps, expiringAgreements: [] } };
}

async function handle(path: string, variables: Record<string, unknown>): Promise<string> {
  if (path === "/catalogue") {
    const filter = variables.filter as { text: string; formats: string[]; priorityGroups: string[] };
    const { rows } = await pool.query(catalogueSql, [
      filter.text,
      filter.formats,
      filter.priorityGroups,
      variables.first,
    ]);
    return `{"data":{"offers":${rows[0].json}}}`;
  }
  if (path === "/offer") {
    const { rows } = await pool.query(offerSql, [variables.id]);
    return `{"data":{"offer":${rows[0]?.json ?? "null"}}}`;
  }
  if (path === "/overview")
    return JSON.stringify({
      data: await overview(String(variables.hospitalTrustId), String(variables.dimension)),
    });
  throw new Error(`no route ${path}`);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  readBody(req)
    .then((body) =>
      handle(req.url ?? "/", (JSON.parse(body) as { variables: Record<string, unknown> }).variables),
    )
    .then(
      (json) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(json);
      },
      (error: Error) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ errors: [{ message: error.message }] }));
      },
    );
});
server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => server.close(() => void pool.end().then(() => process.exit(0))));
