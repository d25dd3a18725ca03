import type { Prisma } from "@samspill/database";
import type { GridPeriod, SuppressedTable } from "@samspill/domain";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { slicePage, summaryOffersPage } from "../list-page.js";
import {
  offerGrid,
  type PublishedPeriod,
  periodFields,
  publishedPeriodFieldsOf,
  startsIn,
  startsInYear,
  summaryScope,
  THRESHOLD_DESCRIPTION,
} from "./figures.js";

// The published PAM summary, before and after a course.
//
// Suppression: per side (before, after) the published figures form a table of offers × the four
// activation levels whose row totals are the respondents. Each provider's table is suppressed as
// one across the periods of the year, and any scope (an offer, a provider, a trust's area) shows
// its rows and sums of published figures (offerGrid); a mean score is shown only where its
// respondents are: a mean of fewer than 5 people says too much about each of them, and a
// hidden offer's mean would otherwise follow from the total.

export const round1 = (v: number) => Math.round(v * 10) / 10;

interface PamFigures {
  respondents: number | null;
  meanScore: number | null;
  levels: (number | null)[];
}

interface OfferPam {
  offerId: string;
  evaluations: number;
  before: PamFigures;
  after: PamFigures;
}

interface PamSummary extends PublishedPeriod {
  evaluations: number;
  before: PamFigures;
  after: PamFigures;
  offers: OfferPam[];
}

const meanChange = (s: { before: PamFigures; after: PamFigures }) =>
  s.before.meanScore === null || s.after.meanScore === null
    ? null
    : round1(s.after.meanScore - s.before.meanScore);

const PamFiguresRef = builder.objectRef<PamFigures>("PamFigures").implement({
  description: `PAM figures on one side of a course. ${THRESHOLD_DESCRIPTION} The mean is shown only with its respondents.`,
  fields: (t) => ({
    respondents: t.exposeInt("respondents", { nullable: true }),
    meanScore: t.exposeFloat("meanScore", {
      nullable: true,
      description: "Mean PAM score, 0–100, one decimal.",
    }),
    levels: t.field({
      type: ["Int"],
      nullable: { list: false, items: true },
      description: "Respondents at levels 1–4.",
      resolve: (f) => f.levels,
    }),
  }),
});

const OfferPamRef = builder.objectRef<OfferPam>("OfferPam").implement({
  fields: (t) => ({
    offer: t.prismaField({
      type: "Offer",
      // findUnique calls of one tick are batched by Prisma into one query.
      resolve: (query, row, _args, ctx) =>
        ctx.db.offer.findUniqueOrThrow({ ...query, where: { id: row.offerId } }),
    }),
    evaluations: t.exposeInt("evaluations"),
    before: t.field({ type: PamFiguresRef, resolve: (r) => r.before }),
    after: t.field({ type: PamFiguresRef, resolve: (r) => r.after }),
    meanChange: t.float({
      nullable: true,
      description: "After minus before, where both means are shown.",
      resolve: meanChange,
    }),
  }),
});

export const PamSummaryRef = builder.objectRef<PamSummary>("PamSummary").implement({
  description:
    "Published PAM figures, before and after, with respondent counts below smallCountThreshold suppressed.",
  fields: (t) => ({
    ...publishedPeriodFieldsOf(t),
    evaluations: t.exposeInt("evaluations"),
    before: t.field({ type: PamFiguresRef, resolve: (s) => s.before }),
    after: t.field({ type: PamFiguresRef, resolve: (s) => s.after }),
    meanChange: t.float({
      nullable: true,
      description: "After minus before, where both means are shown.",
      resolve: meanChange,
    }),
    offers: t.field({
      type: [OfferPamRef],
      description: "The offers behind the figures, a page at a time.",
      args: summaryOffersPage.args,
      complexity: summaryOffersPage.complexity,
      resolve: (s, args) => slicePage(s.offers, summaryOffersPage.page(args)),
    }),
  }),
});

interface Side {
  respondents: number;
  scoreSum: number;
  levels: number[];
}

const emptySide = (): Side => ({ respondents: 0, scoreSum: 0, levels: [0, 0, 0, 0] });

function addSide(side: Side, respondents: number, mean: Prisma.Decimal, levels: number[]) {
  side.respondents += respondents;
  side.scoreSum += respondents * mean.toNumber();
  levels.forEach((n, i) => {
    side.levels[i]! += n;
  });
}

/** Published figures of one side: the table's cells, its totals, and means where the respondents show. */
function publish(sides: Side[], table: SuppressedTable) {
  const figures = (
    respondents: number | null,
    scoreSum: number,
    count: number,
    levels: (number | null)[],
  ) => ({
    respondents,
    meanScore: respondents === null || count === 0 ? null : round1(scoreSum / count),
    levels,
  });
  const all = sides.reduce((a, s) => ({ n: a.n + s.respondents, sum: a.sum + s.scoreSum }), { n: 0, sum: 0 });
  return {
    rows: sides.map((s, i) => figures(table.rowTotals[i]!, s.scoreSum, s.respondents, table.cells[i]!)),
    total: figures(table.total, all.sum, all.n, table.columnTotals),
  };
}

export async function pamSummary(
  ctx: Context,
  scope: { offerId?: string | null; providerId?: string | null; hospitalTrustId?: string | null },
  period: GridPeriod,
): Promise<PamSummary> {
  const { offerIds: inScope, load } = await summaryScope(ctx, scope);
  const all = await ctx.db.pamEvaluation.findMany({
    where: { ...startsInYear(period), offer: load },
    select: {
      offerId: true,
      offer: { select: { providerId: true } },
      periodStart: true,
      respondentsBefore: true,
      respondentsAfter: true,
      meanScoreBefore: true,
      meanScoreAfter: true,
      levelsBefore: true,
      levelsAfter: true,
    },
    orderBy: [{ offerId: "asc" }, { periodStart: "asc" }],
  });
  const offerIds = [...new Set(all.map((e) => e.offerId))].filter((id) => !inScope || inScope.has(id)).sort();
  const evaluations = all.filter(
    (e) => startsIn(period, e.periodStart) && (!inScope || inScope.has(e.offerId)),
  );
  const byOffer = new Map<string, { count: number; before: Side; after: Side }>();
  for (const e of evaluations) {
    const row = byOffer.get(e.offerId) ?? { count: 0, before: emptySide(), after: emptySide() };
    byOffer.set(e.offerId, row);
    row.count++;
    addSide(row.before, e.respondentsBefore, e.meanScoreBefore, e.levelsBefore);
    addSide(row.after, e.respondentsAfter, e.meanScoreAfter, e.levelsAfter);
  }
  const side = (pick: "before" | "after") => {
    const table = offerGrid(
      period,
      ctx.smallCountThreshold,
      4,
      all,
      (e) => ({ offerId: e.offerId, providerId: e.offer.providerId }),
      (e) => e.periodStart,
      (e) => (pick === "before" ? e.levelsBefore : e.levelsAfter),
    ).table(offerIds, period);
    const sides = offerIds.map((id) => byOffer.get(id)?.[pick] ?? emptySide());
    return publish(sides, table);
  };
  const before = side("before");
  const after = side("after");
  const shown = offerIds.flatMap((offerId, i) => {
    const r = byOffer.get(offerId);
    if (!r) return [];
    return [{ offerId, evaluations: r.count, before: before.rows[i]!, after: after.rows[i]! }];
  });
  return {
    smallCountThreshold: ctx.smallCountThreshold,
    ...periodFields(period),
    evaluations: shown.reduce((n, o) => n + o.evaluations, 0),
    // The sums of the offers' published figures (one offer's summary is its row).
    before: before.total,
    after: after.total,
    offers: shown,
  };
}
