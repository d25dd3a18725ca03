import type { Database } from "@samspill/database";
import { diagnosisGroups, offerFormats, priorityGroups } from "@samspill/domain";
import type { OverviewDimension } from "./contributions.js";
import { findGaps, type Gap, horizonEnd } from "./gaps.js";
import { overviewDocument } from "./overview-statement.js";
import { type OverviewScope, OverviewScopeError } from "./scope.js";

// Reads the overview for a hospital trust's catchment and/or a health community's member
// municipalities. Figures come from the read model in one statement (overview-statement.ts);
// the time-relative lists (reviews due, agreements expiring) are evaluated against `today`.

export type MatrixDimension = Exclude<OverviewDimension, "TOTAL">;

export interface ProviderRef {
  id: string;
  name: string;
}

export interface OverviewCell {
  value: string;
  /** Published offers: each offer once, however many of its values or municipalities match. */
  offerCount: number;
  providerCount: number;
  /** Sorted by name; null unless the read asked for providers. */
  providers: ProviderRef[] | null;
}

export interface OverviewRow {
  municipalityNumber: string;
  municipalityName: string;
  total: OverviewCell;
  cells: OverviewCell[];
}

export interface OverviewOfferItem {
  offerId: string;
  title: string;
  provider: ProviderRef;
  municipalityNumbers: string[];
  reviewDueOn: Date | null;
  /** Days until the review is due; negative when overdue. Null when not due within the horizon. */
  reviewDueInDays: number | null;
}

export interface ExpiringAgreement {
  id: string;
  title: string;
  subAgreement: string | null;
  validTo: Date;
  /** Negative when it has already expired without being renewed or closed. */
  daysLeft: number;
  parties: ProviderRef[];
}

export interface Overview {
  dimension: MatrixDimension;
  /** Columns of the matrix: every value of a closed vocabulary, or the languages present. */
  values: string[];
  rows: OverviewRow[];
  /** Scope-wide figures per value (distinct offers, so not the sum of the rows). */
  totals: OverviewCell[];
  total: OverviewCell;
  gaps: Gap[];
  flaggedOffers: OverviewOfferItem[];
  reviewsDue: OverviewOfferItem[];
  expiringAgreements: ExpiringAgreement[];
}

// One collator for every sort: localeCompare(…, "nb") looks the locale up on each comparison.
const norwegian = new Intl.Collator("nb");

const closedValues: Record<Exclude<MatrixDimension, "LANGUAGE">, readonly string[]> = {
  PRIORITY_GROUP: priorityGroups,
  DIAGNOSIS_GROUP: diagnosisGroups,
  FORMAT: offerFormats,
};

const snapshotKeys: Record<MatrixDimension, string> = {
  PRIORITY_GROUP: "priorityGroups",
  DIAGNOSIS_GROUP: "diagnosisGroups",
  FORMAT: "format",
  LANGUAGE: "languages",
};

export interface OverviewReadOptions {
  today?: Date;
  /** Fill in each cell's providers (the overview page shows counts only). */
  withProviders?: boolean;
  /** Read the agreements expiring (signed out, nobody may see any: skip the work). */
  withAgreements?: boolean;
}

/** A cell as the statement returns it: provider ids only when providers were asked for. */
interface CellDocument extends Omit<OverviewCell, "providers"> {
  providerIds: string[] | null;
  providers?: ProviderRef[] | null;
}

interface OverviewDocument {
  values: string[];
  rows: (Omit<OverviewRow, "total" | "cells"> & { total: CellDocument; cells: CellDocument[] })[];
  priorityGroups: [string, string, number][];
  totals: CellDocument[];
  total: CellDocument;
  providerNames: Record<string, string> | null;
  flaggedOffers: (Omit<OverviewOfferItem, "reviewDueOn"> & { reviewDueOn: string | null })[];
  reviewsDue: (Omit<OverviewOfferItem, "reviewDueOn"> & { reviewDueOn: string | null })[];
  expiringAgreements: (Omit<ExpiringAgreement, "validTo"> & { validTo: string })[];
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const utcDate = (day: string) => new Date(`${day}T00:00:00Z`);

export async function readOverview(
  db: Database,
  scope: OverviewScope,
  dimension: MatrixDimension,
  options: OverviewReadOptions = {},
): Promise<Overview> {
  if (!scope.hospitalTrustId && !scope.healthCommunityId)
    throw new OverviewScopeError("Give a hospital trust, a health community or both");
  const today = options.today ?? new Date();
  const withProviders = options.withProviders ?? false;
  const doc = JSON.parse(
    await overviewDocument(db, {
      scope,
      dimension,
      snapshotKey: snapshotKeys[dimension],
      closedValues: dimension === "LANGUAGE" ? null : closedValues[dimension],
      withProviders,
      withAgreements: options.withAgreements ?? true,
      today: isoDay(today),
      horizonEnd: isoDay(horizonEnd(today)),
    }),
  ) as OverviewDocument;

  if (withProviders) withProviderLists(doc);
  const byPriorityGroup = new Map<string, Map<string, number>>();
  for (const [m, group, offers] of doc.priorityGroups) {
    const groups = byPriorityGroup.get(m) ?? new Map<string, number>();
    byPriorityGroup.set(m, groups);
    groups.set(group, offers);
  }
  const gaps = findGaps({
    municipalityNumbers: doc.rows.map((r) => r.municipalityNumber),
    totals: new Map(doc.rows.map((r) => [r.municipalityNumber, r.total.offerCount])),
    byPriorityGroup,
  });
  const item = (i: OverviewDocument["flaggedOffers"][number]): OverviewOfferItem => ({
    ...i,
    reviewDueOn: i.reviewDueOn === null ? null : utcDate(i.reviewDueOn),
  });
  return {
    dimension,
    values: doc.values,
    rows: doc.rows as OverviewRow[],
    totals: doc.totals as OverviewCell[],
    total: doc.total as OverviewCell,
    gaps,
    flaggedOffers: doc.flaggedOffers.map(item),
    reviewsDue: doc.reviewsDue.map(item),
    expiringAgreements: doc.expiringAgreements.map((a) => ({ ...a, validTo: utcDate(a.validTo) })),
  };
}

/**
 * Names each cell's providers, in Norwegian order: the scope's providers are sorted once, and
 * each cell's ids by their place in that order.
 */
function withProviderLists(doc: OverviewDocument): void {
  const names = doc.providerNames ?? {};
  const sorted = Object.entries(names)
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => norwegian.compare(a.name, b.name));
  const place = new Map(sorted.map((p, i) => [p.id, i]));
  const fill = (cell: CellDocument) => {
    cell.providers = (cell.providerIds ?? [])
      .map((id): ProviderRef => ({ id, name: names[id] ?? id }))
      .sort((a, b) => (place.get(a.id) ?? sorted.length) - (place.get(b.id) ?? sorted.length));
  };
  for (const row of doc.rows) {
    fill(row.total);
    for (const cell of row.cells) fill(cell);
  }
  for (const cell of doc.totals) fill(cell);
  fill(doc.total);
}
