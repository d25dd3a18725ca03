import { Prisma } from "@samspill/database";
import {
  DomainValidationError,
  fieldIssue,
  NotFoundError,
  parseInput,
  reportPamEvaluationInput,
  type SuppressedTable,
  suppressSmallCounts,
} from "@samspill/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { inTransaction, recordChange } from "../write.js";
import { mutationErrors } from "./errors.js";
import {
  hospitalTrustArea,
  insideWindow,
  ReportingPeriodInput,
  summarisableOffers,
  THRESHOLD_DESCRIPTION,
  toWindow,
} from "./figures.js";

// PAM (Patient Activation Measure) aggregates per offer and period, reported by the offer's
// provider, and the published before/after summary.
//
// Suppression: per side (before, after) the published figures form a table of offers × the four
// activation levels whose row totals are the respondents. It goes through suppressSmallCounts,
// and a mean score is shown only where its respondents are: a mean of fewer than 5 people says
// too much about each of them, and a hidden offer's mean would otherwise follow from the total.

const reportingRoles = ["ADMIN", "EDITOR", "REPORTER"] as const;

builder.prismaObject("PamEvaluation", {
  description:
    "PAM aggregates for one offer and period: respondents, mean score (0–100) and levels 1–4, before and after.",
  fields: (t) => ({
    id: t.exposeID("id"),
    offer: t.relation("offer"),
    reporter: t.relation("reporter"),
    periodStart: t.expose("periodStart", { type: "Date" }),
    periodEnd: t.expose("periodEnd", { type: "Date" }),
    respondentsBefore: t.exposeInt("respondentsBefore"),
    respondentsAfter: t.exposeInt("respondentsAfter"),
    meanScoreBefore: t.float({
      select: { meanScoreBefore: true },
      resolve: (e) => e.meanScoreBefore.toNumber(),
    }),
    meanScoreAfter: t.float({
      select: { meanScoreAfter: true },
      resolve: (e) => e.meanScoreAfter.toNumber(),
    }),
    meanChange: t.float({
      description: "Mean score after minus before.",
      select: { meanScoreBefore: true, meanScoreAfter: true },
      resolve: (e) => round1(e.meanScoreAfter.toNumber() - e.meanScoreBefore.toNumber()),
    }),
    levelsBefore: t.exposeIntList("levelsBefore", { description: "Respondents at levels 1–4." }),
    levelsAfter: t.exposeIntList("levelsAfter"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const ReportPamEvaluationInputRef = builder.inputType("ReportPamEvaluationInput", {
  description:
    "Aggregates of the PAM-13 questionnaire before and after a course. One report per offer and period.",
  fields: (t) => ({
    offerId: t.id({ required: true }),
    periodStart: t.string({ required: true, description: "YYYY-MM-DD" }),
    periodEnd: t.string({ required: true, description: "YYYY-MM-DD, today at the latest." }),
    respondentsBefore: t.int({ required: true }),
    respondentsAfter: t.int({ required: true }),
    meanScoreBefore: t.float({ required: true }),
    meanScoreAfter: t.float({ required: true }),
    levelsBefore: t.intList({
      required: true,
      description: "Respondents at levels 1, 2, 3 and 4; they add up to respondentsBefore.",
    }),
    levelsAfter: t.intList({ required: true }),
  }),
});

async function providerOf(ctx: Context, offerId: string): Promise<string> {
  const offer = await ctx.db.offer.findUnique({ where: { id: offerId }, select: { providerId: true } });
  if (!offer) throw new NotFoundError("Offer", offerId);
  return offer.providerId;
}

const alreadyReported = () =>
  new DomainValidationError([
    fieldIssue(
      "periodStart",
      "already_reported",
      "PAM figures for this offer and period are already reported",
      "PAM-tall for dette tilbudet og denne perioden er allerede rapportert",
    ),
  ]);

builder.mutationFields((t) => ({
  reportPamEvaluation: t.prismaField({
    type: "PamEvaluation",
    description: "Reports PAM aggregates for an offer, as its provider (ADMIN, EDITOR or REPORTER).",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: ReportPamEvaluationInputRef, required: true }) },
    authScopes: async (_root, args, ctx) => ({
      roleIn: { organisationId: await providerOf(ctx, String(args.input.offerId)), roles: reportingRoles },
    }),
    resolve: async (query, _root, args, ctx) => {
      const input = parseInput(reportPamEvaluationInput, args.input);
      try {
        return await inTransaction(ctx, async (tx) => {
          const offer = await tx.offer.findUniqueOrThrow({
            where: { id: input.offerId },
            select: { providerId: true },
          });
          const evaluation = await tx.pamEvaluation.create({
            data: {
              ...input,
              reporterId: offer.providerId,
              periodStart: new Date(input.periodStart),
              periodEnd: new Date(input.periodEnd),
            },
          });
          await recordChange(tx, ctx, {
            action: "pam.report",
            entityType: "PamEvaluation",
            entityId: evaluation.id,
            organisationId: offer.providerId,
            changes: { created: input },
            event: { type: "pam.reported", payload: { id: evaluation.id, offerId: input.offerId } },
          });
          return tx.pamEvaluation.findUniqueOrThrow({ ...query, where: { id: evaluation.id } });
        });
      } catch (error) {
        // The unique (offer, period) is the check: two concurrent reports cannot both pass it.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
          throw alreadyReported();
        throw error;
      }
    },
  }),
}));

// ---------------------------------------------------------------- summary

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

interface PamSummary {
  smallCountThreshold: number;
  from: Date;
  to: Date;
  evaluations: number;
  before: PamFigures;
  after: PamFigures;
  offers: OfferPam[];
}

const round1 = (v: number) => Math.round(v * 10) / 10;

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

const PamSummaryRef = builder.objectRef<PamSummary>("PamSummary").implement({
  description:
    "Published PAM figures, before and after, with respondent counts below smallCountThreshold suppressed.",
  fields: (t) => ({
    smallCountThreshold: t.exposeInt("smallCountThreshold", {
      description:
        "Counts of fewer people than this are not published (the deployment's setting, at least 5).",
    }),
    from: t.expose("from", { type: "Date" }),
    to: t.expose("to", { type: "Date" }),
    evaluations: t.exposeInt("evaluations"),
    before: t.field({ type: PamFiguresRef, resolve: (s) => s.before }),
    after: t.field({ type: PamFiguresRef, resolve: (s) => s.after }),
    meanChange: t.float({
      nullable: true,
      description: "After minus before, where both means are shown.",
      resolve: meanChange,
    }),
    offers: t.field({ type: [OfferPamRef], resolve: (s) => s.offers }),
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

async function pamSummary(
  ctx: Context,
  scope: Prisma.OfferWhereInput,
  period: { from: string; to: string },
): Promise<PamSummary> {
  const window = toWindow(period);
  const evaluations = await ctx.db.pamEvaluation.findMany({
    where: { ...insideWindow(window), offer: { AND: [scope, summarisableOffers(ctx)] } },
    select: {
      offerId: true,
      respondentsBefore: true,
      respondentsAfter: true,
      meanScoreBefore: true,
      meanScoreAfter: true,
      levelsBefore: true,
      levelsAfter: true,
    },
    orderBy: [{ offerId: "asc" }, { periodStart: "asc" }],
  });
  const byOffer = new Map<string, { count: number; before: Side; after: Side }>();
  for (const e of evaluations) {
    const row = byOffer.get(e.offerId) ?? { count: 0, before: emptySide(), after: emptySide() };
    byOffer.set(e.offerId, row);
    row.count++;
    addSide(row.before, e.respondentsBefore, e.meanScoreBefore, e.levelsBefore);
    addSide(row.after, e.respondentsAfter, e.meanScoreAfter, e.levelsAfter);
  }
  const rows = [...byOffer.entries()];
  const side = (pick: "before" | "after") => {
    const sides = rows.map(([, r]) => r[pick]);
    return publish(
      sides,
      suppressSmallCounts(
        sides.map((s) => s.levels),
        ctx.smallCountThreshold,
      ),
    );
  };
  const before = side("before");
  const after = side("after");
  return {
    smallCountThreshold: ctx.smallCountThreshold,
    from: window.from,
    to: window.to,
    evaluations: evaluations.length,
    before: before.total,
    after: after.total,
    offers: rows.map(([offerId, r], i) => ({
      offerId,
      evaluations: r.count,
      before: before.rows[i]!,
      after: after.rows[i]!,
    })),
  };
}

builder.queryFields((t) => ({
  pamSummary: t.field({
    type: PamSummaryRef,
    description:
      "Public PAM figures before and after, for one offer, a provider's offers or a hospital trust's area (offers it provides or that serve its catchment), over evaluations lying wholly inside the period.",
    authScopes: { public: true },
    args: {
      offerId: t.arg.id(),
      providerId: t.arg.id(),
      hospitalTrustId: t.arg.id(),
      period: t.arg({ type: ReportingPeriodInput, required: true }),
    },
    validate: z
      .object({
        offerId: z.uuid().nullish(),
        providerId: z.uuid().nullish(),
        hospitalTrustId: z.uuid().nullish(),
      })
      .loose()
      .refine((a) => [a.offerId, a.providerId, a.hospitalTrustId].filter(Boolean).length === 1, {
        message: "Give exactly one of offerId, providerId and hospitalTrustId",
      }),
    resolve: (_root, args, ctx) =>
      pamSummary(
        ctx,
        args.offerId
          ? { id: String(args.offerId) }
          : args.providerId
            ? { providerId: String(args.providerId) }
            : hospitalTrustArea(String(args.hospitalTrustId)),
        args.period,
      ),
  }),
}));
