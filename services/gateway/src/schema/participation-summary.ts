import { type GridPeriod, participantFields } from "@samspill/domain";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { slicePage, summaryOffersPage } from "../list-page.js";
import * as figures from "./figures.js";

// The published participation figures: per offer and in total, by audience, with small counts
// suppressed (user representatives are not: see UserRepresentativeFigures). The provider's table
// (offers × audiences, every period of the year) is suppressed as one, and a summary shows its
// rows and sums of published figures (figures.offerGrid): the same figures whichever period,
// offer or provider a caller asks for, and the same as the trends and the annual report.

export interface AudienceFigures {
  patients: number | null;
  carers: number | null;
  childrenAndYouth: number | null;
  parents: number | null;
  others: number | null;
  total: number | null;
}

interface UserRepFigures {
  planning: number;
  delivery: number;
  evaluation: number;
}

interface OfferParticipation {
  offerId: string;
  reports: number;
  participants: AudienceFigures;
  userRepresentatives: UserRepFigures;
}

interface ParticipationSummary extends figures.PublishedPeriod {
  reports: number;
  participants: AudienceFigures;
  userRepresentatives: UserRepFigures;
  offers: OfferParticipation[];
}

export const AudienceFiguresRef = builder.objectRef<AudienceFigures>("AudienceFigures").implement({
  description: `Participants by audience. ${figures.THRESHOLD_DESCRIPTION}`,
  fields: (t) => ({
    patients: t.exposeInt("patients", { nullable: true }),
    carers: t.exposeInt("carers", { nullable: true }),
    childrenAndYouth: t.exposeInt("childrenAndYouth", { nullable: true }),
    parents: t.exposeInt("parents", { nullable: true }),
    others: t.exposeInt("others", { nullable: true }),
    total: t.exposeInt("total", { nullable: true }),
  }),
});

const UserRepFiguresRef = builder.objectRef<UserRepFigures>("UserRepresentativeFigures").implement({
  description:
    "User representatives by phase. Not suppressed: they take part in an official role, not as patients, and whether a course had one in each phase is the quality indicator itself.",
  fields: (t) => ({
    planning: t.exposeInt("planning"),
    delivery: t.exposeInt("delivery"),
    evaluation: t.exposeInt("evaluation"),
  }),
});

const OfferParticipationRef = builder.objectRef<OfferParticipation>("OfferParticipation").implement({
  fields: (t) => ({
    offer: t.prismaField({
      type: "Offer",
      // findUnique calls of one tick are batched by Prisma into one query.
      resolve: (query, row, _args, ctx) =>
        ctx.db.offer.findUniqueOrThrow({ ...query, where: { id: row.offerId } }),
    }),
    reports: t.exposeInt("reports"),
    participants: t.field({ type: AudienceFiguresRef, resolve: (r) => r.participants }),
    userRepresentatives: t.field({ type: UserRepFiguresRef, resolve: (r) => r.userRepresentatives }),
  }),
});

export const ParticipationSummaryRef = builder
  .objectRef<ParticipationSummary>("ParticipationSummary")
  .implement({
    description:
      "Published participation figures: counts below smallCountThreshold suppressed, with secondary suppression so no hidden count follows from the totals.",
    fields: (t) => ({
      ...figures.publishedPeriodFieldsOf(t),
      reports: t.exposeInt("reports"),
      participants: t.field({ type: AudienceFiguresRef, resolve: (s) => s.participants }),
      userRepresentatives: t.field({ type: UserRepFiguresRef, resolve: (s) => s.userRepresentatives }),
      offers: t.field({
        type: [OfferParticipationRef],
        description: "The offers behind the figures, a page at a time.",
        args: summaryOffersPage.args,
        complexity: summaryOffersPage.complexity,
        resolve: (s, args) => slicePage(s.offers, summaryOffersPage.page(args)),
      }),
    }),
  });

const audienceFigures = (cells: (number | null)[], total: number | null): AudienceFigures => ({
  patients: cells[0] ?? null,
  carers: cells[1] ?? null,
  childrenAndYouth: cells[2] ?? null,
  parents: cells[3] ?? null,
  others: cells[4] ?? null,
  total,
});

export async function participationSummary(
  ctx: Context,
  scope: { offerId?: string | null; providerId?: string | null },
  period: GridPeriod,
): Promise<ParticipationSummary> {
  const { offerIds: inScope, load } = await figures.summaryScope(ctx, scope);
  const reports = await ctx.db.participationReport.findMany({
    where: {
      ...figures.startsInYear(period),
      offerId: { not: null },
      offer: load,
    },
    select: {
      offerId: true,
      offer: { select: { providerId: true } },
      periodStart: true,
      patients: true,
      carers: true,
      childrenAndYouth: true,
      parents: true,
      others: true,
      userRepsPlanning: true,
      userRepsDelivery: true,
      userRepsEvaluation: true,
    },
  });
  const offerIds = [...new Set(reports.map((r) => r.offerId!))]
    .filter((id) => !inScope || inScope.has(id))
    .sort();
  const table = figures
    .offerGrid(
      period,
      ctx.smallCountThreshold,
      participantFields.length,
      reports,
      (r) => ({ offerId: r.offerId!, providerId: r.offer!.providerId }),
      (r) => r.periodStart,
      (r) => participantFields.map((k) => r[k]),
    )
    .table(offerIds, period);
  const inPeriod = reports.filter((r) => figures.startsIn(period, r.periodStart));
  const offers = offerIds.flatMap((offerId, i) => {
    const mine = inPeriod.filter((r) => r.offerId === offerId);
    if (mine.length === 0) return [];
    return [
      {
        offerId,
        reports: mine.length,
        participants: audienceFigures(table.cells[i]!, table.rowTotals[i]!),
        userRepresentatives: {
          planning: mine.reduce((n, r) => n + r.userRepsPlanning, 0),
          delivery: mine.reduce((n, r) => n + r.userRepsDelivery, 0),
          evaluation: mine.reduce((n, r) => n + r.userRepsEvaluation, 0),
        },
      },
    ];
  });
  return {
    smallCountThreshold: ctx.smallCountThreshold,
    ...figures.periodFields(period),
    reports: offers.reduce((n, o) => n + o.reports, 0),
    // The sums of the offers' published figures (one offer's summary is its row).
    participants: audienceFigures(table.columnTotals, table.total),
    userRepresentatives: offers.reduce(
      (sum, o) => ({
        planning: sum.planning + o.userRepresentatives.planning,
        delivery: sum.delivery + o.userRepresentatives.delivery,
        evaluation: sum.evaluation + o.userRepresentatives.evaluation,
      }),
      { planning: 0, delivery: 0, evaluation: 0 },
    ),
    offers,
  };
}
