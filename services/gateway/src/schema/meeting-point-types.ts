import type { Agreement } from "@samspill/database";
import { followUpStatuses, meetingKinds } from "@samspill/domain";
import { builder } from "../builder.js";
import { pagedList, takePage } from "../list-page.js";
import { AgreementRef } from "./agreement.js";
import { visiblePartyWhere } from "./cooperation-access.js";
import { OrganisationRef } from "./organisation.js";

// Meeting points (møtepunkt) as clients see them: who organises, who takes part, the agenda,
// minutes, decisions and follow-ups. Decisions belong to the meeting's record (they are not
// edited on their own); follow-ups are tracked one by one.

export const MeetingKindEnum = builder.enumType("MeetingKind", { values: meetingKinds });
export const FollowUpStatusEnum = builder.enumType("FollowUpStatus", { values: followUpStatuses });

// Pages of a meeting's lists. One record or review adds at most 100 decisions and 200 follow-ups,
// and an import names at most 500 participants: the default page holds a meeting's usual lists.
const pages = {
  participants: pagedList("participants", { default: 500, max: 500 }),
  decisions: pagedList("decisions", { default: 100, max: 200 }),
  followUps: pagedList("followUps", { default: 200, max: 500 }),
  reviews: pagedList("reviews", { default: 20, max: 100 }),
  decisionFollowUps: pagedList("followUps", { default: 50, max: 200 }),
};

export const MeetingPointRef = builder.prismaObject("MeetingPoint", {
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.expose("kind", { type: MeetingKindEnum }),
    title: t.exposeString("title"),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime" }),
    location: t.exposeString("location", { nullable: true }),
    onlineUrl: t.exposeString("onlineUrl", { nullable: true }),
    agenda: t.exposeString("agenda"),
    minutes: t.exposeString("minutes"),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    organiser: t.relation("organiser"),
    healthCommunity: t.relation("healthCommunity", { nullable: true }),
    participants: t.field({
      type: [OrganisationRef],
      description: "Participating organisations, by name.",
      args: pages.participants.args,
      complexity: pages.participants.complexity,
      select: (args, _ctx, nestedSelection) => ({
        participants: {
          ...takePage(pages.participants.page(args)),
          orderBy: { organisation: { name: "asc" } },
          select: { organisation: nestedSelection(true) },
        },
      }),
      resolve: (m) => m.participants.map((p) => p.organisation),
    }),
    agreement: t.field({
      type: AgreementRef,
      nullable: true,
      description: "The agreement the meeting is held under, when you may see it.",
      select: (_args, ctx, nestedSelection) => ({
        agreement: nestedSelection({
          select: { _count: { select: { parties: { where: visiblePartyWhere(ctx) } } } },
        }),
      }),
      // The planned selection of the agreement's fields is merged into this one at run time;
      // the count of parties the caller may see decides whether it is shown.
      resolve: (m) =>
        m.agreement && m.agreement._count.parties > 0 ? (m.agreement as unknown as Agreement) : null,
    }),
    decisions: t.relation("decisions", {
      args: pages.decisions.args,
      complexity: pages.decisions.complexity,
      query: (args) => ({
        ...takePage(pages.decisions.page(args)),
        orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
      }),
    }),
    followUps: t.relation("followUps", {
      args: { ...pages.followUps.args, status: t.arg({ type: FollowUpStatusEnum, required: false }) },
      complexity: pages.followUps.complexity,
      query: (args) => ({
        ...takePage(pages.followUps.page(args)),
        where: args.status ? { status: args.status } : {},
        orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      }),
    }),
    reviews: t.relation("reviews", {
      args: pages.reviews.args,
      complexity: pages.reviews.complexity,
      query: (args) => ({
        ...takePage(pages.reviews.page(args)),
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      }),
    }),
  }),
});

builder.prismaObject("MeetingDecision", {
  fields: (t) => ({
    id: t.exposeID("id"),
    text: t.exposeString("text"),
    decidedAt: t.expose("decidedAt", { type: "DateTime" }),
    meetingPoint: t.relation("meetingPoint"),
    review: t.relation("review", { nullable: true }),
    followUps: t.relation("followUps", {
      args: pages.decisionFollowUps.args,
      complexity: pages.decisionFollowUps.complexity,
      query: (args) => ({
        ...takePage(pages.decisionFollowUps.page(args)),
        orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      }),
    }),
  }),
});

builder.prismaObject("FollowUp", {
  fields: (t) => ({
    id: t.exposeID("id"),
    text: t.exposeString("text"),
    status: t.expose("status", { type: FollowUpStatusEnum }),
    dueOn: t.expose("dueOn", { type: "Date", nullable: true }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    responsibleOrganisation: t.relation("responsibleOrg", { nullable: true }),
    decision: t.relation("decision", { nullable: true }),
    meetingPoint: t.relation("meetingPoint"),
  }),
});
