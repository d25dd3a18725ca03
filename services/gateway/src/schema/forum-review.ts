import {
  assertNoIssues,
  type FieldIssue,
  fieldIssue,
  parseInput,
  type RecordForumReviewInput,
  recordForumReviewInput,
} from "@samspill/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import { inTransaction, recordChange, type Tx } from "../write.js";
import { visibleOfferWhere } from "./cooperation-access.js";
import { mutationErrors } from "./errors.js";
import { followUpEvent } from "./meeting-point.js";

// A health community's forum reviews the joint overview at one of its meeting points and records
// findings, decisions and follow-ups. Only its forum members (or admins) act for it, and the
// whole review is stored in one transaction: an invalid follow-up leaves nothing behind.

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
    decisions: t.relation("decisions", {
      description: "The review's decisions, in the order given; each with the follow-ups tied to it.",
      query: { orderBy: [{ decidedAt: "asc" }, { id: "asc" }] },
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

/** The meeting must be this community's, and each follow-up go to the community or a member. */
async function reviewIssues(tx: Tx, input: RecordForumReviewInput): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const meeting = await tx.meetingPoint.findUnique({
    where: { id: input.meetingPointId },
    select: { healthCommunityId: true },
  });
  if (!meeting)
    issues.push(
      fieldIssue(
        "meetingPointId",
        "unknown_meeting_point",
        "No such meeting point",
        "Møtepunktet finnes ikke",
      ),
    );
  else if (meeting.healthCommunityId !== input.healthCommunityId)
    issues.push(
      fieldIssue(
        "meetingPointId",
        "other_health_community",
        "The meeting point does not belong to this health community",
        "Møtepunktet hører ikke til dette helsefellesskapet",
      ),
    );
  const members = new Set(
    (
      await tx.healthCommunityMember.findMany({
        where: {
          healthCommunityId: input.healthCommunityId,
          organisationId: { in: input.followUps.map((f) => f.responsibleOrgId) },
        },
        select: { organisationId: true },
      })
    ).map((m) => m.organisationId),
  );
  members.add(input.healthCommunityId);
  input.followUps.forEach((f, i) => {
    if (!members.has(f.responsibleOrgId))
      issues.push(
        fieldIssue(
          `followUps.${i}.responsibleOrgId`,
          "not_in_health_community",
          "The responsible organisation is not part of this health community",
          "Ansvarlig organisasjon er ikke med i dette helsefellesskapet",
        ),
      );
  });
  return issues;
}

builder.mutationFields((t) => ({
  recordForumReview: t.prismaField({
    type: "ForumReview",
    description:
      "Records a forum review with its decisions and follow-ups, all or nothing. Forum members (or admins) of the health community only.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: RecordForumReviewInputRef, required: true }) },
    authScopes: (_root, args) => ({ forumMemberOf: String(args.input.healthCommunityId) }),
    resolve: async (query, _root, args, ctx) => {
      const input = parseInput(recordForumReviewInput, args.input);
      return inTransaction(ctx, async (tx) => {
        assertNoIssues(await reviewIssues(tx, input));
        const review = await tx.forumReview.create({
          data: {
            meetingPointId: input.meetingPointId,
            healthCommunityId: input.healthCommunityId,
            findings: input.findings,
            createdById: ctx.viewer?.personId ?? null,
          },
        });
        // One by one, so the decisions keep the order the forum gave them.
        const decisions = [];
        for (const text of input.decisions) {
          decisions.push(
            await tx.meetingDecision.create({
              data: { meetingPointId: input.meetingPointId, reviewId: review.id, text },
              select: { id: true, text: true },
            }),
          );
        }
        const followUps = [];
        for (const f of input.followUps) {
          followUps.push(
            await tx.followUp.create({
              data: {
                meetingPointId: input.meetingPointId,
                decisionId: f.decisionIndex != null ? (decisions[f.decisionIndex]?.id ?? null) : null,
                text: f.text,
                responsibleOrgId: f.responsibleOrgId,
                dueOn: new Date(f.dueOn),
              },
            }),
          );
        }
        await recordChange(tx, ctx, {
          action: "forum_review.record",
          entityType: "ForumReview",
          entityId: review.id,
          organisationId: input.healthCommunityId,
          changes: {
            meetingPointId: input.meetingPointId,
            findings: input.findings,
            decisions,
            followUpIds: followUps.map((f) => f.id),
          },
          event: {
            type: "forum_review.recorded",
            payload: {
              id: review.id,
              meetingPointId: input.meetingPointId,
              healthCommunityId: input.healthCommunityId,
            },
          },
        });
        for (const f of followUps) {
          await recordChange(tx, ctx, {
            action: "follow_up.create",
            entityType: "FollowUp",
            entityId: f.id,
            organisationId: input.healthCommunityId,
            changes: {
              created: {
                text: f.text,
                responsibleOrgId: f.responsibleOrgId,
                dueOn: f.dueOn,
                decisionId: f.decisionId,
              },
              reviewId: review.id,
            },
            event: { type: "follow_up.changed", payload: await followUpEvent(tx, f.id) },
          });
        }
        return tx.forumReview.findUniqueOrThrow({ ...query, where: { id: review.id } });
      });
    },
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
