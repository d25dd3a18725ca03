import { recordForumReview } from "@samspill/commands";
import { z } from "zod";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import { pagedList, takePage } from "../list-page.js";
import { visibleOfferWhere } from "./cooperation-access.js";
import { mutationErrors } from "./errors.js";
import { ReviewChangesRef, reviewChanges } from "./forum-review-changes.js";

// A health community's forum reviews the joint overview at one of its meeting points and records
// findings, decisions and follow-ups (packages/commands/src/forum-reviews stores them, all or
// nothing). Only its forum members (or admins) see the reviews and the offers flagged for them.

/** A review records at most 100 decisions: one page holds them all. */
const decisionsPage = pagedList("decisions", { default: 100, max: 100 });

builder.prismaObject("ForumReview", {
  description: "A health-community forum's review of the joint overview, held at a meeting point.",
  fields: (t) => ({
    id: t.exposeID("id"),
    findings: t.exposeString("findings"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    recordedBy: t.string({
      nullable: true,
      description: "Name of the forum member who recorded it.",
      select: { createdBy: { select: { name: true } } },
      resolve: (r) => r.createdBy?.name ?? null,
    }),
    meetingPoint: t.relation("meetingPoint"),
    healthCommunity: t.relation("healthCommunity"),
    changesSinceLastReview: t.field({
      type: ReviewChangesRef,
      nullable: true,
      description:
        "How the overview changed since the community's previous review (both froze a snapshot of it); null for the first.",
      select: { id: true, healthCommunityId: true, createdAt: true, snapshot: true },
      resolve: (review, _args, ctx) => reviewChanges(ctx.db, review),
    }),
    decisions: t.relation("decisions", {
      description: "The review's decisions, in the order given; each with the follow-ups tied to it.",
      args: decisionsPage.args,
      complexity: decisionsPage.complexity,
      query: (args) => ({
        ...takePage(decisionsPage.page(args)),
        orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
      }),
    }),
  }),
});

const ForumReviewFollowUpInputRef = builder.inputType("ForumReviewFollowUpInput", {
  fields: (t) => ({
    text: t.string({ required: true }),
    responsibleOrgId: t.id({ required: true, description: "The health community or one of its members." }),
    dueOn: t.string({ required: true, description: "YYYY-MM-DD" }),
    decisionIndex: t.int({ description: "Index into `decisions`: the decision this follows from." }),
  }),
});

const RecordForumReviewInputRef = builder.inputType("RecordForumReviewInput", {
  fields: (t) => ({
    meetingPointId: t.id({ required: true }),
    healthCommunityId: t.id({ required: true }),
    findings: t.string({ required: true }),
    decisions: t.stringList(),
    followUps: t.field({ type: [ForumReviewFollowUpInputRef] }),
  }),
});

builder.mutationFields((t) => ({
  recordForumReview: t.prismaField({
    type: "ForumReview",
    description:
      "Records a forum review with its decisions and follow-ups, all or nothing. Forum members (or admins) of the health community only.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: RecordForumReviewInputRef, required: true }) },
    authScopes: (_root, args) => ({ forumMemberOf: String(args.input.healthCommunityId) }),
    resolve: async (query, _root, args, ctx) =>
      ctx.db.forumReview.findUniqueOrThrow({
        ...query,
        where: await recordForumReview(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),
}));

builder.queryFields((t) => ({
  forumReviews: t.prismaConnection(
    {
      type: "ForumReview",
      cursor: "id",
      description: "The health community's forum reviews, newest first (its forum members only).",
      authScopes: (_root, args) => ({ forumMemberOf: String(args.healthCommunityId) }),
      args: { healthCommunityId: t.arg.id({ required: true, validate: z.uuid() }) },
      resolve: (query, _root, args, ctx) =>
        ctx.db.forumReview.findMany({
          ...query,
          where: { healthCommunityId: String(args.healthCommunityId) },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        }),
    },
    { name: "ForumReviewConnection" },
  ),

  flaggedOffers: t.prismaConnection(
    {
      type: "Offer",
      cursor: "id",
      description:
        "Task division: offers of the health community's member municipalities that are marked diagnosis-specific, for the forum to review.",
      authScopes: (_root, args) => ({ forumMemberOf: String(args.healthCommunityId) }),
      args: { healthCommunityId: t.arg.id({ required: true, validate: z.uuid() }) },
      totalCount: (_parent, args, ctx) =>
        ctx.db.offer.count({ where: flaggedWhere(String(args.healthCommunityId), ctx) }),
      resolve: (query, _root, args, ctx) =>
        ctx.db.offer.findMany({
          ...query,
          where: flaggedWhere(String(args.healthCommunityId), ctx),
          orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
        }),
    },
    { name: "FlaggedOfferConnection" },
  ),
}));

function flaggedWhere(healthCommunityId: string, ctx: Parameters<typeof visibleOfferWhere>[0]) {
  return {
    AND: [
      { flaggedForReview: true },
      { provider: { kind: "MUNICIPALITY" as const, communityMemberships: { some: { healthCommunityId } } } },
      visibleOfferWhere(ctx),
    ],
  };
}
