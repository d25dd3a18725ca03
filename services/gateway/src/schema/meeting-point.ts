import {
  addFollowUp,
  addMeetingDecision,
  createMeetingPoint,
  editorRoles,
  recordMinutes,
  setMeetingParticipants,
  updateFollowUp,
  updateMeetingPoint,
} from "@samspill/commands";
import type { Prisma } from "@samspill/database";
import type { meetingKinds } from "@samspill/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import { meetingVisibility } from "./cooperation-access.js";
import { mutationErrors } from "./errors.js";
import {
  AddFollowUpInputRef,
  AddMeetingDecisionInputRef,
  CreateMeetingPointInputRef,
  RecordMinutesInputRef,
  SetMeetingParticipantsInputRef,
  UpdateFollowUpInputRef,
  UpdateMeetingPointInputRef,
} from "./meeting-point-inputs.js";
import { MeetingKindEnum } from "./meeting-point-types.js";

// Meeting points: the reads, and the mutations that hand their input to the meeting commands
// (packages/commands/src/meetings). Those load the meeting once and decide who may act: the
// organiser's admins and editors keep the record, and a follow-up's stewards look after it.

// ---------------------------------------------------------------- queries

const MeetingPointFilterInput = builder.inputType("MeetingPointFilter", {
  fields: (t) => ({
    organisationId: t.id({ description: "Meetings the organisation organises or takes part in." }),
    healthCommunityId: t.id(),
    from: t.field({ type: "DateTime", description: "Meetings ending at or after this time." }),
    to: t.field({ type: "DateTime", description: "Meetings starting at or before this time." }),
    kind: t.field({ type: MeetingKindEnum }),
  }),
  validate: z.object({ organisationId: z.uuid().nullish(), healthCommunityId: z.uuid().nullish() }).loose(),
});

type MeetingPointFilter = {
  organisationId?: string | number | null;
  healthCommunityId?: string | number | null;
  from?: Date | null;
  to?: Date | null;
  kind?: (typeof meetingKinds)[number] | null;
};

function filterWhere(filter: MeetingPointFilter | null | undefined): Prisma.MeetingPointWhereInput[] {
  if (!filter) return [];
  const where: Prisma.MeetingPointWhereInput[] = [];
  if (filter.organisationId) {
    const id = String(filter.organisationId);
    where.push({ OR: [{ organiserId: id }, { participants: { some: { organisationId: id } } }] });
  }
  if (filter.healthCommunityId) where.push({ healthCommunityId: String(filter.healthCommunityId) });
  if (filter.from) where.push({ endsAt: { gte: filter.from } });
  if (filter.to) where.push({ startsAt: { lte: filter.to } });
  if (filter.kind) where.push({ kind: filter.kind });
  return where;
}

builder.queryFields((t) => ({
  meetingPoints: t.prismaConnection(
    {
      type: "MeetingPoint",
      cursor: "id",
      description: "Meeting points you can see, in date order.",
      authScopes: { signedIn: true },
      args: { filter: t.arg({ type: MeetingPointFilterInput, required: false }) },
      totalCount: (_parent, args, ctx) =>
        ctx.db.meetingPoint.count({ where: { AND: [meetingVisibility(ctx), ...filterWhere(args.filter)] } }),
      resolve: (query, _root, args, ctx) =>
        ctx.db.meetingPoint.findMany({
          ...query,
          where: { AND: [meetingVisibility(ctx), ...filterWhere(args.filter)] },
          orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        }),
    },
    { name: "MeetingPointConnection" },
  ),
  meetingPoint: t.prismaField({
    type: "MeetingPoint",
    nullable: true,
    description: "One meeting point, or null when it does not exist or you may not see it.",
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.meetingPoint.findFirst({
        ...query,
        where: { AND: [{ id: String(args.id) }, meetingVisibility(ctx)] },
      }),
  }),
}));

// ---------------------------------------------------------------- mutations

// Each answers the written row in the shape the client asked for, read after the command's
// transaction has committed.
builder.mutationFields((t) => ({
  createMeetingPoint: t.prismaField({
    type: "MeetingPoint",
    description: "Registers a meeting point for the organiser (its admins and editors).",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: CreateMeetingPointInputRef, required: true }) },
    authScopes: (_root, args) => ({
      roleIn: { organisationId: String(args.input.organiserId), roles: editorRoles },
    }),
    resolve: async (query, _root, args, ctx) =>
      ctx.db.meetingPoint.findUniqueOrThrow({
        ...query,
        where: await createMeetingPoint(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),

  updateMeetingPoint: t.prismaField({
    type: "MeetingPoint",
    description: "Edits a meeting point. A stale version answers ConflictError.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateMeetingPointInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.meetingPoint.findUniqueOrThrow({
        ...query,
        where: await updateMeetingPoint(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),

  setMeetingParticipants: t.prismaField({
    type: "MeetingPoint",
    description: "Replaces the participating organisations.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: SetMeetingParticipantsInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.meetingPoint.findUniqueOrThrow({
        ...query,
        where: await setMeetingParticipants(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),

  recordMinutes: t.prismaField({
    type: "MeetingPoint",
    description: "Records (replaces) the meeting's minutes.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: RecordMinutesInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.meetingPoint.findUniqueOrThrow({
        ...query,
        where: await recordMinutes(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),

  addMeetingDecision: t.prismaField({
    type: "MeetingDecision",
    description: "Adds a decision to the meeting's record (the meeting point's version goes up).",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: AddMeetingDecisionInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.meetingDecision.findUniqueOrThrow({
        ...query,
        where: await addMeetingDecision(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),

  addFollowUp: t.prismaField({
    type: "FollowUp",
    description: "Adds a follow-up (who does what by when) to a meeting point.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: AddFollowUpInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.followUp.findUniqueOrThrow({
        ...query,
        where: await addFollowUp(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),

  updateFollowUp: t.prismaField({
    type: "FollowUp",
    description:
      "Updates a follow-up. The responsible organisation's editors may change its status; the organiser's editors and the health community's forum members may change everything.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateFollowUpInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.followUp.findUniqueOrThrow({
        ...query,
        where: await updateFollowUp(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),
}));
