import type { Prisma } from "@samspill/database";
import { periodWindow } from "@samspill/domain";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { visibleOrganisations } from "./offer.js";

// What the published figures (participation and PAM summaries) share: the reporting window and
// which offers a summary may name.

export const ReportingPeriodInput = builder.inputType("ReportingPeriodInput", {
  description: "A window of dates (YYYY-MM-DD). Reports whose whole period lies inside it count.",
  fields: (t) => ({
    from: t.string({ required: true }),
    to: t.string({ required: true }),
  }),
  validate: periodWindow,
});

export interface Window {
  from: Date;
  to: Date;
}

export const toWindow = (p: { from: string; to: string }): Window => ({
  from: new Date(`${p.from}T00:00:00Z`),
  to: new Date(`${p.to}T00:00:00Z`),
});

/** Reports lying wholly inside the window, so no one is counted for days outside it. */
export const insideWindow = (w: Window) => ({ periodStart: { gte: w.from }, periodEnd: { lte: w.to } });

/** YYYY-MM-DD of a `@db.Date` value (stored at UTC midnight). */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

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

export const THRESHOLD_DESCRIPTION =
  "Null where fewer people are counted than the summary's smallCountThreshold (5 unless the deployment sets more), or where the figure is hidden so that such a count cannot be worked out from the totals.";
