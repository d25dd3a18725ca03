import { correctParticipationReport, reportingRoles, reportParticipation } from "@samspill/commands";
import type { Prisma } from "@samspill/database";
import { gridPeriodKey, participantFields } from "@samspill/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import type { Context } from "../context.js";
import { mutationErrors } from "./errors.js";
import { gridPeriod, PERIOD_DESCRIPTION } from "./figures.js";
import { visibleOrganisations } from "./offer.js";
import {
  CorrectParticipationReportInputRef,
  ParticipationReportFilter,
  ReportParticipationInputRef,
} from "./participation-inputs.js";
import { ParticipationSummaryRef, participationSummary } from "./participation-summary.js";

// Participation reports: aggregates per offer or meeting point and period. Who reports on what
// is the command's rule (packages/commands/src/participation). Reports are read by the
// reporter's members and by the subject's provider or organiser; the public sees only the
// suppressed summary.

export const ParticipationReportRef = builder.prismaObject("ParticipationReport", {
  description:
    "Participants by audience and user representatives by phase, for one offer or meeting point and period.",
  fields: (t) => ({
    id: t.exposeID("id"),
    reporter: t.relation("reporter"),
    offer: t.relation("offer", { nullable: true }),
    meetingPointId: t.exposeID("meetingPointId", { nullable: true }),
    meetingPointTitle: t.string({
      nullable: true,
      select: { meetingPoint: { select: { title: true } } },
      resolve: (r) => r.meetingPoint?.title ?? null,
    }),
    periodStart: t.expose("periodStart", { type: "Date" }),
    periodEnd: t.expose("periodEnd", { type: "Date" }),
    patients: t.exposeInt("patients"),
    carers: t.exposeInt("carers"),
    childrenAndYouth: t.exposeInt("childrenAndYouth"),
    parents: t.exposeInt("parents"),
    others: t.exposeInt("others", {
      description: "Health personnel, students and anyone not in an audience.",
    }),
    totalParticipants: t.int({
      select: { patients: true, carers: true, childrenAndYouth: true, parents: true, others: true },
      resolve: (r) => participantFields.reduce((sum, k) => sum + r[k], 0),
    }),
    userRepsPlanning: t.exposeInt("userRepsPlanning"),
    userRepsDelivery: t.exposeInt("userRepsDelivery"),
    userRepsEvaluation: t.exposeInt("userRepsEvaluation"),
    notes: t.exposeString("notes", { nullable: true }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

// ---------------------------------------------------------------- mutations

builder.mutationFields((t) => ({
  reportParticipation: t.prismaField({
    type: "ParticipationReport",
    description:
      "Reports participation for an offer or a meeting point as your organisation (ADMIN, EDITOR or REPORTER).",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: ReportParticipationInputRef, required: true }) },
    authScopes: (_root, args) => ({
      roleIn: { organisationId: String(args.input.reporterId), roles: reportingRoles },
    }),
    resolve: async (query, _root, args, ctx) =>
      ctx.db.participationReport.findUniqueOrThrow({
        ...query,
        where: await reportParticipation(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),

  correctParticipationReport: t.prismaField({
    type: "ParticipationReport",
    description: "Corrects a report's figures. A stale version answers with a ConflictError.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: CorrectParticipationReportInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.participationReport.findUniqueOrThrow({
        ...query,
        where: await correctParticipationReport(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),
}));

// ---------------------------------------------------------------- queries

/** Reports the caller may read: their organisations' own, and those about what they provide or organise. */
function readableReports(ctx: Context): Prisma.ParticipationReportWhereInput {
  const orgs = visibleOrganisations(ctx);
  return {
    OR: [
      { reporterId: { in: orgs } },
      { offer: { providerId: { in: orgs } } },
      { meetingPoint: { organiserId: { in: orgs } } },
    ],
  };
}

builder.queryFields((t) => ({
  participationReports: t.prismaConnection({
    type: "ParticipationReport",
    cursor: "id",
    description:
      "Participation reports you may read: your organisations' own, and those on offers you provide or meetings you organise. Newest period first.",
    authScopes: { signedIn: true },
    args: { filter: t.arg({ type: ParticipationReportFilter, required: false }) },
    resolve: (query, _root, args, ctx) => {
      const f = args.filter ?? {};
      const where: Prisma.ParticipationReportWhereInput[] = [readableReports(ctx)];
      if (f.reporterId) where.push({ reporterId: String(f.reporterId) });
      if (f.offerId) where.push({ offerId: String(f.offerId) });
      if (f.meetingPointId) where.push({ meetingPointId: String(f.meetingPointId) });
      if (f.from) where.push({ periodEnd: { gte: new Date(f.from) } });
      if (f.to) where.push({ periodStart: { lte: new Date(f.to) } });
      return ctx.db.participationReport.findMany({
        ...query,
        where: { AND: where },
        orderBy: [{ periodStart: "desc" }, { id: "desc" }],
      });
    },
  }),

  participationReport: t.prismaField({
    type: "ParticipationReport",
    nullable: true,
    description:
      "One participation report, if you may read it (as for participationReports); null otherwise.",
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.participationReport.findFirst({
        ...query,
        where: { AND: [{ id: String(args.id) }, readableReports(ctx)] },
      }),
  }),

  participationSummary: t.field({
    type: ParticipationSummaryRef,
    description:
      "Public participation figures for one offer or all of a provider's offers, over the reports whose period starts in the grid period. One row per offer with reports; small counts suppressed across the periods of the year.",
    authScopes: { public: true },
    args: {
      offerId: t.arg.id(),
      providerId: t.arg.id(),
      period: t.arg.string({ required: true, description: PERIOD_DESCRIPTION, validate: gridPeriodKey }),
    },
    validate: z
      .object({ offerId: z.uuid().nullish(), providerId: z.uuid().nullish() })
      .loose()
      .refine((a) => !a.offerId !== !a.providerId, { message: "Give exactly one of offerId and providerId" }),
    resolve: (_root, args, ctx) =>
      participationSummary(
        ctx,
        {
          offerId: args.offerId ? String(args.offerId) : null,
          providerId: args.providerId ? String(args.providerId) : null,
        },
        gridPeriod(args.period),
      ),
  }),
}));
