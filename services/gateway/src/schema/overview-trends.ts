import type { Database } from "@samspill/database";
import {
  type GridPeriod,
  gridPeriodKey,
  monthOf,
  periodKey,
  periodMonths,
  periodRange,
  SMALL_COUNT_THRESHOLD,
} from "@samspill/domain";
import { createGraphQLError } from "graphql-yoga";
import { z } from "zod";
import { builder } from "../builder.js";
import { gridPeriod, offerGrid, PERIOD_DESCRIPTION } from "./figures.js";

// Offers and participation over time, for the joint overview's charts. The scope is the
// overview's (a hospital trust's catchment and/or a health community's member municipalities);
// an offer is in scope when it serves one of those municipalities.
//
// "Active" in a month means published at some moment of that month. The audit trail holds every
// status change made through the gateway; offers that were published before it started (the
// demo seed, imports) count as published from `publishedAt` until their first recorded change,
// or until their last update when they are no longer published and nothing was recorded.
//
// Participation counts people, so the monthly participant figures are published only after
// small-count suppression. A report belongs to the month its period starts in. The window is a
// period of the grid (a year, half-year, quarter or month), never one the caller chooses. Each
// provider's table is suppressed across every period of the year, and a month's participants are
// a sum of published figures of those tables (offerGrid, as the summaries), shown only when all
// are: neither a quarter minus two of its months nor one scope minus another (a trust's
// catchment, a health community, both) can give back a hidden count.

export interface TrendMonth {
  month: Date;
  offersPublished: number;
  offersActive: number;
  reports: number;
  participants: number | null;
  userRepresentatives: number;
}

export interface OverviewTrends {
  period: string;
  from: Date;
  to: Date;
  months: TrendMonth[];
  participantsTotal: number | null;
}

export interface TrendScope {
  hospitalTrustId: string | null;
  healthCommunityId: string | null;
}

/** Four-digit numbers of the municipalities in scope (both filters apply when both are given). */
async function scopeMunicipalities(db: Database, scope: TrendScope): Promise<string[]> {
  const rows = await db.municipality.findMany({
    where: {
      ...(scope.hospitalTrustId ? { hospitalTrustId: scope.hospitalTrustId } : {}),
      ...(scope.healthCommunityId
        ? {
            organisation: {
              is: { communityMemberships: { some: { healthCommunityId: scope.healthCommunityId } } },
            },
          }
        : {}),
    },
    select: { number: true },
  });
  return rows.map((r) => r.number);
}

const monthKey = (d: Date) => d.toISOString().slice(0, 7);

export async function readOverviewTrends(
  db: Database,
  scope: TrendScope,
  period: GridPeriod,
  /** The deployment's SMALL_COUNT_THRESHOLD. */
  threshold = SMALL_COUNT_THRESHOLD,
): Promise<OverviewTrends> {
  const { start, end } = periodRange(period);
  const year = periodRange({ kind: "YEAR", year: period.year, index: 1 });
  // Days, not Date parameters: the columns are UTC timestamps without a zone, and a day string
  // cast to timestamp does not depend on the session's time zone.
  const fromDay = start.toISOString().slice(0, 10);
  const lastDay = periodMonths(period).at(-1)!;
  const lastMonthDay = periodRange(lastDay).start.toISOString().slice(0, 10);
  const yearFrom = year.start.toISOString().slice(0, 10);
  const yearTo = year.end.toISOString().slice(0, 10);
  const numbers = await scopeMunicipalities(db, scope);

  // One statement for the offer series: months × (published in the month, active in the month).
  const offerRows = await db.$queryRaw<{ month: Date; published: number; active: number }[]>`
    WITH months AS (
      SELECT generate_series(${fromDay}::date::timestamp, ${lastMonthDay}::date::timestamp, interval '1 month') AS month
    ),
    scoped AS (
      SELECT o."id", o."publishedAt", o."status", o."updatedAt"
      FROM "Offer" o
      WHERE o."publishedAt" IS NOT NULL
        AND EXISTS (
          SELECT 1 FROM "OfferMunicipality" om
          WHERE om."offerId" = o."id" AND om."municipalityNumber" = ANY(${numbers}::text[])
        )
    ),
    changes AS (
      SELECT s."id" AS offer_id, a."occurredAt" AS at,
             a."changes" -> 'status' ->> 'from' AS from_status,
             a."changes" -> 'status' ->> 'to' AS to_status
      FROM scoped s
      JOIN "AuditEntry" a
        ON a."entityType" = 'Offer' AND a."entityId" = s."id"::text AND a."action" = 'offer.status'
    ),
    firsts AS (
      SELECT DISTINCT ON (offer_id) offer_id, at, from_status FROM changes ORDER BY offer_id, at
    ),
    spans AS (
      SELECT offer_id, at AS from_at, lead(at) OVER (PARTITION BY offer_id ORDER BY at) AS to_at, to_status AS status
      FROM changes
      UNION ALL
      SELECT s."id", s."publishedAt",
             coalesce(f.at, CASE WHEN s."status" = 'PUBLISHED' THEN NULL ELSE s."updatedAt" END),
             'PUBLISHED'
      FROM scoped s LEFT JOIN firsts f ON f.offer_id = s."id"
      WHERE f.offer_id IS NULL OR (f.from_status = 'PUBLISHED' AND s."publishedAt" < f.at)
    )
    SELECT m.month,
      (SELECT count(*) FROM scoped s
        WHERE s."publishedAt" >= m.month AND s."publishedAt" < m.month + interval '1 month')::int AS published,
      (SELECT count(DISTINCT p.offer_id) FROM spans p
        WHERE p.status = 'PUBLISHED' AND p.from_at < m.month + interval '1 month'
          AND (p.to_at IS NULL OR p.to_at >= m.month))::int AS active
    FROM months m
    ORDER BY m.month`;

  // Reports on offers that are or were in the public catalogue (drafts are nobody's business),
  // for the whole year: its months are suppressed together.
  const reportRows = await db.$queryRaw<
    {
      offer_id: string;
      provider_id: string;
      in_scope: boolean;
      month: Date;
      reports: number;
      patients: number;
      carers: number;
      children: number;
      parents: number;
      others: number;
      user_reps: number;
    }[]
  >`
    WITH scoped AS (
      SELECT o."id", o."providerId" FROM "Offer" o
      WHERE o."status" <> 'DRAFT'
        AND EXISTS (
          SELECT 1 FROM "OfferMunicipality" om
          WHERE om."offerId" = o."id" AND om."municipalityNumber" = ANY(${numbers}::text[])
        )
    )
    SELECT r."offerId"::text AS offer_id,
           o."providerId"::text AS provider_id,
           o."id" IN (SELECT "id" FROM scoped) AS in_scope,
           date_trunc('month', r."periodStart")::date AS month,
           count(*)::int AS reports,
           sum(r."patients")::int AS patients,
           sum(r."carers")::int AS carers,
           sum(r."childrenAndYouth")::int AS children,
           sum(r."parents")::int AS parents,
           sum(r."others")::int AS others,
           sum(r."userRepsPlanning" + r."userRepsDelivery" + r."userRepsEvaluation")::int AS user_reps
    FROM "ParticipationReport" r
    JOIN "Offer" o ON o."id" = r."offerId"
    WHERE o."status" <> 'DRAFT'
      AND r."periodStart" >= ${yearFrom}::date AND r."periodStart" < ${yearTo}::date
      AND o."providerId" IN (SELECT "providerId" FROM scoped)
    GROUP BY 1, 2, 3, 4`;
  const reportsByMonth = new Map<string, { reports: number; userReps: number }>();
  for (const r of reportRows.filter((row) => row.in_scope)) {
    const key = monthKey(new Date(r.month));
    const sum = reportsByMonth.get(key) ?? { reports: 0, userReps: 0 };
    reportsByMonth.set(key, { reports: sum.reports + r.reports, userReps: sum.userReps + r.user_reps });
  }
  // Participants are sums of published figures of the providers' tables (the grid every summary
  // shares): the tables of every provider with an offer in scope, all their offers loaded.
  const grid = offerGrid(
    period,
    threshold,
    5,
    reportRows,
    (r) => ({ offerId: r.offer_id, providerId: r.provider_id }),
    (r) => new Date(r.month),
    (r) => [r.patients, r.carers, r.children, r.parents, r.others],
  );
  const offerIds = [...new Set(reportRows.filter((r) => r.in_scope).map((r) => r.offer_id))];
  return {
    period: periodKey(period),
    from: start,
    to: new Date(end.getTime() - 86_400_000),
    participantsTotal: grid.sum(offerIds, period).total,
    months: offerRows.map((row) => {
      const month = new Date(row.month);
      const reports = reportsByMonth.get(monthKey(month));
      return {
        month,
        offersPublished: row.published,
        offersActive: row.active,
        reports: reports?.reports ?? 0,
        participants: grid.sum(offerIds, { kind: "MONTH", year: period.year, index: monthOf(month) }).total,
        userRepresentatives: reports?.userReps ?? 0,
      };
    }),
  };
}

// ---------------------------------------------------------------- GraphQL

const TrendMonthRef = builder.objectRef<TrendMonth>("OverviewTrendMonth").implement({
  fields: (t) => ({
    month: t.expose("month", { type: "Date", description: "The first day of the month (UTC)." }),
    offersPublished: t.exposeInt("offersPublished", {
      description: "Offers in scope first published in the month.",
    }),
    offersActive: t.exposeInt("offersActive", {
      description: "Offers in scope that were published at some moment of the month.",
    }),
    reports: t.exposeInt("reports", {
      description: "Participation reports on offers in scope whose period starts in the month.",
    }),
    participants: t.exposeInt("participants", {
      nullable: true,
      description: `Participants in those reports; null where fewer people are counted than the deployment's threshold (SMALL_COUNT_THRESHOLD, ${SMALL_COUNT_THRESHOLD} unless set higher), or where the figure is hidden so that such a count cannot be worked out from the total.`,
    }),
    userRepresentatives: t.exposeInt("userRepresentatives", {
      description:
        "User representatives in those reports, summed over planning, delivery and evaluation. Not suppressed: they take part in an official role.",
    }),
  }),
});

const OverviewTrendsRef = builder.objectRef<OverviewTrends>("OverviewTrends").implement({
  description: "Offers and participation per month in the overview's scope, oldest month first.",
  fields: (t) => ({
    period: t.exposeString("period", { description: "The grid period's key." }),
    from: t.expose("from", { type: "Date", description: "The period's first day." }),
    to: t.expose("to", { type: "Date", description: "The period's last day." }),
    months: t.field({ type: [TrendMonthRef], resolve: (o) => o.months }),
    participantsTotal: t.exposeInt("participantsTotal", {
      nullable: true,
      description:
        "Participants over the whole period (suppressed with the months and the year's other periods).",
    }),
  }),
});

const uuid = z.uuid();

builder.queryField("overviewTrends", (t) =>
  t.field({
    type: OverviewTrendsRef,
    description:
      "Offers published and active, and participation, per month of a grid period. Give a hospital trust, a health community, or both.",
    authScopes: { public: true },
    args: {
      hospitalTrustId: t.arg.id({ validate: uuid }),
      healthCommunityId: t.arg.id({ validate: uuid }),
      period: t.arg.string({
        description: `${PERIOD_DESCRIPTION} The current year when not given.`,
        validate: gridPeriodKey.nullish(),
      }),
    },
    resolve: (_root, args, ctx) => {
      if (!args.hospitalTrustId && !args.healthCommunityId)
        throw createGraphQLError(
          ctx.lang === "en"
            ? "Give hospitalTrustId, healthCommunityId or both"
            : "Oppgi helseforetak (hospitalTrustId), helsefellesskap (healthCommunityId) eller begge",
          { extensions: { code: "BAD_USER_INPUT" } },
        );
      return readOverviewTrends(
        ctx.db,
        {
          hospitalTrustId: args.hospitalTrustId ? String(args.hospitalTrustId) : null,
          healthCommunityId: args.healthCommunityId ? String(args.healthCommunityId) : null,
        },
        gridPeriod(args.period ?? String(new Date().getUTCFullYear())),
        ctx.smallCountThreshold,
      );
    },
  }),
);
