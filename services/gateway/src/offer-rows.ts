import { type Database, type Offer, Prisma } from "@samspill/database";
import { type OfferFilters, offerSearchSql } from "./search/offer-search.js";
import { selectAsJson } from "./select-as-json.js";

// The catalogue page reads its offers in the shape the GraphQL query asked for in the same
// statement as the search: the page's ids and then the rows through Prisma were two statements,
// each a round trip and Prisma's client work (issue 16; about a fifth of the gateway's CPU per
// catalogue request, measured side by side). The offer page stays on Prisma: it is one
// statement there already, and the raw statement measured slower. Selections select-as-json.ts
// cannot write return null, and the caller reads through Prisma instead.

type PrismaQuery = { select?: Record<string, unknown>; include?: Record<string, unknown> };
/** Typed as the model, as Prisma types a `select` the Pothos plan made: only the planned fields are there. */
type Row = Offer;

/** The Prisma select of a planned query; null for an `include` plan. */
function selectOf(query: PrismaQuery): Record<string, unknown> | null {
  if (query.include || !query.select) return null;
  return query.select;
}

/** One page of the catalogue search with its rows; null when the selection needs Prisma. */
export async function searchOfferRows(
  db: Database,
  query: PrismaQuery,
  filters: OfferFilters,
  visibleTo: readonly string[],
  page: { limit: number; offset: number },
): Promise<{ rows: Row[]; total: number } | null> {
  const select = selectOf(query);
  const json = select && selectAsJson("Offer", "o", select);
  if (!json) return null;
  const sql = offerSearchSql(filters, visibleTo, page);
  // row_number over the ranked, limited subquery numbers the rows in the search's order.
  const found = await db.$queryRaw<{ total: bigint; row: unknown }[]>(Prisma.sql`
    SELECT s.total, ${json.sql} AS row
    FROM (SELECT row_number() OVER () AS n, p.* FROM (${sql.page}) p) s
    JOIN "Offer" o ON o."id" = s."id"
    ORDER BY s.n`);
  if (found.length > 0)
    return { rows: found.map((r) => json.decode(r.row) as Row), total: Number(found[0]!.total) };
  if (page.offset === 0) return { rows: [], total: 0 };
  const [count] = await db.$queryRaw<{ total: bigint }[]>(sql.count);
  return { rows: [], total: Number(count?.total ?? 0) };
}
