import { type GridPeriod, gridPeriodKey, offersByResponsibility, periodRange } from "@samspill/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { pagedList, slicePage } from "../list-page.js";
import { agreementVisibility, visibleOfferWhere } from "./cooperation-access.js";
import * as figures from "./figures.js";
import { type AudienceFigures, AudienceFiguresRef, participationSummary } from "./participation-summary.js";

// An agreement set against what was delivered under it (issue 15, item 3): each party's
// responsibilities beside the linked offers that fulfil them (domain: agreement-delivery.ts), and
// each linked offer's sessions held and participants in a grid period. Participant figures are
// the provider's published ones (participation-summary.ts), small counts suppressed; session
// counts are of courses, not people. Gaps: a responsibility no linked offer fulfils, a linked
// offer with no session held in the period.

interface ResponsibilityDelivery {
  responsibilityId: string;
  offerIds: string[];
}

interface OfferDelivery {
  offerId: string;
  providerId: string;
  sessionsHeld: number;
  sessionsPlanned: number;
  /** The period counted. */
  grid: GridPeriod;
}

interface AgreementDelivery extends figures.PublishedPeriod {
  agreementId: string;
  grid: GridPeriod;
  responsibilities: ResponsibilityDelivery[];
  offers: OfferDelivery[];
}

// An agreement has at most 200 responsibilities; its linked offers grow.
const responsibilitiesPage = pagedList("responsibilities", { default: 200, max: 200 });
const offersPage = pagedList("offers", { default: 50, max: 200 });
const fulfillingPage = pagedList("offers", { default: 50, max: 200 });

const ResponsibilityDeliveryRef = builder
  .objectRef<ResponsibilityDelivery>("ResponsibilityDelivery")
  .implement({
    description: "What one party promised, beside the linked offers of that party that fulfil it.",
    fields: (t) => ({
      responsibility: t.prismaField({
        type: "AgreementResponsibility",
        resolve: (query, r, _args, ctx) =>
          ctx.db.agreementResponsibility.findUniqueOrThrow({ ...query, where: { id: r.responsibilityId } }),
      }),
      offers: t.prismaField({
        type: ["Offer"],
        description: "Linked offers of the responsible party that fit what it promised.",
        args: fulfillingPage.args,
        complexity: fulfillingPage.complexity,
        resolve: (query, r, args, ctx) =>
          ctx.db.offer.findMany({
            ...query,
            where: { id: { in: slicePage(r.offerIds, fulfillingPage.page(args)) } },
            orderBy: { title: "asc" },
          }),
      }),
      offerCount: t.int({ resolve: (r) => r.offerIds.length }),
      gap: t.boolean({
        description: "No linked offer fulfils it.",
        resolve: (r) => r.offerIds.length === 0,
      }),
    }),
  });

const OfferDeliveryRef = builder.objectRef<OfferDelivery>("OfferDelivery").implement({
  description: "A linked offer's delivery in the period.",
  fields: (t) => ({
    offer: t.prismaField({
      type: "Offer",
      resolve: (query, o, _args, ctx) =>
        ctx.db.offer.findUniqueOrThrow({ ...query, where: { id: o.offerId } }),
    }),
    sessionsHeld: t.int({
      description: "Sessions in the period that have ended and were not cancelled.",
      resolve: (o) => o.sessionsHeld,
    }),
    sessionsPlanned: t.int({
      description: "Sessions in the period still to come, not cancelled.",
      resolve: (o) => o.sessionsPlanned,
    }),
    gap: t.boolean({ description: "No session held in the period.", resolve: (o) => o.sessionsHeld === 0 }),
    participants: t.field({
      type: AudienceFiguresRef,
      description:
        "Participants reported for the period: the provider's published figures, small counts suppressed.",
      resolve: async (o, _args, ctx) =>
        (await providerFigures(ctx, o.providerId, o.grid)).get(o.offerId) ?? noReports,
    }),
  }),
});

const noReports: AudienceFigures = {
  patients: 0,
  carers: 0,
  childrenAndYouth: 0,
  parents: 0,
  others: 0,
  total: 0,
};

/** Each provider's published participants per offer, once per request, provider and period. */
const figureCache = new WeakMap<Context, Map<string, Promise<Map<string, AudienceFigures>>>>();
function providerFigures(ctx: Context, providerId: string, period: GridPeriod) {
  let cache = figureCache.get(ctx);
  if (!cache) {
    cache = new Map();
    figureCache.set(ctx, cache);
  }
  const key = `${providerId}:${figures.periodFields(period).period}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = participationSummary(ctx, { providerId }, period).then(
      (s) => new Map(s.offers.map((o) => [o.offerId, o.participants])),
    );
    cache.set(key, entry);
  }
  return entry;
}

const AgreementDeliveryRef = builder.objectRef<AgreementDelivery>("AgreementDelivery").implement({
  description:
    "An agreement's promises (responsibilities, linked offers) beside its delivery in a grid period (sessions held, participants), with the gaps.",
  fields: (t) => ({
    ...figures.publishedPeriodFieldsOf(t),
    agreement: t.prismaField({
      type: "Agreement",
      resolve: (query, d, _args, ctx) =>
        ctx.db.agreement.findUniqueOrThrow({ ...query, where: { id: d.agreementId } }),
    }),
    responsibilities: t.field({
      type: [ResponsibilityDeliveryRef],
      description: "Each responsibility with the linked offers that fulfil it, gaps first.",
      args: responsibilitiesPage.args,
      complexity: responsibilitiesPage.complexity,
      resolve: (d, args) => slicePage(d.responsibilities, responsibilitiesPage.page(args)),
    }),
    offers: t.field({
      type: [OfferDeliveryRef],
      description:
        "Linked offers you can see, with sessions and participants in the period; those with no session held first.",
      args: offersPage.args,
      complexity: offersPage.complexity,
      resolve: (d, args) => slicePage(d.offers, offersPage.page(args)),
    }),
    offerCount: t.int({ resolve: (d) => d.offers.length }),
    sessionsHeld: t.int({ resolve: (d) => d.offers.reduce((n, o) => n + o.sessionsHeld, 0) }),
    responsibilitiesWithoutOffer: t.int({
      resolve: (d) => d.responsibilities.filter((r) => r.offerIds.length === 0).length,
    }),
    offersWithoutSession: t.int({ resolve: (d) => d.offers.filter((o) => o.sessionsHeld === 0).length }),
  }),
});

async function agreementDelivery(ctx: Context, agreementId: string, grid: GridPeriod) {
  const agreement = await ctx.db.agreement.findFirst({
    where: { AND: [{ id: agreementId }, agreementVisibility(ctx)] },
    select: {
      id: true,
      responsibilities: { orderBy: { id: "asc" } },
      offers: {
        where: { offer: visibleOfferWhere(ctx) },
        select: {
          offer: {
            select: {
              id: true,
              providerId: true,
              kind: true,
              diagnosisScope: true,
              audiences: true,
              priorityGroups: true,
            },
          },
        },
      },
    },
  });
  if (!agreement) return null;
  const linked = agreement.offers.map((o) => o.offer);
  const { start, end } = periodRange(grid);
  const now = new Date();
  const sessions = await ctx.db.offerSession.findMany({
    where: { offerId: { in: linked.map((o) => o.id) }, cancelled: false, startsAt: { gte: start, lt: end } },
    select: { offerId: true, endsAt: true },
  });
  const fulfilling = offersByResponsibility(agreement.responsibilities, linked);
  const offers = linked.map((o): OfferDelivery => {
    const mine = sessions.filter((s) => s.offerId === o.id);
    const held = mine.filter((s) => s.endsAt <= now).length;
    return {
      offerId: o.id,
      providerId: o.providerId,
      sessionsHeld: held,
      sessionsPlanned: mine.length - held,
      grid,
    };
  });
  offers.sort(
    (a, b) => Number(a.sessionsHeld > 0) - Number(b.sessionsHeld > 0) || a.offerId.localeCompare(b.offerId),
  );
  const responsibilities = agreement.responsibilities.map((r) => ({
    responsibilityId: r.id,
    offerIds: fulfilling.get(r.id) ?? [],
  }));
  responsibilities.sort((a, b) => Number(a.offerIds.length > 0) - Number(b.offerIds.length > 0));
  return {
    agreementId: agreement.id,
    grid,
    smallCountThreshold: ctx.smallCountThreshold,
    ...figures.periodFields(grid),
    responsibilities,
    offers,
  } satisfies AgreementDelivery;
}

builder.queryFields((t) => ({
  agreementDelivery: t.field({
    type: AgreementDeliveryRef,
    nullable: true,
    description:
      "What an agreement's parties promised beside what was delivered in a grid period, with the gaps; null when the agreement does not exist or you may not see it.",
    authScopes: { signedIn: true },
    args: {
      agreementId: t.arg.id({ required: true, validate: z.uuid() }),
      period: t.arg.string({
        description: `${figures.PERIOD_DESCRIPTION} The current year when not given.`,
        validate: gridPeriodKey.nullish(),
      }),
    },
    resolve: (_root, args, ctx) =>
      agreementDelivery(
        ctx,
        String(args.agreementId),
        figures.gridPeriod(args.period ?? String(new Date().getUTCFullYear())),
      ),
  }),
}));
