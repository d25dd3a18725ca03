import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { daysUntil, findGaps, horizonEnd, needsAttention } from "@samspill/read-model";
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
       'location', s."location", 'onlineUrl', s."onlineUrl", 'capacity', s."capacity", 'registrations', s."registrations",
       'availablePlaces', CASE WHEN s."capacity" IS NULL THEN NULL ELSE greatest(0, s."capacity" - s."registrations") END,
       'cancelled', s."cancelled", 'note', s."note", 'version', s."version") ORDER BY s."startsAt"), '[]')
     FROM "OfferSession" s WHERE s."offerId" = o."id")
)::text AS json
FROM "Offer" o JOIN "Organisation" p ON p."id" = o."providerId" LEFT JOIN "Unit" u ON u."id" = o."unitId"
WHERE o."id" = $1 AND o."status" = 'PUBLISHED'`;

const overviewSql = `
WITH m AS (
  SELECT mu."number", mu."name", org."id" AS org FROM "Municipality" mu
  LEFT JOIN "Organisation" org ON org."municipalityNumber" = mu."number"
  WHERE mu."hospitalTrustId" = $1
)
SELECT
  (SELECT coalesce(json_agg(json_build_array(m."number", m."name") ORDER BY m."number"), '[]') FROM m) AS municipalities,
  (SELECT coalesce(json_agg(json_build_array(c."municipalityNumber", c."dimension", c."value", c."providerId", c."offers", p."name")), '[]')
     FROM "OverviewCount" c JOIN "Organisation" p ON p."id" = c."providerId"
     WHERE c."municipalityNumber" IN (SELECT "number" FROM m)
       AND c."dimension" IN ('TOTAL', 'PRIORITY_GROUP', $2::"OverviewDimension")) AS counts,
  (SELECT coalesce(json_agg(json_build_array(v."offerId", v."title", v."providerId", p."name", v."municipalityNumbers",
            v."flaggedForReview", v."reviewDueOn", v."snapshot"->$3) ORDER BY v."title"), '[]')
     FROM "OverviewOffer" v JOIN "Organisation" p ON p."id" = v."providerId"
     WHERE v."status" = 'PUBLISHED' AND v."municipalityNumbers" && (SELECT array_agg(m."number"::text) FROM m)) AS offers,
  (SELECT coalesce(json_agg(json_build_array(a."id", a."title", a."subAgreement", a."validTo",
            (SELECT json_agg(json_build_object('id', o."id", 'name', o."name")) FROM "AgreementParty" ap
               JOIN "Organisation" o ON o."id" = ap."organisationId" WHERE ap."agreementId" = a."id"))
          ORDER BY a."validTo", a."title"), '[]')
     FROM "Agreement" a
     WHERE a."status" = 'ACTIVE' AND a."validTo" IS NOT NULL AND a."validTo" <= $4
       AND EXISTS (SELECT 1 FROM "AgreementParty" ap WHERE ap."agreementId" = a."id"
                   AND ap."organisationId" IN (SELECT org FROM m WHERE org IS NOT NULL UNION SELECT $1::uuid))) AS agreements`;

const snapshotKey: Record<string, string> = {
  PRIORITY_GROUP: "priorityGroups",
  DIAGNOSIS_GROUP: "diagnosisGroups",
  FORMAT: "format",
  LANGUAGE: "languages",
};
const closedValues: Record<string, string[]> = {
  PRIORITY_GROUP: [
    "CHILDREN_AND_YOUTH",
    "SEVERE_MENTAL_ILLNESS_AND_SUBSTANCE_USE",
    "FRAIL_ELDERLY",
    "MULTIPLE_CHRONIC_CONDITIONS",
  ],
  FORMAT: ["PHYSICAL", "DIGITAL", "HYBRID"],
};
const groupWords: Record<string, string> = {
  CHILDREN_AND_YOUTH: "barn og unge",
  SEVERE_MENTAL_ILLNESS_AND_SUBSTANCE_USE: "alvorlig psykisk lidelse og rus",
  FRAIL_ELDERLY: "skrøpelige eldre",
  MULTIPLE_CHRONIC_CONDITIONS: "personer med flere kroniske lidelser",
};

type Provider = { id: string; name: string };
const norwegian = new Intl.Collator("nb");
const byName = (a: Provider, b: Provider) => norwegian.compare(a.name, b.name);

async function overview(trustId: string, dimension: string) {
  const today = new Date();
  const key = snapshotKey[dimension] ?? "priorityGroups";
  const { rows } = await pool.query(overviewSql, [trustId, dimension, key, horizonEnd(today)]);
  const r = rows[0] as {
    municipalities: [string, string][];
    counts: [string, string, string, string, number, string][];
    offers: [string, string, string, string, string[], boolean, string | null, string | string[] | null][];
    agreements: [string, string, string | null, string, Provider[]][];
  };
  const names = new Map<string, string>();
  const cells = new Map<string, Map<string, number>>();
  for (const [m, d, v, p, n, name] of r.counts) {
    names.set(p, name);
    const k = `${m}|${d}|${v}`;
    const cell = cells.get(k) ?? new Map<string, number>();
    cells.set(k, cell);
    cell.set(p, n);
  }
  const cellAt = (m: string, d: string, value: string) => {
    const providers = cells.get(`${m}|${d}|${value}`);
    let count = 0;
    const list: Provider[] = [];
    for (const [id, n] of providers ?? []) {
      count += n;
      list.push({ id, name: names.get(id) ?? id });
    }
    list.sort(byName);
    return { value, offerCount: count, providerCount: list.length, providers: list };
  };
  const valuesOf = (v: string | string[] | null) => (v === null ? [] : Array.isArray(v) ? v : [v]);
  let values = closedValues[dimension];
  if (!values) {
    const uses = new Map<string, number>();
    for (const o of r.offers) for (const v of valuesOf(o[7])) uses.set(v, (uses.get(v) ?? 0) + 1);
    values = [...uses.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([v]) => v);
  }
  const scopeCell = (value: string, offers: typeof r.offers) => {
    const providers = new Map<string, Provider>();
    for (const o of offers) providers.set(o[2], { id: o[2], name: o[3] });
    const list = [...providers.values()].sort(byName);
    return { value, offerCount: offers.length, providerCount: list.length, providers: list };
  };
  const municipalityRows = r.municipalities.map(([number, name]) => ({
    municipalityNumber: number,
    municipalityName: name,
    total: cellAt(number, "TOTAL", "ALL"),
    cells: values.map((v) => cellAt(number, dimension, v)),
  }));
  const municipalityName = new Map(r.municipalities);
  const gaps = findGaps({
    municipalityNumbers: r.municipalities.map(([n]) => n),
    totals: new Map(municipalityRows.map((row) => [row.municipalityNumber, row.total.offerCount])),
    byPriorityGroup: new Map(
      r.municipalities.map(([n]) => [
        n,
        new Map(closedValues.PRIORITY_GROUP!.map((g) => [g, cellAt(n, "PRIORITY_GROUP", g).offerCount])),
      ]),
    ),
  }).map((g) => {
    const place = (g.municipalityNumber && municipalityName.get(g.municipalityNumber)) ?? null;
    const group = g.priorityGroup ? groupWords[g.priorityGroup] : "";
    const message =
      g.kind === "MUNICIPALITY_WITHOUT_OFFER"
        ? `${place} har ingen publiserte tilbud`
        : g.kind === "PRIORITY_GROUP_WITHOUT_OFFER"
          ? `Ingen tilbud i området for prioritert gruppe: ${group}`
          : `${place} har ikke tilbud for prioritert gruppe: ${group}`;
    return { ...g, municipalityName: place, message };
  });
  const items = r.offers.map((o) => {
    const due = o[6] ? new Date(`${o[6]}T00:00:00Z`) : null;
    return {
      offerId: o[0],
      title: o[1],
      provider: { id: o[2], name: o[3] },
      municipalityNumbers: o[4],
      reviewDueOn: o[6],
      reviewDueInDays: needsAttention(due, today),
      flagged: o[5],
    };
  });
  const strip = ({ flagged: _, ...item }: (typeof items)[number]) => item;
  return {
    overview: {
      dimension,
      values,
      rows: municipalityRows,
      totals: values.map((v) =>
        scopeCell(
          v,
          r.offers.filter((o) => valuesOf(o[7]).includes(v)),
        ),
      ),
      total: scopeCell("ALL", r.offers),
      gaps,
      flaggedOffers: items.filter((i) => i.flagged).map(strip),
      reviewsDue: items
        .filter((i) => i.reviewDueInDays !== null)
        .sort((a, b) => (a.reviewDueInDays ?? 0) - (b.reviewDueInDays ?? 0))
        .map(strip),
      expiringAgreements: r.agreements.map(([id, title, subAgreement, validTo, parties]) => ({
        id,
        title,
        subAgreement,
        validTo,
        daysLeft: daysUntil(new Date(`${validTo}T00:00:00Z`), today),
        parties,
      })),
    },
  };
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
