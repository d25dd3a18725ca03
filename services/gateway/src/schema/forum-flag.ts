import { dismissForumFlag, raiseForumFlag, resolveForumFlags } from "@samspill/commands";
import type { Prisma } from "@samspill/database";
import { forumFlagKinds, forumFlagStates } from "@samspill/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import type { Context } from "../context.js";
import { pagedList, takePage } from "../list-page.js";
import { forumCommunities, memberOrganisations } from "./cooperation-access.js";
import { mutationErrors } from "./errors.js";
import { DiagnosisGroupEnum, OfferFormatEnum, PriorityGroupEnum } from "./offer-enums.js";

// Forum flags (packages/commands/src/forum-flags): raised by a health community's forum members
// to an organisation that answers by a due date, resolved by a decision of a forum meeting.
// The community's forum members see its flags; the owner's members see the flags they answer for.

const ForumFlagKindEnum = builder.enumType("ForumFlagKind", { values: forumFlagKinds });
const ForumFlagStateEnum = builder.enumType("ForumFlagState", { values: forumFlagStates });

/** One decision resolves at most 50 flags (resolveForumFlagsInput): one page holds them all. */
const resolvesPage = pagedList("resolvesFlags", { default: 50, max: 50 });

function flagVisibility(ctx: Context): Prisma.ForumFlagWhereInput {
  return {
    OR: [{ healthCommunityId: { in: forumCommunities(ctx) } }, { ownerId: { in: memberOrganisations(ctx) } }],
  };
}

interface GapCellShape {
  municipalityNumber: string | null;
  municipalityName: string | null;
  hospitalTrustId: string | null;
  hospitalTrustName: string | null;
  priorityGroup: string | null;
  diagnosisGroup: string | null;
  format: string | null;
  language: string | null;
  audience: string | null;
}

const GapCellRef = builder.objectRef<GapCellShape>("ForumFlagGap").implement({
  description: "The cell of the crossed overview a gap flag is about.",
  fields: (t) => ({
    municipalityNumber: t.exposeString("municipalityNumber", { nullable: true }),
    municipalityName: t.exposeString("municipalityName", { nullable: true }),
    hospitalTrustId: t.exposeID("hospitalTrustId", { nullable: true }),
    hospitalTrustName: t.exposeString("hospitalTrustName", { nullable: true }),
    priorityGroup: t.field({
      type: PriorityGroupEnum,
      nullable: true,
      resolve: (g) => g.priorityGroup as never,
    }),
    diagnosisGroup: t.field({
      type: DiagnosisGroupEnum,
      nullable: true,
      resolve: (g) => g.diagnosisGroup as never,
    }),
    format: t.field({ type: OfferFormatEnum, nullable: true, resolve: (g) => g.format as never }),
    language: t.exposeString("language", { nullable: true, description: "ISO 639 code." }),
    audience: t.exposeString("audience", { nullable: true, description: "PATIENT, RELATIVE or BOTH." }),
  }),
});

builder.prismaObject("ForumFlag", {
  description: "A forum's flag: its owner answers for an offer, a gap or an agreement by the due date.",
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.expose("kind", { type: ForumFlagKindEnum }),
    state: t.expose("state", { type: ForumFlagStateEnum }),
    note: t.exposeString("note"),
    dueOn: t.expose("dueOn", { type: "Date" }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    dismissReason: t.exposeString("dismissReason", { nullable: true }),
    healthCommunity: t.relation("healthCommunity"),
    owner: t.relation("owner"),
    offer: t.relation("offer", { nullable: true }),
    agreement: t.relation("agreement", { nullable: true }),
    resolvedBy: t.relation("resolvedByDecision", {
      nullable: true,
      description: "The meeting decision that resolved the flag.",
    }),
    raisedBy: t.string({
      nullable: true,
      description: "Name of the forum member who raised it.",
      select: { raisedBy: { select: { name: true } } },
      resolve: (f) => f.raisedBy?.name ?? null,
    }),
    gap: t.field({
      type: GapCellRef,
      nullable: true,
      select: {
        gapMunicipalityNumber: true,
        gapHospitalTrustId: true,
        gapPriorityGroup: true,
        gapDiagnosisGroup: true,
        gapFormat: true,
        gapLanguage: true,
        gapAudience: true,
        gapMunicipality: { select: { name: true } },
        gapHospitalTrust: { select: { name: true } },
      },
      resolve: (f) =>
        f.gapMunicipalityNumber || f.gapHospitalTrustId
          ? {
              municipalityNumber: f.gapMunicipalityNumber,
              municipalityName: f.gapMunicipality?.name ?? null,
              hospitalTrustId: f.gapHospitalTrustId,
              hospitalTrustName: f.gapHospitalTrust?.name ?? null,
              priorityGroup: f.gapPriorityGroup,
              diagnosisGroup: f.gapDiagnosisGroup,
              format: f.gapFormat,
              language: f.gapLanguage,
              audience: f.gapAudience,
            }
          : null,
    }),
  }),
});

builder.prismaObjectField("MeetingDecision", "resolvesFlags", (t) =>
  t.relation("resolvesFlags", {
    description: "The forum flags this decision resolved.",
    args: resolvesPage.args,
    complexity: resolvesPage.complexity,
    query: (args) => ({ ...takePage(resolvesPage.page(args)), orderBy: [{ dueOn: "asc" }, { id: "asc" }] }),
  }),
);

const GapCellInput = builder.inputType("ForumFlagGapInput", {
  fields: (t) => ({
    municipalityNumber: t.string(),
    hospitalTrustId: t.id(),
    priorityGroup: t.field({ type: PriorityGroupEnum }),
    diagnosisGroup: t.field({ type: DiagnosisGroupEnum }),
    format: t.field({ type: OfferFormatEnum }),
    language: t.string({ description: "ISO 639 code, e.g. sma." }),
    audience: t.string({ description: "PATIENT, RELATIVE or BOTH." }),
  }),
});

const RaiseForumFlagInput = builder.inputType("RaiseForumFlagInput", {
  fields: (t) => ({
    healthCommunityId: t.id({ required: true }),
    kind: t.field({ type: ForumFlagKindEnum, required: true }),
    offerId: t.id(),
    agreementId: t.id(),
    gap: t.field({ type: GapCellInput }),
    ownerId: t.id({ required: true, description: "The health community or one of its members." }),
    dueOn: t.string({ required: true, description: "YYYY-MM-DD" }),
    note: t.string({ required: true }),
  }),
});

const ResolveForumFlagsInput = builder.inputType("ResolveForumFlagsInput", {
  fields: (t) => ({
    meetingPointId: t.id({ required: true, description: "A forum meeting of the flags' health community." }),
    flagIds: t.idList({ required: true }),
    decision: t.string({ required: true }),
    decidedAt: t.field({ type: "DateTime" }),
  }),
});

const DismissForumFlagInput = builder.inputType("DismissForumFlagInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    reason: t.string({ required: true }),
  }),
});

builder.mutationFields((t) => ({
  raiseForumFlag: t.prismaField({
    type: "ForumFlag",
    description: "Raises a forum flag; forum members (or admins) of the health community only.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: RaiseForumFlagInput, required: true }) },
    authScopes: (_root, args) => ({ forumMemberOf: String(args.input.healthCommunityId) }),
    resolve: async (query, _root, args, ctx) =>
      ctx.db.forumFlag.findUniqueOrThrow({
        ...query,
        where: await raiseForumFlag(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),
  resolveForumFlags: t.prismaField({
    type: "MeetingDecision",
    description: "Records a decision in a forum meeting that resolves open flags of its health community.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: ResolveForumFlagsInput, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.meetingDecision.findUniqueOrThrow({
        ...query,
        where: await resolveForumFlags(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),
  dismissForumFlag: t.prismaField({
    type: "ForumFlag",
    description: "Closes an open flag without a decision, with the forum's reason.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: DismissForumFlagInput, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.forumFlag.findUniqueOrThrow({
        ...query,
        where: await dismissForumFlag(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),
}));

builder.queryFields((t) => ({
  forumFlags: t.prismaConnection(
    {
      type: "ForumFlag",
      cursor: "id",
      description: "The health community's flags, soonest due first (its forum members only).",
      authScopes: (_root, args) => ({ forumMemberOf: String(args.healthCommunityId) }),
      args: {
        healthCommunityId: t.arg.id({ required: true, validate: z.uuid() }),
        state: t.arg({ type: ForumFlagStateEnum, required: false }),
      },
      totalCount: (_parent, args, ctx) => ctx.db.forumFlag.count({ where: flagsWhere(args) }),
      resolve: (query, _root, args, ctx) =>
        ctx.db.forumFlag.findMany({
          ...query,
          where: flagsWhere(args),
          orderBy: [{ dueOn: "asc" }, { id: "asc" }],
        }),
    },
    { name: "ForumFlagConnection" },
  ),
  forumFlag: t.prismaField({
    type: "ForumFlag",
    nullable: true,
    description: "One flag, or null when it does not exist or you may not see it.",
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.forumFlag.findFirst({
        ...query,
        where: { AND: [{ id: String(args.id) }, flagVisibility(ctx)] },
      }),
  }),
}));

function flagsWhere(args: {
  healthCommunityId: string | number;
  state?: string | null;
}): Prisma.ForumFlagWhereInput {
  return {
    healthCommunityId: String(args.healthCommunityId),
    ...(args.state ? { state: args.state as (typeof forumFlagStates)[number] } : {}),
  };
}
