import { type Database, Prisma } from "@samspill/database";
import type {
  AccessibilityFeature,
  Audience,
  DiagnosisGroup,
  OfferFormat,
  OfferKind,
  OfferStatus,
  OrganisationKind,
  PriorityGroup,
} from "@samspill/domain";
import { textCondition, textOrder } from "./text-query.js";
import { offerDistanceKm, type Point, type SessionFilter, sessionCondition } from "./when-and-where.js";

export interface OfferFilters extends SessionFilter {
  text?: string | null;
  municipalityNumbers?: string[] | null;
  providerIds?: string[] | null;
  providerKinds?: OrganisationKind[] | null;
  hospitalTrustId?: string | null;
  priorityGroups?: PriorityGroup[] | null;
  diagnosisCodes?: string[] | null;
  diagnosisGroups?: DiagnosisGroup[] | null;
  audiences?: Audience[] | null;
  formats?: OfferFormat[] | null;
  kinds?: OfferKind[] | null;
  languages?: string[] | null;
  accessibility?: AccessibilityFeature[] | null;
  /** Nearest first from this point; with `withinKm`, only offers that close. */
  near?: (Point & { withinKm?: number | null }) | null;
  statuses?: OfferStatus[] | null;
  flaggedForReview?: boolean | null;
}

export interface SearchPage {
  ids: string[];
  total: number;
}

const empty = (a: readonly unknown[] | null | undefined): a is null | undefined => !a || a.length === 0;

/**
 * The catalogue's filters as one SQL statement, ranked by Norwegian full-text relevance when
 * there is a text query (compounds, prefixes and one-letter misspellings: text-query.ts). `visibleTo` are the organisations whose unpublished offers the caller
 * may see; everyone sees published ones.
 */
export function offerSearchWhere(f: OfferFilters, visibleTo: readonly string[]): Prisma.Sql {
  const c: Prisma.Sql[] = [];
  const statuses = empty(f.statuses) ? ["PUBLISHED"] : f.statuses;
  const visible = visibleTo.length
    ? Prisma.sql`(o."status" = 'PUBLISHED' OR o."providerId" = ANY(${[...visibleTo]}::uuid[]))`
    : Prisma.sql`o."status" = 'PUBLISHED'`;
  c.push(visible);
  c.push(Prisma.sql`o."status" = ANY(${statuses}::text[]::"OfferStatus"[])`);
  if (f.text?.trim()) c.push(textCondition(f.text.trim()));
  if (!empty(f.municipalityNumbers))
    c.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "OfferMunicipality" om WHERE om."offerId" = o."id" AND om."municipalityNumber" = ANY(${f.municipalityNumbers}::text[]))`,
    );
  if (!empty(f.providerIds)) c.push(Prisma.sql`o."providerId" = ANY(${f.providerIds}::uuid[])`);
  if (!empty(f.providerKinds))
    c.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Organisation" p WHERE p."id" = o."providerId" AND p."kind" = ANY(${f.providerKinds}::text[]::"OrganisationKind"[]))`,
    );
  if (f.hospitalTrustId)
    c.push(Prisma.sql`(o."providerId" = ${f.hospitalTrustId}::uuid OR EXISTS (
      SELECT 1 FROM "OfferMunicipality" om JOIN "Municipality" m ON m."number" = om."municipalityNumber"
      WHERE om."offerId" = o."id" AND m."hospitalTrustId" = ${f.hospitalTrustId}::uuid))`);
  if (!empty(f.priorityGroups))
    c.push(Prisma.sql`o."priorityGroups" && ${f.priorityGroups}::text[]::"PriorityGroup"[]`);
  if (!empty(f.diagnosisGroups))
    c.push(Prisma.sql`o."diagnosisGroups" && ${f.diagnosisGroups}::text[]::"DiagnosisGroup"[]`);
  if (!empty(f.diagnosisCodes)) {
    const prefixes = f.diagnosisCodes.map((code) => `${code.toUpperCase().replace(/[%_\\]/g, "")}%`);
    c.push(
      Prisma.sql`EXISTS (SELECT 1 FROM unnest(o."diagnosisCodes") dc WHERE dc LIKE ANY(${prefixes}::text[]))`,
    );
  }
  if (!empty(f.audiences)) c.push(Prisma.sql`o."audiences" && ${f.audiences}::text[]::"Audience"[]`);
  if (!empty(f.formats)) c.push(Prisma.sql`o."format" = ANY(${f.formats}::text[]::"OfferFormat"[])`);
  if (!empty(f.kinds)) c.push(Prisma.sql`o."kind" = ANY(${f.kinds}::text[]::"OfferKind"[])`);
  if (!empty(f.languages)) c.push(Prisma.sql`o."languages" && ${f.languages}::text[]`);
  if (!empty(f.accessibility))
    c.push(Prisma.sql`o."accessibility" @> ${f.accessibility}::text[]::"AccessibilityFeature"[]`);
  const sessions = sessionCondition(f);
  if (sessions) c.push(sessions);
  if (f.near && f.near.withinKm !== null && f.near.withinKm !== undefined)
    c.push(Prisma.sql`${offerDistanceKm(f.near)} <= ${f.near.withinKm}::float8`);
  if (f.flaggedForReview !== null && f.flaggedForReview !== undefined)
    c.push(Prisma.sql`o."flaggedForReview" = ${f.flaggedForReview}`);
  return Prisma.join(c, " AND ");
}

/**
 * The search as SQL: `page` selects the page's ids in rank order with the total beside each;
 * `count` counts the matches (for a page past the end). The catalogue reads the page's rows in
 * the same statement (offer-rows.ts), so both are exported apart from `searchOffers`.
 */
export function offerSearchSql(
  filters: OfferFilters,
  visibleTo: readonly string[],
  page: { limit: number; offset: number },
): { page: Prisma.Sql; count: Prisma.Sql } {
  const where = offerSearchWhere(filters, visibleTo);
  const text = filters.text?.trim();
  const ranked = text ? Prisma.sql`${textOrder(text)}, o."title", o."id"` : Prisma.sql`o."title", o."id"`;
  // Nearest first; offers with no known place (digital-only providers) after the rest.
  const order = filters.near
    ? Prisma.sql`${offerDistanceKm(filters.near)} ASC NULLS LAST, ${ranked}`
    : ranked;
  return {
    page: Prisma.sql`
    SELECT o."id", count(*) OVER () AS total FROM "Offer" o
    WHERE ${where} ORDER BY ${order} LIMIT ${page.limit} OFFSET ${page.offset}`,
    count: Prisma.sql`SELECT count(*) AS total FROM "Offer" o WHERE ${where}`,
  };
}

export async function searchOffers(
  db: Database,
  filters: OfferFilters,
  visibleTo: readonly string[],
  page: { limit: number; offset: number },
): Promise<SearchPage> {
  const sql = offerSearchSql(filters, visibleTo, page);
  const rows = await db.$queryRaw<{ id: string; total: bigint }[]>(sql.page);
  if (rows.length > 0) return { ids: rows.map((r) => r.id), total: Number(rows[0]!.total) };
  if (page.offset === 0) return { ids: [], total: 0 };
  const [count] = await db.$queryRaw<{ total: bigint }[]>(sql.count);
  return { ids: [], total: Number(count?.total ?? 0) };
}
