import type { Prisma } from "@samspill/database";
import type { GridPeriod } from "@samspill/domain";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { pagedList, slicePage } from "../list-page.js";
import { round1 } from "./evaluation-summary.js";
import {
  offerGrid,
  type PublishedPeriod,
  periodFields,
  publishedPeriodFieldsOf,
  startsIn,
  summarisableOffers,
  THRESHOLD_DESCRIPTION,
} from "./figures.js";

// The published distributions of per-participant PAM results (PamResult): per course run, per
// provider (one row per run) and per region (one row per provider).
//
// Suppression: three grids (PublishedGrid, via offerGrid) whose unit is the course run:
// participants per start level (4 columns), per end level (4) and, among those with both, whose
// level rose, stayed or fell (3). Each run's figures are suppressed on their own across the
// year's periods; a provider's and a region's figures are sums of runs' published figures, so
// the three pages and every period agree and none can be subtracted from another. A mean is shown
// only where its count is shown and at least the threshold of its people have a score.

interface Distribution {
  respondents: number | null;
  levels: (number | null)[];
  meanScore: number | null;
}

interface Change {
  paired: number | null;
  improved: number | null;
  unchanged: number | null;
  declined: number | null;
  meanScoreChange: number | null;
}

interface Row {
  sessionId: string | null;
  providerId: string;
  before: Distribution;
  after: Distribution;
  change: Change;
}

interface Summary extends PublishedPeriod {
  before: Distribution;
  after: Distribution;
  change: Change;
  rows: Row[];
}

/** A row per course run of a provider, or per provider of a region. */
const rowsPage = pagedList("rows", { default: 200, max: 500 });

const DistributionRef = builder.objectRef<Distribution>("PamDistribution").implement({
  description: `Participants per PAM level at one side of the course. ${THRESHOLD_DESCRIPTION}`,
  fields: (t) => ({
    respondents: t.exposeInt("respondents", { nullable: true }),
    levels: t.field({
      type: ["Int"],
      nullable: { list: false, items: true },
      description: "Participants at levels 1–4.",
      resolve: (d) => d.levels,
    }),
    meanScore: t.exposeFloat("meanScore", {
      nullable: true,
      description: "Mean score (0–100, one decimal) of those with a score, where enough have one.",
    }),
  }),
});

const ChangeRef = builder.objectRef<Change>("PamChange").implement({
  description: `Participants with a start and an end result, by how their level moved. ${THRESHOLD_DESCRIPTION}`,
  fields: (t) => ({
    paired: t.exposeInt("paired", { nullable: true }),
    improved: t.exposeInt("improved", { nullable: true }),
    unchanged: t.exposeInt("unchanged", { nullable: true }),
    declined: t.exposeInt("declined", { nullable: true }),
    meanScoreChange: t.exposeFloat("meanScoreChange", {
      nullable: true,
      description: "Mean of end minus start score among those with both scores, where enough have both.",
    }),
  }),
});

const RowRef = builder.objectRef<Row>("PamResultsRow").implement({
  fields: (t) => ({
    session: t.prismaField({
      type: "OfferSession",
      nullable: true,
      description: "The course run (provider and course scopes); null in a region's rows.",
      // An empty `in` for a region's row: null without a query of its own.
      resolve: (query, row, _args, ctx) =>
        ctx.db.offerSession.findFirst({
          ...query,
          where: { id: { in: row.sessionId ? [row.sessionId] : [] } },
        }),
    }),
    provider: t.prismaField({
      type: "Organisation",
      resolve: (query, row, _args, ctx) =>
        ctx.db.organisation.findUniqueOrThrow({ ...query, where: { id: row.providerId } }),
    }),
    before: t.field({ type: DistributionRef, resolve: (r) => r.before }),
    after: t.field({ type: DistributionRef, resolve: (r) => r.after }),
    change: t.field({ type: ChangeRef, resolve: (r) => r.change }),
  }),
});

export const PamResultsSummaryRef = builder.objectRef<Summary>("PamResultsSummary").implement({
  description: "Published PAM distributions before and after courses, and the change.",
  fields: (t) => ({
    ...publishedPeriodFieldsOf(t),
    before: t.field({ type: DistributionRef, resolve: (s) => s.before }),
    after: t.field({ type: DistributionRef, resolve: (s) => s.after }),
    change: t.field({ type: ChangeRef, resolve: (s) => s.change }),
    rows: t.field({
      type: [RowRef],
      args: rowsPage.args,
      complexity: rowsPage.complexity,
      resolve: (s, args) => slicePage(s.rows, rowsPage.page(args)),
    }),
  }),
});

/** Offers of a region: its authority's own, its hospital trusts', and those of municipalities in their catchment. */
const regionOffers = (regionId: string): Prisma.OfferWhereInput => ({
  provider: {
    OR: [
      { id: regionId },
      { parentId: regionId },
      { municipality: { hospitalTrust: { parentId: regionId } } },
    ],
  },
});

export interface PamResultsScope {
  sessionId: string | null;
  providerId: string | null;
  regionId: string | null;
  period: GridPeriod | null;
}

type Result = {
  sessionId: string;
  providerId: string;
  levelStart: number | null;
  levelEnd: number | null;
  scoreStart: Prisma.Decimal | null;
  scoreEnd: Prisma.Decimal | null;
  session: { startsAt: Date };
};

const oneHot = (level: number | null) => [1, 2, 3, 4].map((l) => (l === level ? 1 : 0));
const movement = (r: Result) =>
  r.levelStart === null || r.levelEnd === null
    ? [0, 0, 0]
    : [
        Number(r.levelEnd > r.levelStart),
        Number(r.levelEnd === r.levelStart),
        Number(r.levelEnd < r.levelStart),
      ];

export async function pamResultsSummary(ctx: Context, scope: PamResultsScope): Promise<Summary> {
  let period = scope.period;
  let where: Prisma.OfferSessionWhereInput;
  if (scope.sessionId) {
    const session = await ctx.db.offerSession.findUnique({
      where: { id: scope.sessionId },
      select: { startsAt: true },
    });
    period = { kind: "YEAR", year: (session?.startsAt ?? new Date()).getUTCFullYear(), index: 1 };
    where = { id: scope.sessionId };
  } else if (scope.providerId) where = { offer: { providerId: scope.providerId } };
  else where = { offer: regionOffers(String(scope.regionId)) };
  const p = period!;
  const all: Result[] = await ctx.db.pamResult.findMany({
    where: {
      session: {
        AND: [where, { offer: summarisableOffers(ctx) }],
        cancelled: false,
        startsAt: { gte: new Date(Date.UTC(p.year, 0, 1)), lt: new Date(Date.UTC(p.year + 1, 0, 1)) },
      },
    },
    select: {
      sessionId: true,
      providerId: true,
      levelStart: true,
      levelEnd: true,
      scoreStart: true,
      scoreEnd: true,
      session: { select: { startsAt: true } },
    },
  });
  // Each course run is a unit of the grid; a provider's and a region's figures are sums of runs.
  const grid = (width: number, values: (r: Result) => number[]) =>
    offerGrid(
      p,
      ctx.smallCountThreshold,
      width,
      all,
      // Each run is its own table: its pattern depends on its own counts only, whichever scope asks.
      (r: Result) => ({ offerId: r.sessionId, providerId: r.sessionId }),
      (r: Result) => r.session.startsAt,
      values,
    );
  const before = grid(4, (r) => oneHot(r.levelStart));
  const after = grid(4, (r) => oneHot(r.levelEnd));
  const moved = grid(3, movement);
  const inPeriod = all.filter((r) => startsIn(p, r.session.startsAt));
  const mean = (shown: number | null, scores: (Prisma.Decimal | null)[]): number | null => {
    const given = scores.flatMap((s) => (s === null ? [] : [s.toNumber()]));
    if (shown === null || given.length < ctx.smallCountThreshold) return null;
    return round1(given.reduce((a, b) => a + b, 0) / given.length);
  };
  const publish = (subset: Result[]) => {
    const runs = subset.map((r) => r.sessionId);
    const b = before.sum(runs, p);
    const a = after.sum(runs, p);
    const m = moved.sum(runs, p);
    return {
      before: {
        respondents: b.total,
        levels: b.cells,
        meanScore: mean(
          b.total,
          subset.map((r) => r.scoreStart),
        ),
      },
      after: {
        respondents: a.total,
        levels: a.cells,
        meanScore: mean(
          a.total,
          subset.map((r) => r.scoreEnd),
        ),
      },
      change: {
        paired: m.total,
        improved: m.cells[0]!,
        unchanged: m.cells[1]!,
        declined: m.cells[2]!,
        meanScoreChange: mean(
          m.total,
          subset.map((r) => (r.scoreStart && r.scoreEnd ? r.scoreEnd.minus(r.scoreStart) : null)),
        ),
      },
    };
  };
  const byProvider = !!scope.regionId;
  const rowOf = (r: Result) => (byProvider ? r.providerId : r.sessionId);
  const rows = [...new Set(inPeriod.map(rowOf))].sort().map((key) => {
    const subset = inPeriod.filter((r) => rowOf(r) === key);
    return { sessionId: byProvider ? null : key, providerId: subset[0]!.providerId, ...publish(subset) };
  });
  const totals = publish(inPeriod);
  return {
    smallCountThreshold: ctx.smallCountThreshold,
    ...periodFields(p),
    before: totals.before,
    after: totals.after,
    change: totals.change,
    rows,
  };
}
