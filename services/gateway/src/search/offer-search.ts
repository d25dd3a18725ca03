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

export interface OfferFilters {
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
  /** Only offers with a session starting in [from, to). */
  sessionFrom?: Date | null;
  sessionTo?: Date | null;
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
 * there is a text query. `visibleTo` are the organisations whose unpublished offers the caller
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
  if (f.text?.trim())
    c.push(Prisma.sql`o."searchVector" @@ websearch_to_tsquery('norwegian', ${f.text.trim()})`);
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
  if (f.sessionFrom || f.sessionTo)
    c.push(Prisma.sql`EXISTS (SELECT 1 FROM "OfferSession" s WHERE s."offerId" = o."id" AND NOT s."cancelled"
      AND s."startsAt" >= ${f.sessionFrom ?? new Date(0)} AND s."startsAt" < ${f.sessionTo ?? new Date("9999-12-31")})`);
  if (f.flaggedForReview !== null && f.flaggedForReview !== undefined)
    c.push(Prisma.sql`o."flaggedForReview" = ${f.flaggedForReview}`);
  return Prisma.join(c, " AND ");
}

export async function searchOffers(
  db: Database,
  filters: OfferFilters,
  visibleTo: readonly string[],
  page: { limit: number; offset: number },
): Promise<SearchPage> {
  const where = offerSearchWhere(filters, visibleTo);
  const text = filters.text?.trim();
  const order = text
    ? Prisma.sql`ts_rank_cd(o."searchVector", websearch_to_tsquery('norwegian', ${text})) DESC, o."title", o."id"`
    : Prisma.sql`o."title", o."id"`;
  const rows = await db.$queryRaw<{ id: string; total: bigint }[]>(Prisma.sql`
    SELECT o."id", count(*) OVER () AS total FROM "Offer" o
    WHERE ${where} ORDER BY ${order} LIMIT ${page.limit} OFFSET ${page.offset}`);
  if (rows.length > 0) return { ids: rows.map((r) => r.id), total: Number(rows[0]!.total) };
  if (page.offset === 0) return { ids: [], total: 0 };
  const [count] = await db.$queryRaw<{ total: bigint }[]>(
    Prisma.sql`SELECT count(*) AS total FROM "Offer" o WHERE ${where}`,
  );
  return { ids: [], total: Number(count?.total ?? 0) };
}
