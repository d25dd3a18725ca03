import type { Prisma } from "@samspill/database";
import {
  type GridPeriod,
  gridPeriodKey,
  monthOf,
  parsePeriodKey,
  periodKey,
  periodRange,
  type SuppressedTable,
  suppressAcrossPeriods,
} from "@samspill/domain";
import type { builder } from "../builder.js";
import type { Context } from "../context.js";
import { visibleOrganisations } from "./offer.js";

// What the published figures (participation and PAM summaries, the overview's trends) share: the
// period of the grid they cover and which offers a summary may name.
//
// Periods: a caller names a period of the fixed grid (year, half-year, quarter, month), never a
// window of its own, and a report counts in the month its period starts in. Each summary is
// computed for the whole year the period lies in and suppressed across the year's periods
// (suppressAcrossPeriods), so asking for a quarter and then for its months gives nothing away.

export const PERIOD_DESCRIPTION =
  'A period of the grid: a year ("2026"), half-year ("2026-H1"), quarter ("2026-Q3") or month ("2026-03"). A report counts in the month its period starts in.';

/** A key that passed validation (gridPeriodKey), as a period. */
export const gridPeriod = (key: string): GridPeriod => parsePeriodKey(gridPeriodKey.parse(key))!;

/** Reports and evaluations whose period starts in the year of `p`. */
export function startsInYear(p: GridPeriod) {
  const year = periodRange({ kind: "YEAR", year: p.year, index: 1 });
  return { periodStart: { gte: year.start, lt: year.end } };
}

/**
 * The period's suppressed table (rows × width, with margins). Each record of the year adds its
 * values to its row in the month its period starts in; the twelve months' tables are suppressed
 * with every period of the year (suppressAcrossPeriods), so any two periods agree.
 */
export function periodTable<R>(
  period: GridPeriod,
  threshold: number,
  rows: readonly string[],
  width: number,
  records: readonly R[],
  rowOf: (r: R) => string,
  startOf: (r: R) => Date,
  valuesOf: (r: R) => readonly number[],
): SuppressedTable {
  const index = new Map(rows.map((k, i) => [k, i]));
  const months = Array.from({ length: 12 }, () => rows.map(() => new Array<number>(width).fill(0)));
  for (const r of records) {
    const row = months[monthOf(startOf(r)) - 1]![index.get(rowOf(r))!]!;
    valuesOf(r).forEach((v, j) => {
      row[j]! += v;
    });
  }
  return suppressAcrossPeriods(period.year, months, threshold).get(periodKey(period))!;
}

/** What a summary says about its period: the key, the first day and the last day. */
export function periodFields(period: GridPeriod) {
  const { start, end } = periodRange(period);
  return { period: periodKey(period), from: start, to: new Date(end.getTime() - 86_400_000) };
}

/** Whether a record's period starts inside the period. */
export function startsIn(p: GridPeriod, start: Date): boolean {
  const { start: from, end } = periodRange(p);
  return start >= from && start < end;
}

/**
 * Offers a summary may name: any offer that is or was in the public catalogue (published,
 * paused, archived: courses are counted after they ran), and the caller's own drafts.
 */
export function summarisableOffers(ctx: Context): Prisma.OfferWhereInput {
  return { OR: [{ status: { not: "DRAFT" } }, { providerId: { in: visibleOrganisations(ctx) } }] };
}

/** Offers provided by the trust or serving a municipality in its catchment (as the catalogue's filter). */
export const hospitalTrustArea = (trustId: string): Prisma.OfferWhereInput => ({
  OR: [{ providerId: trustId }, { municipalities: { some: { municipality: { hospitalTrustId: trustId } } } }],
});

/**
 * The scope whose table a summary is cut from: one offer's figures are its row of its provider's
 * table, so asking for the offer and for the provider shows the same suppression.
 */
export async function tableScope(
  ctx: Context,
  scope: { offerId?: string | null; providerId?: string | null; hospitalTrustId?: string | null },
): Promise<{ where: Prisma.OfferWhereInput; onlyOffer: string | null }> {
  if (scope.offerId) {
    const offer = await ctx.db.offer.findUnique({
      where: { id: scope.offerId },
      select: { providerId: true },
    });
    return { where: { providerId: offer?.providerId ?? scope.offerId }, onlyOffer: scope.offerId };
  }
  if (scope.providerId) return { where: { providerId: scope.providerId }, onlyOffer: null };
  return { where: hospitalTrustArea(String(scope.hospitalTrustId)), onlyOffer: null };
}

export const THRESHOLD_DESCRIPTION =
  "Null where fewer people are counted than the summary's smallCountThreshold (5 unless the deployment sets more), or where the figure is hidden so that such a count cannot be worked out from the totals, within the period's table or across the periods of its year.";

/** The fields every published summary opens with: its threshold and the grid period it covers. */
export interface PublishedPeriod {
  smallCountThreshold: number;
  period: string;
  from: Date;
  to: Date;
}

type SchemaTypesOf<B> = B extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

export function publishedPeriodFieldsOf<Shape extends PublishedPeriod>(
  t: PothosSchemaTypes.ObjectFieldBuilder<SchemaTypesOf<typeof builder>, Shape>,
) {
  // Resolvers rather than `expose`: exposing a field of a generic shape cannot be typed.
  return {
    smallCountThreshold: t.int({
      description:
        "Counts of fewer people than this are not published (the deployment's setting, at least 5).",
      resolve: (s) => s.smallCountThreshold,
    }),
    period: t.string({ description: "The grid period's key.", resolve: (s) => s.period }),
    from: t.field({ type: "Date", description: "The period's first day.", resolve: (s) => s.from }),
    to: t.field({ type: "Date", description: "The period's last day.", resolve: (s) => s.to }),
  };
}
