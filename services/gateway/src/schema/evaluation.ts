import { reportPamEvaluation } from "@samspill/commands";
import { gridPeriodKey } from "@samspill/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import { mutationErrors } from "./errors.js";
import { PamSummaryRef, pamSummary, round1 } from "./evaluation-summary.js";
import { gridPeriod, PERIOD_DESCRIPTION } from "./figures.js";

// PAM (Patient Activation Measure) aggregates per offer and period, reported by the offer's
// provider (packages/commands/src/evaluation), and the published before/after summary.

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

builder.mutationFields((t) => ({
  reportPamEvaluation: t.prismaField({
    type: "PamEvaluation",
    description: "Reports PAM aggregates for an offer, as its provider (ADMIN, EDITOR or REPORTER).",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: ReportPamEvaluationInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.pamEvaluation.findUniqueOrThrow({
        ...query,
        where: await reportPamEvaluation(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),
}));

// ---------------------------------------------------------------- summary

builder.queryFields((t) => ({
  pamSummary: t.field({
    type: PamSummaryRef,
    description:
      "Public PAM figures before and after, for one offer, a provider's offers or a hospital trust's area (offers it provides or that serve its catchment), over the evaluations whose period starts in the grid period (suppressed across the periods of the year).",
    authScopes: { public: true },
    args: {
      offerId: t.arg.id(),
      providerId: t.arg.id(),
      hospitalTrustId: t.arg.id(),
      period: t.arg.string({ required: true, description: PERIOD_DESCRIPTION, validate: gridPeriodKey }),
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
        {
          offerId: args.offerId ? String(args.offerId) : null,
          providerId: args.providerId ? String(args.providerId) : null,
          hospitalTrustId: args.hospitalTrustId ? String(args.hospitalTrustId) : null,
        },
        gridPeriod(args.period),
      ),
  }),
}));
