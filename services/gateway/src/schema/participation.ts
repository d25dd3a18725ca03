import type { Prisma } from "@samspill/database";
import {
  correctParticipationReportInput,
  DomainValidationError,
  ForbiddenError,
  NotFoundError,
  type ParticipantField,
  type ParticipationFigures,
  parseInput,
  participantFields,
  participationIssues,
  reportParticipationInput,
  suppressSmallCounts,
  type UserRepField,
  userRepFields,
} from "@samspill/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { diff, inTransaction, recordChange, type Tx, updateVersioned } from "../write.js";
import { mutationErrors } from "./errors.js";
import {
  insideWindow,
  isoDay,
  ReportingPeriodInput,
  summarisableOffers,
  THRESHOLD_DESCRIPTION,
  toWindow,
} from "./figures.js";
import { visibleOrganisations } from "./offer.js";

// Participation reports: aggregates per offer or meeting point and period.
//
// Who reports on what. User organisations report on offers and meeting points that others run
// (that is the point of their reports), so the rule is about the reporter, not the subject:
//  - the reporter is an organisation in which the caller is ADMIN, EDITOR or REPORTER;
//  - the subject is an offer that is or was in the public catalogue (published, paused or
//    archived; courses are reported after they ran) or one of the reporter's own offers, or a
//    meeting point the reporter organises or takes part in.
// Reports are read by the reporter's members and by the subject's provider or organiser; the
// public sees only the suppressed summary.

const reportingRoles = ["ADMIN", "EDITOR", "REPORTER"] as const;

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

type InputFields = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];

const countInputs = (t: InputFields) => ({
  patients: t.int(),
  carers: t.int(),
  childrenAndYouth: t.int(),
  parents: t.int(),
  others: t.int({ description: "Health personnel, students and anyone not in an audience." }),
  userRepsPlanning: t.int(),
  userRepsDelivery: t.int(),
  userRepsEvaluation: t.int(),
});

const ReportParticipationInputRef = builder.inputType("ReportParticipationInput", {
  description: "Aggregates only. Absent counts are 0. Notes must not name or identify anyone.",
  fields: (t) => ({
    reporterId: t.id({ required: true, description: "Your organisation, reporting." }),
    offerId: t.id(),
    meetingPointId: t.id(),
    periodStart: t.string({ required: true, description: "YYYY-MM-DD" }),
    periodEnd: t.string({ required: true, description: "YYYY-MM-DD, today at the latest." }),
    ...countInputs(t),
    notes: t.string(),
  }),
});

const CorrectParticipationReportInputRef = builder.inputType("CorrectParticipationReportInput", {
  description: "Restates some figures of a report; the others stay. Pass the version you corrected.",
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    periodStart: t.string(),
    periodEnd: t.string(),
    ...countInputs(t),
    notes: t.string({ description: "null clears the notes." }),
  }),
});

async function assertSubject(
  tx: Tx,
  reporterId: string,
  subject: { offerId?: string | null; meetingPointId?: string | null },
) {
  if (subject.offerId) {
    const offer = await tx.offer.findUnique({
      where: { id: subject.offerId },
      select: { providerId: true, status: true },
    });
    // Someone else's draft is as unknown to the reporter as a missing offer.
    if (!offer || (offer.status === "DRAFT" && offer.providerId !== reporterId))
      throw new NotFoundError("Offer", subject.offerId);
    return;
  }
  if (subject.meetingPointId) {
    const meeting = await tx.meetingPoint.findUnique({
      where: { id: subject.meetingPointId },
      select: {
        organiserId: true,
        participants: { where: { organisationId: reporterId }, select: { organisationId: true } },
      },
    });
    if (!meeting) throw new NotFoundError("MeetingPoint", subject.meetingPointId);
    if (meeting.organiserId !== reporterId && meeting.participants.length === 0)
      throw new ForbiddenError(
        "Only the organiser and the participating organisations report on a meeting point",
      );
  }
}

const figuresOf = (
  r: Record<ParticipantField | UserRepField, number> & { periodStart: Date; periodEnd: Date },
) => {
  const out = { periodStart: isoDay(r.periodStart), periodEnd: isoDay(r.periodEnd) } as ParticipationFigures;
  for (const k of [...participantFields, ...userRepFields]) out[k] = r[k];
  return out;
};

async function reporterOf(ctx: Context, reportId: string): Promise<string> {
  const r = await ctx.db.participationReport.findUnique({
    where: { id: reportId },
    select: { reporterId: true },
  });
  if (!r) throw new NotFoundError("ParticipationReport", reportId);
  return r.reporterId;
}

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
    resolve: async (query, _root, args, ctx) => {
      const input = parseInput(reportParticipationInput, args.input);
      return inTransaction(ctx, async (tx) => {
        await assertSubject(tx, input.reporterId, input);
        const report = await tx.participationReport.create({
          data: {
            ...input,
            offerId: input.offerId ?? null,
            meetingPointId: input.meetingPointId ?? null,
            periodStart: new Date(input.periodStart),
            periodEnd: new Date(input.periodEnd),
            notes: input.notes ?? null,
          },
        });
        await recordChange(tx, ctx, {
          action: "participation.report",
          entityType: "ParticipationReport",
          entityId: report.id,
          organisationId: input.reporterId,
          changes: { created: input },
          event: {
            type: "participation.reported",
            payload: {
              id: report.id,
              version: 1,
              offerId: report.offerId,
              meetingPointId: report.meetingPointId,
            },
          },
        });
        return tx.participationReport.findUniqueOrThrow({ ...query, where: { id: report.id } });
      });
    },
  }),

  correctParticipationReport: t.prismaField({
    type: "ParticipationReport",
    description: "Corrects a report's figures. A stale version answers with a ConflictError.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: CorrectParticipationReportInputRef, required: true }) },
    authScopes: async (_root, args, ctx) => ({
      roleIn: { organisationId: await reporterOf(ctx, String(args.input.id)), roles: reportingRoles },
    }),
    resolve: async (query, _root, args, ctx) => {
      const { id, version, ...changes } = parseInput(correctParticipationReportInput, args.input);
      return inTransaction(ctx, async (tx) => {
        const before = await tx.participationReport.findUniqueOrThrow({ where: { id } });
        const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
        const merged = { ...figuresOf(before), ...given } as ParticipationFigures;
        const issues = participationIssues(merged);
        if (issues.length) throw new DomainValidationError(issues);
        const data: Record<string, unknown> = { ...given };
        if (changes.periodStart) data.periodStart = new Date(changes.periodStart);
        if (changes.periodEnd) data.periodEnd = new Date(changes.periodEnd);
        await updateVersioned(tx.participationReport, "ParticipationReport", id, version, data);
        await recordChange(tx, ctx, {
          action: "participation.correct",
          entityType: "ParticipationReport",
          entityId: id,
          organisationId: before.reporterId,
          changes: diff(before, data),
          event: {
            type: "participation.corrected",
            payload: {
              id,
              version: version + 1,
              offerId: before.offerId,
              meetingPointId: before.meetingPointId,
            },
          },
        });
        return tx.participationReport.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
}));

// ---------------------------------------------------------------- queries

const ParticipationReportFilter = builder.inputType("ParticipationReportFilter", {
  description: "Dates are YYYY-MM-DD; a report matches when its period overlaps from–to.",
  fields: (t) => ({
    reporterId: t.id(),
    offerId: t.id(),
    meetingPointId: t.id(),
    from: t.string(),
    to: t.string(),
  }),
  validate: z
    .object({
      reporterId: z.uuid().nullish(),
      offerId: z.uuid().nullish(),
      meetingPointId: z.uuid().nullish(),
      from: z.iso.date().nullish(),
      to: z.iso.date().nullish(),
    })
    .strict(),
});

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

const ParticipationSummaryRef = builder.objectRef<ParticipationSummary>("ParticipationSummary").implement({
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

async function participationSummary(
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
      "Public participation figures for one offer or all of a provider's offers, over reports lying wholly inside the period. One row per offer with reports; small counts suppressed.",
    authScopes: { public: true },
    args: {
      offerId: t.arg.id(),
      providerId: t.arg.id(),
      period: t.arg({ type: ReportingPeriodInput, required: true }),
    },
    validate: z
      .object({ offerId: z.uuid().nullish(), providerId: z.uuid().nullish() })
      .loose()
      .refine((a) => !a.offerId !== !a.providerId, { message: "Give exactly one of offerId and providerId" }),
    resolve: (_root, args, ctx) =>
      participationSummary(
        ctx,
        args.offerId ? { id: String(args.offerId) } : { providerId: String(args.providerId) },
        args.period,
      ),
  }),
}));
