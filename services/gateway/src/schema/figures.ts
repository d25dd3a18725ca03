import type { Prisma } from "@samspill/database";
import {
  type GridPeriod,
  gridPeriodKey,
  monthOf,
  type OfferMonths,
  PublishedGrid,
  parsePeriodKey,
  periodKey,
  periodRange,
} from "@samspill/domain";
import type { builder } from "../builder.js";
import type { Context } from "../context.js";
import { visibleOrganisations } from "./offer.js";

// What the published figures (participation and PAM summaries, the overview's trends) share: the
// period of the grid they cover and which offers a summary may name.
//
// Periods: a caller names a period of the fixed grid (year, half-year, quarter, month), never a
// window of its own, and a report counts in the month its period starts in. Each offer's figures
// are suppressed for the whole year the period lies in, across the year's periods, and every
// scope's totals are sums of offers' published figures (PublishedGrid), so asking for a quarter
// and then its months, or for a provider and then a trust's area, gives nothing away.

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
 * The published grid of the period's year over `records`: each record adds its values to its
 * offer in the month its period starts in; each provider's table (its offers, every period of the
 * year) is suppressed on its own, and a summary's figures are sums of published figures of those
 * tables (PublishedGrid), so no two scopes or periods can be subtracted to reveal a hidden one.
 * `records` must cover every offer of each provider they name.
 */
export function offerGrid<R>(
  period: GridPeriod,
  threshold: number,
  width: number,
  records: readonly R[],
  keyOf: (r: R) => { offerId: string; providerId: string },
  startOf: (r: R) => Date,
  valuesOf: (r: R) => readonly number[],
): PublishedGrid {
  const offers = new Map<string, OfferMonths & { months: number[][] }>();
  for (const r of records) {
    const { offerId, providerId } = keyOf(r);
    let offer = offers.get(offerId);
    if (!offer) {
      offer = {
        offerId,
        providerId,
        months: Array.from({ length: 12 }, () => new Array<number>(width).fill(0)),
      };
      offers.set(offerId, offer);
    }
    const row = offer.months[monthOf(startOf(r)) - 1]!;
    valuesOf(r).forEach((v, j) => {
      row[j]! += v;
    });
  }
  return new PublishedGrid(period.year, width, [...offers.values()], threshold);
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
const hospitalTrustArea = (trustId: string): Prisma.OfferWhereInput => ({
  OR: [{ providerId: trustId }, { municipalities: { some: { municipality: { hospitalTrustId: trustId } } } }],
});

/**
 * The offers a summary adds up (one offer, a provider's, or a trust's area; null: all loaded) and
 * what to load: every offer the caller may summarise of each provider involved, as the grid's
 * tables are whole providers' tables.
 */
export async function summaryScope(
  ctx: Context,
  scope: { offerId?: string | null; providerId?: string | null; hospitalTrustId?: string | null },
): Promise<{ offerIds: Set<string> | null; load: Prisma.OfferWhereInput }> {
  const summarisable = summarisableOffers(ctx);
  if (scope.offerId || scope.providerId) {
    const offer = scope.offerId
      ? await ctx.db.offer.findFirst({
          where: { AND: [{ id: scope.offerId }, summarisable] },
          select: { providerId: true },
        })
      : null;
    const providerId = scope.offerId ? (offer?.providerId ?? null) : scope.providerId!;
    return {
      offerIds: scope.offerId ? new Set([scope.offerId]) : null,
      load: providerId ? { AND: [{ providerId }, summarisable] } : { id: { in: [] } },
    };
  }
  const area = await ctx.db.offer.findMany({
    where: { AND: [hospitalTrustArea(String(scope.hospitalTrustId)), summarisable] },
    select: { id: true, providerId: true },
  });
  return {
    offerIds: new Set(area.map((o) => o.id)),
    load: { AND: [{ providerId: { in: [...new Set(area.map((o) => o.providerId))] } }, summarisable] },
  };
}

export const THRESHOLD_DESCRIPTION =
  "Null where fewer people are counted than the summary's smallCountThreshold (5 unless the deployment sets more), or where the figure is hidden so that such a count cannot be worked out from the totals, within the period's table, across the periods of its year, or between scopes (an offer, a provider, a trust's area): a total is shown only where every offer's figure in it is.";

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
