import type { Agreement, Prisma } from "@samspill/database";
import {
  addFollowUpInput,
  addMeetingDecisionInput,
  assertNoIssues,
  completedAtFor,
  createMeetingPointInput,
  type FieldIssue,
  ForbiddenError,
  fieldIssue,
  followUpStatuses,
  forumIssues,
  meetingKinds,
  meetingPeriodIssues,
  parseInput,
  recordMinutesInput,
  setMeetingParticipantsInput,
  updateFollowUpInput,
  updateMeetingPointInput,
} from "@samspill/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { diff, inTransaction, recordChange, type Tx, updateVersioned } from "../write.js";
import { AgreementRef } from "./agreement.js";
import {
  editableOrganisations,
  editors,
  forumCommunities,
  meetingOrganiser,
  meetingVisibility,
  visiblePartyWhere,
} from "./cooperation-access.js";
import { mutationErrors } from "./errors.js";
import { OrganisationRef } from "./organisation.js";

// Meeting points (møtepunkt): who organises, who takes part, the agenda, minutes, decisions and
// follow-ups. The organiser's admins and editors keep the record; decisions belong to the
// meeting's record (they are not edited on their own), follow-ups are tracked one by one.

export const MeetingKindEnum = builder.enumType("MeetingKind", { values: meetingKinds });
export const FollowUpStatusEnum = builder.enumType("FollowUpStatus", { values: followUpStatuses });

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
      select: (_args, _ctx, nestedSelection) => ({
        participants: {
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
    decisions: t.relation("decisions", { query: { orderBy: [{ decidedAt: "asc" }, { id: "asc" }] } }),
    followUps: t.relation("followUps", {
      args: { status: t.arg({ type: FollowUpStatusEnum, required: false }) },
      query: (args) => ({
        where: args.status ? { status: args.status } : {},
        orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      }),
    }),
    reviews: t.relation("reviews", { query: { orderBy: [{ createdAt: "desc" }, { id: "asc" }] } }),
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
      query: { orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { id: "asc" }] },
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

// ---------------------------------------------------------------- inputs

const meetingFields = (
  t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0],
  required: boolean,
) => ({
  kind: t.field({ type: MeetingKindEnum, required }),
  title: t.string({ required }),
  healthCommunityId: t.id({ description: "The health community whose forum this is (required for forums)." }),
  agreementId: t.id({
    description: "The agreement the meeting is held under; the organiser must be a party.",
  }),
  startsAt: t.field({ type: "DateTime", required }),
  endsAt: t.field({ type: "DateTime", required }),
  location: t.string(),
  onlineUrl: t.string(),
  agenda: t.string(),
});

const CreateMeetingPointInputRef = builder.inputType("CreateMeetingPointInput", {
  fields: (t) => ({
    organiserId: t.id({ required: true }),
    ...meetingFields(t, true),
    participantIds: t.idList({ description: "Participating organisations." }),
  }),
});

const UpdateMeetingPointInputRef = builder.inputType("UpdateMeetingPointInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true, description: "The version you edited; a stale one is refused." }),
    ...meetingFields(t, false),
  }),
});

const SetMeetingParticipantsInputRef = builder.inputType("SetMeetingParticipantsInput", {
  fields: (t) => ({
    meetingPointId: t.id({ required: true }),
    version: t.int({ required: true }),
    organisationIds: t.idList({ required: true }),
  }),
});

const RecordMinutesInputRef = builder.inputType("RecordMinutesInput", {
  fields: (t) => ({
    meetingPointId: t.id({ required: true }),
    version: t.int({ required: true }),
    minutes: t.string({ required: true }),
  }),
});

const AddMeetingDecisionInputRef = builder.inputType("AddMeetingDecisionInput", {
  fields: (t) => ({
    meetingPointId: t.id({ required: true }),
    text: t.string({ required: true }),
    decidedAt: t.field({ type: "DateTime", description: "Default: now." }),
  }),
});

const AddFollowUpInputRef = builder.inputType("AddFollowUpInput", {
  fields: (t) => ({
    meetingPointId: t.id({ required: true }),
    decisionId: t.id({ description: "The decision it follows from, at the same meeting." }),
    text: t.string({ required: true }),
    responsibleOrgId: t.id(),
    dueOn: t.string({ description: "YYYY-MM-DD" }),
    status: t.field({ type: FollowUpStatusEnum, description: "Default: OPEN." }),
  }),
});

const UpdateFollowUpInputRef = builder.inputType("UpdateFollowUpInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    text: t.string(),
    responsibleOrgId: t.id(),
    dueOn: t.string({ description: "YYYY-MM-DD" }),
    status: t.field({ type: FollowUpStatusEnum }),
  }),
});

// ---------------------------------------------------------------- writes

/** Ids among `ids` that name no organisation, as issues at `field.<index>`. */
export async function unknownOrganisationIssues(
  tx: Tx,
  ids: readonly string[],
  field: string,
): Promise<FieldIssue[]> {
  if (ids.length === 0) return [];
  const found = new Set(
    (await tx.organisation.findMany({ where: { id: { in: [...ids] } }, select: { id: true } })).map(
      (o) => o.id,
    ),
  );
  return ids.flatMap((id, i) =>
    found.has(id)
      ? []
      : [
          fieldIssue(
            `${field}.${i}`,
            "unknown_organisation",
            "No such organisation",
            "Organisasjonen finnes ikke",
          ),
        ],
  );
}

/** The links a meeting point makes must hold: a real health community the organiser belongs to, an agreement it is party to. */
async function linkIssues(
  tx: Tx,
  organiserId: string,
  healthCommunityId: string | null | undefined,
  agreementId: string | null | undefined,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (healthCommunityId) {
    const community = await tx.organisation.findUnique({
      where: { id: healthCommunityId },
      select: {
        kind: true,
        communityMembers: { where: { organisationId: organiserId }, select: { organisationId: true } },
      },
    });
    if (community?.kind !== "HEALTH_COMMUNITY")
      issues.push(
        fieldIssue(
          "healthCommunityId",
          "not_a_health_community",
          "Not a health community",
          "Ikke et helsefellesskap",
        ),
      );
    else if (organiserId !== healthCommunityId && community.communityMembers.length === 0)
      issues.push(
        fieldIssue(
          "healthCommunityId",
          "organiser_not_in_community",
          "The organiser is not a member of this health community",
          "Arrangøren er ikke med i dette helsefellesskapet",
        ),
      );
  }
  if (agreementId) {
    const party = await tx.agreementParty.findUnique({
      where: { agreementId_organisationId: { agreementId, organisationId: organiserId } },
    });
    if (!party)
      issues.push(
        fieldIssue(
          "agreementId",
          "organiser_not_a_party",
          "The organiser is not a party to this agreement",
          "Arrangøren er ikke part i denne avtalen",
        ),
      );
  }
  return issues;
}

async function meetingEvent(tx: Tx, id: string) {
  const m = await tx.meetingPoint.findUniqueOrThrow({
    where: { id },
    select: { version: true, startsAt: true },
  });
  return { id, version: m.version, startsAt: m.startsAt.toISOString() };
}

export async function followUpEvent(tx: Tx, id: string) {
  const f = await tx.followUp.findUniqueOrThrow({
    where: { id },
    select: { version: true, meetingPointId: true, status: true, dueOn: true },
  });
  return {
    id,
    version: f.version,
    meetingPointId: f.meetingPointId,
    status: f.status,
    dueOn: f.dueOn?.toISOString().slice(0, 10) ?? null,
  };
}

async function organiserEditor(ctx: Context, meetingPointId: string) {
  const organiserId = await meetingOrganiser(ctx, meetingPointId);
  return organiserId ? { roleIn: { organisationId: organiserId, roles: editors } } : false;
}

/** Who looks after a follow-up: the meeting's organiser and forum, and the responsible organisation (null: no such follow-up). */
async function followUpStewards(ctx: Context, id: string) {
  const f = await ctx.db.followUp.findUnique({
    where: { id },
    select: {
      responsibleOrgId: true,
      meetingPoint: { select: { organiserId: true, healthCommunityId: true } },
    },
  });
  return f;
}

async function unknownOrganisationIssue(
  tx: Tx,
  id: string | null | undefined,
  field: string,
): Promise<FieldIssue[]> {
  if (!id) return [];
  const issues = await unknownOrganisationIssues(tx, [id], field);
  return issues.map((i) => ({ ...i, field }));
}

builder.mutationFields((t) => ({
  createMeetingPoint: t.prismaField({
    type: "MeetingPoint",
    description: "Registers a meeting point for the organiser (its admins and editors).",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: CreateMeetingPointInputRef, required: true }) },
    authScopes: (_root, args) => ({
      roleIn: { organisationId: String(args.input.organiserId), roles: editors },
    }),
    resolve: async (query, _root, args, ctx) => {
      const input = parseInput(createMeetingPointInput, args.input);
      return inTransaction(ctx, async (tx) => {
        assertNoIssues([
          ...(await linkIssues(tx, input.organiserId, input.healthCommunityId, input.agreementId)),
          ...(await unknownOrganisationIssues(tx, input.participantIds, "participantIds")),
        ]);
        const { participantIds, ...fields } = input;
        const meeting = await tx.meetingPoint.create({
          data: {
            ...fields,
            participants: { create: participantIds.map((organisationId) => ({ organisationId })) },
          },
        });
        await recordChange(tx, ctx, {
          action: "meeting_point.create",
          entityType: "MeetingPoint",
          entityId: meeting.id,
          organisationId: meeting.organiserId,
          changes: { created: input },
          event: { type: "meeting_point.created", payload: await meetingEvent(tx, meeting.id) },
        });
        return tx.meetingPoint.findUniqueOrThrow({ ...query, where: { id: meeting.id } });
      });
    },
  }),

  updateMeetingPoint: t.prismaField({
    type: "MeetingPoint",
    description: "Edits a meeting point. A stale version answers ConflictError.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateMeetingPointInputRef, required: true }) },
    authScopes: (_root, args, ctx) => organiserEditor(ctx, String(args.input.id)),
    resolve: async (query, _root, args, ctx) => {
      const { id, version, ...fields } = parseInput(updateMeetingPointInput, args.input);
      return inTransaction(ctx, async (tx) => {
        const before = await tx.meetingPoint.findUniqueOrThrow({ where: { id } });
        const merged = { ...before, ...fields };
        assertNoIssues([
          ...meetingPeriodIssues(merged.startsAt, merged.endsAt),
          ...forumIssues(merged.kind, merged.healthCommunityId),
          ...(await linkIssues(
            tx,
            before.organiserId,
            fields.healthCommunityId !== undefined ? fields.healthCommunityId : null,
            fields.agreementId !== undefined ? fields.agreementId : null,
          )),
        ]);
        await updateVersioned(tx.meetingPoint, "MeetingPoint", id, version, fields);
        await recordChange(tx, ctx, {
          action: "meeting_point.update",
          entityType: "MeetingPoint",
          entityId: id,
          organisationId: before.organiserId,
          changes: diff(before, fields),
          event: { type: "meeting_point.updated", payload: await meetingEvent(tx, id) },
        });
        return tx.meetingPoint.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),

  setMeetingParticipants: t.prismaField({
    type: "MeetingPoint",
    description: "Replaces the participating organisations.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: SetMeetingParticipantsInputRef, required: true }) },
    authScopes: (_root, args, ctx) => organiserEditor(ctx, String(args.input.meetingPointId)),
    resolve: async (query, _root, args, ctx) => {
      const {
        meetingPointId: id,
        version,
        organisationIds,
      } = parseInput(setMeetingParticipantsInput, args.input);
      return inTransaction(ctx, async (tx) => {
        assertNoIssues(await unknownOrganisationIssues(tx, organisationIds, "organisationIds"));
        const before = await tx.meetingPoint.findUniqueOrThrow({
          where: { id },
          select: { organiserId: true, participants: { select: { organisationId: true } } },
        });
        await updateVersioned(tx.meetingPoint, "MeetingPoint", id, version, {});
        await tx.meetingParticipant.deleteMany({ where: { meetingPointId: id } });
        await tx.meetingParticipant.createMany({
          data: organisationIds.map((organisationId) => ({ meetingPointId: id, organisationId })),
        });
        await recordChange(tx, ctx, {
          action: "meeting_point.participants",
          entityType: "MeetingPoint",
          entityId: id,
          organisationId: before.organiserId,
          changes: {
            participants: {
              from: before.participants.map((p) => p.organisationId).sort(),
              to: [...organisationIds].sort(),
            },
          },
          event: { type: "meeting_point.updated", payload: await meetingEvent(tx, id) },
        });
        return tx.meetingPoint.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),

  recordMinutes: t.prismaField({
    type: "MeetingPoint",
    description: "Records (replaces) the meeting's minutes.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: RecordMinutesInputRef, required: true }) },
    authScopes: (_root, args, ctx) => organiserEditor(ctx, String(args.input.meetingPointId)),
    resolve: async (query, _root, args, ctx) => {
      const { meetingPointId: id, version, minutes } = parseInput(recordMinutesInput, args.input);
      return inTransaction(ctx, async (tx) => {
        const before = await tx.meetingPoint.findUniqueOrThrow({
          where: { id },
          select: { organiserId: true, minutes: true },
        });
        await updateVersioned(tx.meetingPoint, "MeetingPoint", id, version, { minutes });
        await recordChange(tx, ctx, {
          action: "meeting_point.minutes",
          entityType: "MeetingPoint",
          entityId: id,
          organisationId: before.organiserId,
          changes: diff(before, { minutes }),
          event: { type: "meeting_point.updated", payload: await meetingEvent(tx, id) },
        });
        return tx.meetingPoint.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),

  addMeetingDecision: t.prismaField({
    type: "MeetingDecision",
    description: "Adds a decision to the meeting's record (the meeting point's version goes up).",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: AddMeetingDecisionInputRef, required: true }) },
    authScopes: (_root, args, ctx) => organiserEditor(ctx, String(args.input.meetingPointId)),
    resolve: async (query, _root, args, ctx) => {
      const input = parseInput(addMeetingDecisionInput, args.input);
      return inTransaction(ctx, async (tx) => {
        const meeting = await tx.meetingPoint.update({
          where: { id: input.meetingPointId },
          data: { version: { increment: 1 } },
          select: { organiserId: true },
        });
        const decision = await tx.meetingDecision.create({
          data: {
            meetingPointId: input.meetingPointId,
            text: input.text,
            ...(input.decidedAt ? { decidedAt: input.decidedAt } : {}),
          },
        });
        await recordChange(tx, ctx, {
          action: "meeting_point.decision",
          entityType: "MeetingPoint",
          entityId: input.meetingPointId,
          organisationId: meeting.organiserId,
          changes: { decisionAdded: { id: decision.id, text: decision.text, decidedAt: decision.decidedAt } },
          event: { type: "meeting_point.updated", payload: await meetingEvent(tx, input.meetingPointId) },
        });
        return tx.meetingDecision.findUniqueOrThrow({ ...query, where: { id: decision.id } });
      });
    },
  }),

  addFollowUp: t.prismaField({
    type: "FollowUp",
    description: "Adds a follow-up (who does what by when) to a meeting point.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: AddFollowUpInputRef, required: true }) },
    authScopes: (_root, args, ctx) => organiserEditor(ctx, String(args.input.meetingPointId)),
    resolve: async (query, _root, args, ctx) => {
      const input = parseInput(addFollowUpInput, args.input);
      return inTransaction(ctx, async (tx) => {
        const meeting = await tx.meetingPoint.findUniqueOrThrow({
          where: { id: input.meetingPointId },
          select: { organiserId: true },
        });
        const issues = await unknownOrganisationIssue(tx, input.responsibleOrgId, "responsibleOrgId");
        if (input.decisionId) {
          const decision = await tx.meetingDecision.findUnique({
            where: { id: input.decisionId },
            select: { meetingPointId: true },
          });
          if (decision?.meetingPointId !== input.meetingPointId)
            issues.push(
              fieldIssue(
                "decisionId",
                "not_this_meeting",
                "The decision is not from this meeting",
                "Vedtaket er ikke fra dette møtet",
              ),
            );
        }
        assertNoIssues(issues);
        const followUp = await tx.followUp.create({
          data: {
            meetingPointId: input.meetingPointId,
            decisionId: input.decisionId ?? null,
            text: input.text,
            responsibleOrgId: input.responsibleOrgId ?? null,
            dueOn: input.dueOn ? new Date(input.dueOn) : null,
            status: input.status,
            completedAt: completedAtFor("OPEN", input.status, null, new Date()),
          },
        });
        await recordChange(tx, ctx, {
          action: "follow_up.create",
          entityType: "FollowUp",
          entityId: followUp.id,
          organisationId: meeting.organiserId,
          changes: { created: input },
          event: { type: "follow_up.changed", payload: await followUpEvent(tx, followUp.id) },
        });
        return tx.followUp.findUniqueOrThrow({ ...query, where: { id: followUp.id } });
      });
    },
  }),

  updateFollowUp: t.prismaField({
    type: "FollowUp",
    description:
      "Updates a follow-up. The responsible organisation's editors may change its status; the organiser's editors and the health community's forum members may change everything.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateFollowUpInputRef, required: true }) },
    authScopes: async (_root, args, ctx) => {
      const f = await followUpStewards(ctx, String(args.input.id));
      if (!f) return false;
      return {
        roleIn: { organisationId: f.meetingPoint.organiserId, roles: editors },
        ...(f.meetingPoint.healthCommunityId ? { forumMemberOf: f.meetingPoint.healthCommunityId } : {}),
        ...(f.responsibleOrgId
          ? { $any: { roleIn: { organisationId: f.responsibleOrgId, roles: editors } } }
          : {}),
      };
    },
    resolve: async (query, _root, args, ctx) => {
      const { id, version, ...fields } = parseInput(updateFollowUpInput, args.input);
      return inTransaction(ctx, async (tx) => {
        const before = await tx.followUp.findUniqueOrThrow({
          where: { id },
          include: { meetingPoint: { select: { organiserId: true, healthCommunityId: true } } },
        });
        const { organiserId, healthCommunityId } = before.meetingPoint;
        const steward =
          editableOrganisations(ctx).includes(organiserId) ||
          (healthCommunityId !== null && forumCommunities(ctx).includes(healthCommunityId));
        const onlyStatus = Object.keys(fields).every((k) => k === "status");
        if (!steward && !onlyStatus)
          throw new ForbiddenError(
            "The responsible organisation may only change the status / Ansvarlig organisasjon kan bare endre status",
          );
        assertNoIssues(await unknownOrganisationIssue(tx, fields.responsibleOrgId, "responsibleOrgId"));
        const data: Record<string, unknown> = {
          ...fields,
          ...(fields.dueOn !== undefined ? { dueOn: fields.dueOn ? new Date(fields.dueOn) : null } : {}),
          ...(fields.status
            ? { completedAt: completedAtFor(before.status, fields.status, before.completedAt, new Date()) }
            : {}),
        };
        await updateVersioned(tx.followUp, "FollowUp", id, version, data);
        await recordChange(tx, ctx, {
          action: "follow_up.update",
          entityType: "FollowUp",
          entityId: id,
          organisationId: before.meetingPoint.organiserId,
          changes: diff(
            { ...before, dueOn: before.dueOn?.toISOString().slice(0, 10) ?? null },
            { ...fields, completedAt: data.completedAt },
          ),
          event: { type: "follow_up.changed", payload: await followUpEvent(tx, id) },
        });
        return tx.followUp.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
}));
