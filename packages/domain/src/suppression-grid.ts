import type { GridPeriod } from "./period-grid.js";
import { periodKey } from "./period-grid.js";
import { SMALL_COUNT_THRESHOLD, type SuppressedTable } from "./suppression.js";
import { suppressAcrossPeriods } from "./suppression-periods.js";

// One suppression pattern for every scope. Published counts of people are all sums over one grid:
// offer × column (audience, PAM level) × period of the year's grid. Scopes cut it differently (one
// offer, a provider, a hospital trust's area, the municipalities of a trend chart, a health
// community's annual report), and they nest and overlap: suppressed one by one, a trust's total
// minus a provider's, or one trend scope minus another, would isolate a figure the other scope
// hid.
//
// So the pattern is fixed once, on the grid: each provider's table (its offers × the columns,
// with the provider's margins, in every period of the year) is suppressed as one set of linked
// figures (suppressAcrossPeriods), by that provider's counts alone. Every other figure is a sum of
// published figures of those tables: a provider whose offers are all in a scope adds its margin,
// one with only some of them adds those offers' rows, and the sum is published only when every
// figure it adds is (so it is also 0 or at least the threshold). Anything a reader works out from
// any number of scopes is then a combination of the providers' published figures, which give no
// hidden figure away (providers share no counts, and each table is safe on its own), whatever
// scopes are asked for, now or added later.
//
// Cost: linear in the providers (each table is suppressed alone), a table with no small figure in
// any period takes a shortcut, and a table's pattern is memoised by its counts: after a new report
// only its provider's table is computed again.

/** An offer's counts: twelve months (January first), each `width` columns. */
export interface OfferMonths {
  offerId: string;
  providerId: string;
  months: readonly (readonly number[])[];
}

/** Published figures of a period: each column, and their total; null where hidden. */
export interface PublishedRow {
  cells: (number | null)[];
  total: number | null;
}

/**
 * The table of the grid an offer's figures belong to: its provider's, drafts apart. The public
 * summaries and trends count only offers that are or were in the catalogue, so a provider's
 * drafts (counted by the annual report and A0099) form a table of their own: the provider's table,
 * and so its pattern, is then the same in every path that publishes it.
 */
export const gridTableOf = (offer: { providerId: string; status: string }) =>
  offer.status === "DRAFT" ? `${offer.providerId}:drafts` : offer.providerId;

type YearTables = Map<string, SuppressedTable>;

/** The memo: a provider's suppressed year by its counts. Bounded, least recently used out. */
const memo = new Map<string, YearTables>();
const MEMO_LIMIT = 5_000;

/**
 * A provider's table suppressed across the periods of a year, memoised by its counts: `rows` are
 * its offers' twelve months each (the same order every time for the same offers).
 */
export function providerYear(
  year: number,
  rows: readonly (readonly (readonly number[])[])[],
  threshold = SMALL_COUNT_THRESHOLD,
): YearTables {
  const key = `${year}|${threshold}|${rows.map((r) => r.map((m) => m.join(",")).join(";")).join("/")}`;
  const known = memo.get(key);
  if (known) {
    memo.delete(key);
    memo.set(key, known);
    return known;
  }
  const months = Array.from({ length: 12 }, (_, m) => rows.map((r) => r[m]!));
  const tables = suppressAcrossPeriods(year, months, threshold);
  memo.set(key, tables);
  if (memo.size > MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  return tables;
}

/** The published grid of a year: offers' figures, and sums over any set of offers. */
export class PublishedGrid {
  /** Each provider's offers, sorted, and its suppressed year. */
  private readonly providers = new Map<string, { offers: string[]; year: YearTables }>();
  private readonly providerOf = new Map<string, string>();

  /**
   * `offers` must hold every offer of each provider it names that has counts in the year (their
   * tables are the grid; a provider cut short would publish another table's pattern).
   */
  constructor(
    readonly year: number,
    readonly width: number,
    offers: readonly OfferMonths[],
    readonly threshold = SMALL_COUNT_THRESHOLD,
  ) {
    const byProvider = new Map<string, OfferMonths[]>();
    for (const o of offers) {
      if (o.months.length !== 12 || o.months.some((m) => m.length !== width))
        throw new RangeError("PublishedGrid: twelve months of `width` columns for every offer");
      if (this.providerOf.has(o.offerId)) throw new RangeError("PublishedGrid: an offer once");
      this.providerOf.set(o.offerId, o.providerId);
      byProvider.set(o.providerId, [...(byProvider.get(o.providerId) ?? []), o]);
    }
    for (const [providerId, list] of byProvider) {
      list.sort((a, b) => (a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0));
      this.providers.set(providerId, {
        offers: list.map((o) => o.offerId),
        year: providerYear(
          year,
          list.map((o) => o.months),
          threshold,
        ),
      });
    }
  }

  private tableOf(providerId: string, period: GridPeriod): SuppressedTable {
    if (period.year !== this.year) throw new RangeError("PublishedGrid: a period of the grid's year");
    return this.providers.get(providerId)!.year.get(periodKey(period))!;
  }

  /** One offer's published figures in a period; an offer without counts has zeros. */
  offer(offerId: string, period: GridPeriod): PublishedRow {
    const providerId = this.providerOf.get(offerId);
    if (providerId === undefined) return { cells: new Array<number>(this.width).fill(0), total: 0 };
    const i = this.providers.get(providerId)!.offers.indexOf(offerId);
    const t = this.tableOf(providerId, period);
    return { cells: t.cells[i]!, total: t.rowTotals[i]! };
  }

  /**
   * The sum over offers of each figure: a provider with all its offers in the set adds its margin,
   * one with some adds their rows; published only when every figure it adds is.
   */
  sum(offerIds: Iterable<string>, period: GridPeriod): PublishedRow {
    const wanted = new Set(offerIds);
    const out: PublishedRow = { cells: new Array<number>(this.width).fill(0), total: 0 };
    const add = (row: PublishedRow) => {
      out.cells = out.cells.map((v, j) => (v === null || row.cells[j] == null ? null : v + row.cells[j]!));
      out.total = out.total === null || row.total === null ? null : out.total + row.total;
    };
    for (const [providerId, p] of this.providers) {
      const inScope = p.offers.filter((id) => wanted.has(id));
      if (inScope.length === 0) continue;
      if (inScope.length === p.offers.length) {
        const t = this.tableOf(providerId, period);
        add({ cells: t.columnTotals, total: t.total });
      } else for (const id of inScope) add(this.offer(id, period));
    }
    return out;
  }

  /** Offers as the rows of a table whose margins are their sums. */
  table(offerIds: readonly string[], period: GridPeriod): SuppressedTable {
    const rows = offerIds.map((id) => this.offer(id, period));
    const all = this.sum(offerIds, period);
    return {
      cells: rows.map((r) => r.cells),
      rowTotals: rows.map((r) => r.total),
      columnTotals: all.cells,
      total: all.total,
    };
  }
}
