import type { Prisma } from "@samspill/database";
import { participantFields, suppressSmallCounts } from "@samspill/domain";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { insideWindow, summarisableOffers, THRESHOLD_DESCRIPTION, toWindow } from "./figures.js";

// The published participation figures: per offer and in total, by audience, with small counts
// suppressed (user representatives are not: see UserRepresentativeFigures).

interface AudienceFigures {
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

interface ParticipationSummary {
  smallCountThreshold: number;
  from: Date;
  to: Date;
  reports: number;
  participants: AudienceFigures;
  userRepresentatives: UserRepFigures;
  offers: OfferParticipation[];
}

const AudienceFiguresRef = builder.objectRef<AudienceFigures>("AudienceFigures").implement({
  description: `Participants by audience. ${THRESHOLD_DESCRIPTION}`,
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
      smallCountThreshold: t.exposeInt("smallCountThreshold", {
        description:
          "Counts of fewer people than this are not published (the deployment's setting, at least 5).",
      }),
      from: t.expose("from", { type: "Date" }),
      to: t.expose("to", { type: "Date" }),
      reports: t.exposeInt("reports"),
      participants: t.field({ type: AudienceFiguresRef, resolve: (s) => s.participants }),
      userRepresentatives: t.field({ type: UserRepFiguresRef, resolve: (s) => s.userRepresentatives }),
      offers: t.field({ type: [OfferParticipationRef], resolve: (s) => s.offers }),
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
  scope: Prisma.OfferWhereInput,
  period: { from: string; to: string },
): Promise<ParticipationSummary> {
  const window = toWindow(period);
  const groups = await ctx.db.participationReport.groupBy({
    by: ["offerId"],
    where: { ...insideWindow(window), offer: { AND: [scope, summarisableOffers(ctx)] } },
    _count: { _all: true },
    _sum: {
      patients: true,
      carers: true,
      childrenAndYouth: true,
      parents: true,
      others: true,
      userRepsPlanning: true,
      userRepsDelivery: true,
      userRepsEvaluation: true,
    },
    orderBy: { offerId: "asc" },
  });
  const rows = groups.filter((g) => g.offerId !== null);
  const table = suppressSmallCounts(
    rows.map((g) => participantFields.map((k) => g._sum[k] ?? 0)),
    ctx.smallCountThreshold,
  );
  const reps = (g: (typeof rows)[number]): UserRepFigures => ({
    planning: g._sum.userRepsPlanning ?? 0,
    delivery: g._sum.userRepsDelivery ?? 0,
    evaluation: g._sum.userRepsEvaluation ?? 0,
  });
  const offers = rows.map((g, i) => ({
    offerId: g.offerId!,
    reports: g._count._all,
    participants: audienceFigures(table.cells[i]!, table.rowTotals[i]!),
    userRepresentatives: reps(g),
  }));
  return {
    smallCountThreshold: ctx.smallCountThreshold,
    from: window.from,
    to: window.to,
    reports: rows.reduce((n, g) => n + g._count._all, 0),
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
