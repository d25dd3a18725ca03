import { deletePamResult, recordPamResults } from "@samspill/commands";
import { gridPeriodKey, MAX_PAM_RESULTS_PER_CALL, pamPhases } from "@samspill/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import { pagedList, takePage } from "../list-page.js";
import { mutationErrors } from "./errors.js";
import { gridPeriod, PERIOD_DESCRIPTION } from "./figures.js";
import { visibleOrganisations } from "./offer.js";
import { PamResultsSummaryRef, pamResultsSummary } from "./pam-results-summary.js";

// PAM results per participant of a course run (packages/commands/src/pam-results): the provider
// enters and reads its own pseudonymous rows; everyone reads the suppressed distributions.

builder.prismaObject("PamResult", {
  description:
    "One participant's PAM results for a course run, under the provider's pseudonym (never a name). Readable by the provider's members only.",
  fields: (t) => ({
    id: t.exposeID("id"),
    pseudonym: t.exposeString("pseudonym"),
    levelStart: t.exposeInt("levelStart", { nullable: true }),
    scoreStart: t.float({
      nullable: true,
      select: { scoreStart: true },
      resolve: (r) => r.scoreStart?.toNumber() ?? null,
    }),
    levelEnd: t.exposeInt("levelEnd", { nullable: true }),
    scoreEnd: t.float({
      nullable: true,
      select: { scoreEnd: true },
      resolve: (r) => r.scoreEnd?.toNumber() ?? null,
    }),
    version: t.exposeInt("version"),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const PamPhaseRef = builder.enumType("PamPhase", {
  description: "When a PAM result was taken: at the start or at the end of the course.",
  values: pamPhases,
});

const PamResultEntryRef = builder.inputType("PamResultEntryInput", {
  fields: (t) => ({
    pseudonym: t.string({
      required: true,
      description:
        "The participant code from the evaluation tool: capital letters and digits, at least two digits (e.g. K7-014). Never a name.",
    }),
    phase: t.field({ type: PamPhaseRef, required: true }),
    level: t.int({ required: true, description: "Activation level 1–4." }),
    score: t.float({ description: "PAM score 0–100 where the tool gives it; it must lie in the level." }),
  }),
});

const RecordPamResultsInputRef = builder.inputType("RecordPamResultsInput", {
  fields: (t) => ({
    sessionId: t.id({ required: true }),
    results: t.field({ type: [PamResultEntryRef], required: true }),
  }),
});

const resultsPage = pagedList("pamResults", { default: 200, max: 500 });

builder.mutationFields((t) => ({
  recordPamResults: t.prismaField({
    type: ["PamResult"],
    description:
      "Records start and/or end PAM results of a course run's participants, as the provider (ADMIN, EDITOR or REPORTER); a phase entered again replaces the earlier one. Answers with the results of the participants entered.",
    // One result per participant entered: the answer is as long as the input may be.
    errors: {
      types: mutationErrors,
      dataField: { complexity: { field: 1, multiplier: MAX_PAM_RESULTS_PER_CALL } },
    },
    args: { input: t.arg({ type: RecordPamResultsInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) => {
      const { ids } = await recordPamResults(unitOf(ctx), ctx.viewer, args.input);
      return ctx.db.pamResult.findMany({
        ...query,
        where: { id: { in: ids } },
        orderBy: { pseudonym: "asc" },
      });
    },
  }),

  deletePamResult: t.field({
    type: "ID",
    description: "Removes one participant's PAM results from a course run; answers with the session's id.",
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true }) },
    authScopes: { signedIn: true },
    resolve: async (_root, args, ctx) =>
      (await deletePamResult(unitOf(ctx), ctx.viewer, { id: String(args.id) })).sessionId,
  }),
}));

builder.queryFields((t) => ({
  courseRun: t.prismaField({
    type: "OfferSession",
    nullable: true,
    description:
      "One course run (session) of an offer in the catalogue, or of a draft offer of your own; null otherwise.",
    authScopes: { public: true },
    args: { id: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.offerSession.findFirst({
        ...query,
        where: {
          id: String(args.id),
          offer: { OR: [{ status: { not: "DRAFT" } }, { providerId: { in: visibleOrganisations(ctx) } }] },
        },
      }),
  }),

  pamResults: t.prismaField({
    type: ["PamResult"],
    description: "The PAM results of a course run, for members of its provider; empty for anyone else.",
    authScopes: { signedIn: true },
    args: { sessionId: t.arg.id({ required: true, validate: z.uuid() }), ...resultsPage.args },
    complexity: resultsPage.complexity,
    resolve: (query, _root, args, ctx) =>
      ctx.db.pamResult.findMany({
        ...query,
        where: { sessionId: String(args.sessionId), providerId: { in: visibleOrganisations(ctx) } },
        orderBy: { pseudonym: "asc" },
        ...takePage(resultsPage.page(args)),
      }),
  }),

  pamResultsSummary: t.field({
    type: PamResultsSummaryRef,
    description:
      "Published PAM distributions before and after, and the change, for one course run (sessionId), a provider's runs or a region's providers (regionId: a regional health authority), over the runs starting in the grid period. Small counts suppressed across the periods of the year.",
    authScopes: { public: true },
    args: {
      sessionId: t.arg.id(),
      providerId: t.arg.id(),
      regionId: t.arg.id(),
      period: t.arg.string({
        description: `${PERIOD_DESCRIPTION} Not given for a course run: its year.`,
        validate: gridPeriodKey,
      }),
    },
    validate: z
      .object({
        sessionId: z.uuid().nullish(),
        providerId: z.uuid().nullish(),
        regionId: z.uuid().nullish(),
        period: z.string().nullish(),
      })
      .refine((a) => [a.sessionId, a.providerId, a.regionId].filter(Boolean).length === 1, {
        message: "Give exactly one of sessionId, providerId and regionId",
      })
      .refine((a) => !!a.sessionId || !!a.period, {
        message: "Give a period for a provider or a region",
        path: ["period"],
      }),
    resolve: (_root, args, ctx) =>
      pamResultsSummary(ctx, {
        sessionId: args.sessionId ? String(args.sessionId) : null,
        providerId: args.providerId ? String(args.providerId) : null,
        regionId: args.regionId ? String(args.regionId) : null,
        period: args.period ? gridPeriod(args.period) : null,
      }),
  }),
}));
