import type { Database } from "@samspill/database";
import { diagnosisGroups, offerFormats, priorityGroups } from "@samspill/domain";
import { offerSnapshot } from "@samspill/events";
import { type OverviewDimension, totalValue, valuesOf } from "./contributions.js";
import { daysUntil, findGaps, type Gap, horizonEnd, needsAttention } from "./gaps.js";

// Reads the overview for a hospital trust's catchment and/or a health community's member
// municipalities. Figures come from the read model; the time-relative lists (reviews due,
// agreements expiring) are evaluated against `today` here.

export type MatrixDimension = Exclude<OverviewDimension, "TOTAL">;

export interface OverviewScope {
  hospitalTrustId?: string | null;
  healthCommunityId?: string | null;
}

export interface ProviderRef {
  id: string;
  name: string;
}

export interface OverviewCell {
  value: string;
  /** Published offers: each offer once, however many of its values or municipalities match. */
  offerCount: number;
  providers: ProviderRef[];
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

export class OverviewScopeError extends Error {}

// One collator for every sort: localeCompare(…, "nb") looks the locale up on each comparison,
// and an overview sorts the providers of every cell.
const norwegian = new Intl.Collator("nb");

const closedValues: Record<Exclude<MatrixDimension, "LANGUAGE">, readonly string[]> = {
  PRIORITY_GROUP: priorityGroups,
  DIAGNOSIS_GROUP: diagnosisGroups,
  FORMAT: offerFormats,
};

export async function readOverview(
  db: Database,
  scope: OverviewScope,
  dimension: MatrixDimension,
  today: Date = new Date(),
): Promise<Overview> {
  const { hospitalTrustId, healthCommunityId } = scope;
  if (!hospitalTrustId && !healthCommunityId)
    throw new OverviewScopeError("Give a hospital trust, a health community or both");
  // Which municipalities a trust or community covers is reference data no offer event carries,
  // so the scope is read live.
  const municipalities = await db.municipality.findMany({
    where: {
      ...(hospitalTrustId ? { hospitalTrustId } : {}),
      ...(healthCommunityId
        ? { organisation: { is: { communityMemberships: { some: { healthCommunityId } } } } }
        : {}),
    },
    select: { number: true, name: true, organisation: { select: { id: true } } },
    orderBy: { number: "asc" },
  });
  const numbers = municipalities.map((m) => m.number);
  const scopeOrgIds = [
    ...(hospitalTrustId ? [hospitalTrustId] : []),
    ...(healthCommunityId ? [healthCommunityId] : []),
    ...municipalities.flatMap((m) => (m.organisation ? [m.organisation.id] : [])),
  ];

  const [counts, offers, agreements] = await Promise.all([
    db.overviewCount.findMany({
      where: {
        municipalityNumber: { in: numbers },
        dimension: { in: [dimension, "TOTAL", "PRIORITY_GROUP"] },
      },
    }),
    db.overviewOffer.findMany({
      where: { status: "PUBLISHED", municipalityNumbers: { hasSome: numbers } },
      orderBy: { title: "asc" },
    }),
    // Agreements are not projected (the projector consumes offer events only), so they are read
    // live and filtered by today's horizon here.
    db.agreement.findMany({
      where: {
        status: "ACTIVE",
        validTo: { not: null, lte: horizonEnd(today) },
        parties: { some: { organisationId: { in: scopeOrgIds } } },
      },
      select: {
        id: true,
        title: true,
        subAgreement: true,
        validTo: true,
        parties: { select: { organisation: { select: { id: true, name: true } } } },
      },
      orderBy: [{ validTo: "asc" }, { title: "asc" }],
    }),
  ]);

  const providerIds = [...new Set([...counts.map((c) => c.providerId), ...offers.map((o) => o.providerId)])];
  // Snapshots carry provider ids, not names: names are read live so a renamed organisation
  // shows under its new name without re-projecting its offers.
  const providerRows = await db.organisation.findMany({
    where: { id: { in: providerIds } },
    select: { id: true, name: true },
  });
  const providerById = new Map(providerRows.map((p) => [p.id, p]));
  const provider = (id: string): ProviderRef => providerById.get(id) ?? { id, name: id };
  const cell = (value: string, offerCount: number, ids: Iterable<string>): OverviewCell => ({
    value,
    offerCount,
    providers: [...new Set(ids)].map(provider).sort((a, b) => norwegian.compare(a.name, b.name)),
  });

  // Counters per municipality → dimension → value → provider → offers.
  const byMunicipality = new Map<string, Map<string, Map<string, Map<string, number>>>>();
  for (const c of counts) {
    const dims = byMunicipality.get(c.municipalityNumber) ?? new Map();
    byMunicipality.set(c.municipalityNumber, dims);
    const values = dims.get(c.dimension) ?? new Map();
    dims.set(c.dimension, values);
    const providers = values.get(c.value) ?? new Map();
    values.set(c.value, providers);
    providers.set(c.providerId, c.offers);
  }
  const cellAt = (m: string, dim: OverviewDimension, value: string) => {
    const providers = byMunicipality.get(m)?.get(dim)?.get(value) ?? new Map<string, number>();
    return cell(value, sum(providers.values()), providers.keys());
  };

  const snapshots = offers.map((o) => offerSnapshot.parse(o.snapshot));
  const values =
    dimension === "LANGUAGE"
      ? languagesByUse(snapshots.flatMap((s) => s.languages))
      : [...closedValues[dimension]];
  const rows = municipalities.map((m) => ({
    municipalityNumber: m.number,
    municipalityName: m.name,
    total: cellAt(m.number, "TOTAL", totalValue),
    cells: values.map((v) => cellAt(m.number, dimension, v)),
  }));
  const scopeCell = (value: string, matching: typeof snapshots) =>
    cell(
      value,
      matching.length,
      matching.map((s) => s.providerId),
    );
  const totals = values.map((v) =>
    scopeCell(
      v,
      snapshots.filter((s) => valuesOf(s, dimension).includes(v)),
    ),
  );

  const priorityCounts = new Map(
    numbers.map((m) => [
      m,
      new Map(priorityGroups.map((g) => [g as string, cellAt(m, "PRIORITY_GROUP", g).offerCount])),
    ]),
  );
  const gaps = findGaps({
    municipalityNumbers: numbers,
    totals: new Map(rows.map((r) => [r.municipalityNumber, r.total.offerCount])),
    byPriorityGroup: priorityCounts,
  });

  const item = (o: (typeof offers)[number]): OverviewOfferItem => ({
    offerId: o.offerId,
    title: o.title,
    provider: provider(o.providerId),
    municipalityNumbers: o.municipalityNumbers,
    reviewDueOn: o.reviewDueOn,
    reviewDueInDays: needsAttention(o.reviewDueOn, today),
  });
  const items = offers.map(item);
  return {
    dimension,
    values,
    rows,
    totals,
    total: scopeCell(totalValue, snapshots),
    gaps,
    flaggedOffers: offers.filter((o) => o.flaggedForReview).map(item),
    reviewsDue: items
      .filter((i) => i.reviewDueInDays !== null)
      .sort((a, b) => (a.reviewDueInDays ?? 0) - (b.reviewDueInDays ?? 0)),
    expiringAgreements: agreements.flatMap((a) =>
      a.validTo
        ? [
            {
              id: a.id,
              title: a.title,
              subAgreement: a.subAgreement,
              validTo: a.validTo,
              daysLeft: daysUntil(a.validTo, today),
              parties: a.parties.map((p) => p.organisation),
            },
          ]
        : [],
    ),
  };
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Languages in use, most offers first, then by code: the matrix shows only what exists. */
function languagesByUse(languages: readonly string[]): string[] {
  const uses = new Map<string, number>();
  for (const l of languages) uses.set(l, (uses.get(l) ?? 0) + 1);
  return [...uses.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([l]) => l);
}
