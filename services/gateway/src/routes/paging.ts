import type { Database } from "@samspill/database";
import { toFieldIssues } from "@samspill/domain";
import { z } from "zod";
import { type OfferForExport, offerExportInclude } from "../formats/types.js";
import { type OfferFilters, searchOffers } from "../search/offer-search.js";

// What the harvesting APIs (HSDS, FHIR) and the calendar feeds share: page parameters checked
// with zod, the Open Referral page envelope, links to neighbouring pages, and the one way to load
// published offers in the catalogue's stable order (title, then id), so a harvester walking the
// pages meets every public offer exactly once.

export const maxPerPage = 100;

/** The query of a paged list: Open Referral's `page` and `per_page`, nothing else. */
export const pageParams = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    per_page: z.coerce.number().int().min(1).max(maxPerPage).default(50),
  })
  .strict();

export type PageParams = z.infer<typeof pageParams>;

/** The answer to a query parameter or path segment that fails its schema: 400, naming the field. */
export function invalidParams(error: z.ZodError) {
  // An unknown parameter is named too: zod reports it at the object, with the key aside.
  const issues = toFieldIssues(error).flatMap((issue, i) => {
    const raw = error.issues[i];
    if (raw?.code !== "unrecognized_keys") return [issue];
    return raw.keys.map((key) => ({ ...issue, field: [issue.field, key].filter(Boolean).join(".") }));
  });
  return { error: "invalid_parameter", issues };
}

/** Single-valued query parameters as an object, for a zod schema to check. */
export function queryOf(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}

/** The Open Referral list envelope (HSDS 3 API reference, "Lists"). */
export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

export function hsdsPage<T>(contents: T[], total: number, params: PageParams): HsdsPage<T> {
  const totalPages = Math.max(1, Math.ceil(total / params.per_page));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: params.page,
    size: contents.length,
    first_page: params.page === 1,
    last_page: params.page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/** The same request at another page, on the hub's public URL. */
export function pageUrl(publicUrl: string, url: URL, page: number): string {
  const next = new URL(`${publicUrl.replace(/\/+$/, "")}${url.pathname}${url.search}`);
  next.searchParams.set("page", String(page));
  return next.toString();
}

/** Published offers matching `filters`, in the catalogue's order, with the total. */
export async function publishedOfferPage(
  db: Database,
  filters: OfferFilters,
  page: { limit: number; offset: number },
): Promise<{ total: number; offers: OfferForExport[] }> {
  // Public documents: only published offers, whoever asks.
  const found = await searchOffers(db, { ...filters, statuses: ["PUBLISHED"] }, [], page);
  const rows = await db.offer.findMany({ where: { id: { in: found.ids } }, include: offerExportInclude });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { total: found.total, offers: found.ids.flatMap((id) => byId.get(id) ?? []) };
}

export const offsetOf = (params: PageParams) => ({
  limit: params.per_page,
  offset: (params.page - 1) * params.per_page,
});
