import { queryFromInfo } from "@pothos/plugin-prisma";
import { resolveOffsetConnection } from "@pothos/plugin-relay";
import type { Prisma } from "@samspill/database";
import {
  addMeasureProgressNoteInput,
  cadences,
  checkpointAfter,
  DomainValidationError,
  fieldIssue,
  measureStatuses,
  NotFoundError,
  parseInput,
  updateMeasureStatusInput,
} from "@samspill/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { inTransaction, recordChange, type Tx, updateVersioned } from "../write.js";
import { mutationErrors } from "./errors.js";

// Action plans (handlingsplaner) are public documents: anyone reads plans, sections, measures and
// their progress. The plan owner's ADMINs and EDITORs follow measures up (status, progress notes).

export const MeasureStatusEnum = builder.enumType("MeasureStatus", { values: measureStatuses });
export const CadenceEnum = builder.enumType("Cadence", { values: cadences });

const startOfToday = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
};

builder.prismaObject("ActionPlan", {
  fields: (t) => ({
    id: t.exposeID("id"),
    key: t.exposeString("key"),
    title: t.exposeString("title"),
    owner: t.relation("owner"),
    periodStart: t.exposeInt("periodStart"),
    periodEnd: t.exposeInt("periodEnd"),
    revisedOn: t.expose("revisedOn", { type: "Date", nullable: true }),
    sections: t.relation("sections", { query: { orderBy: { number: "asc" } } }),
    measures: t.relation("measures", {
      description: "The plan's measures in document order; removed ones only when asked for.",
      args: {
        section: t.arg.string(),
        includeRemoved: t.arg.boolean({ defaultValue: false }),
      },
      query: (args) => ({
        where: {
          ...(args.section ? { section: args.section } : {}),
          ...(args.includeRemoved ? {} : { removed: false }),
        },
        orderBy: [{ section: "asc" }, { ordinal: "asc" }],
      }),
    }),
  }),
});

builder.prismaObject("ActionPlanSection", {
  fields: (t) => ({
    number: t.exposeString("number", { description: "Section number in the plan, e.g. 2.1.2." }),
    title: t.exposeString("title"),
    plan: t.relation("plan"),
  }),
});

export const MeasureRef = builder.prismaObject("Measure", {
  description:
    "A measure (tiltak) of an action plan, with who is responsible, when it is checked and how far it has come.",
  fields: (t) => ({
    id: t.exposeID("id"),
    key: t.exposeString("key"),
    section: t.exposeString("section"),
    ordinal: t.exposeInt("ordinal"),
    text: t.exposeString("text"),
    responsibleRaw: t.exposeString("responsibleRaw", {
      description: "Responsible party as the plan writes it.",
    }),
    responsibleParties: t.exposeStringList("responsibleParties"),
    startRaw: t.exposeString("startRaw", { nullable: true }),
    startYear: t.exposeInt("startYear", { nullable: true }),
    checkpointRaw: t.exposeString("checkpointRaw", { nullable: true, description: 'e.g. "Årlig desember".' }),
    checkpointYear: t.exposeInt("checkpointYear", { nullable: true }),
    cadence: t.expose("cadence", { type: CadenceEnum, nullable: true }),
    cadenceYears: t.exposeInt("cadenceYears", { nullable: true }),
    cadenceMonth: t.exposeInt("cadenceMonth", { nullable: true }),
    status: t.expose("status", { type: MeasureStatusEnum }),
    removed: t.exposeBoolean("removed", {
      description: "Removed in a revision: history, not a current measure.",
    }),
    note: t.exposeString("note", { nullable: true }),
    nextCheckpointOn: t.expose("nextCheckpointOn", { type: "Date", nullable: true }),
    overdue: t.boolean({
      description: "The checkpoint has passed and the measure is not done.",
      select: { nextCheckpointOn: true, status: true },
      resolve: (m) =>
        m.nextCheckpointOn !== null && m.nextCheckpointOn < startOfToday() && m.status !== "DONE",
    }),
    version: t.exposeInt("version"),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    plan: t.relation("plan"),
    progressNotes: t.relation("progressNotes", {
      query: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
    }),
  }),
});

builder.prismaObject("MeasureProgressNote", {
  fields: (t) => ({
    id: t.exposeID("id"),
    text: t.exposeString("text"),
    statusAfter: t.expose("statusAfter", {
      type: MeasureStatusEnum,
      nullable: true,
      description: "The status the note went with, when it was written with a status change.",
    }),
    authorName: t.string({
      nullable: true,
      description:
        "Who wrote it; for signed-in callers (the plan is public, its editors' names need not be).",
      authScopes: { signedIn: true },
      unauthorizedResolver: () => null,
      select: { author: { select: { name: true } } },
      resolve: (n) => n.author?.name ?? null,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    measure: t.relation("measure"),
  }),
});

// ---------------------------------------------------------------- queries

const MeasureFilterInput = builder.inputType("MeasureFilter", {
  fields: (t) => ({
    planKey: t.string(),
    section: t.string({ description: "Section number, e.g. 2.1.2; 2.1 also matches its subsections." }),
    status: t.field({ type: [MeasureStatusEnum] }),
    dueBefore: t.string({ description: "YYYY-MM-DD: measures whose next checkpoint is before this date." }),
    includeRemoved: t.boolean({ defaultValue: false }),
  }),
  validate: z
    .object({
      planKey: z.string().max(100).nullish(),
      section: z
        .string()
        .regex(/^\d+(\.\d+)*\.?$/)
        .nullish(),
      dueBefore: z.iso.date().nullish(),
    })
    .loose(),
});

/** "2.1." and "2.1" name the same section; either matches it and its subsections. */
const sectionNumber = (s: string) => s.replace(/\.$/, "");

builder.queryFields((t) => ({
  actionPlans: t.prismaField({
    type: ["ActionPlan"],
    description: "All action plans, newest period first.",
    authScopes: { public: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.db.actionPlan.findMany({ ...query, orderBy: [{ periodStart: "desc" }, { key: "asc" }] }),
  }),
  actionPlan: t.prismaField({
    type: "ActionPlan",
    nullable: true,
    authScopes: { public: true },
    args: { key: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.actionPlan.findUnique({ ...query, where: { key: args.key } }),
  }),
  measures: t.connection(
    {
      type: MeasureRef,
      description:
        "Measures across plans, what is due soonest first (then by section); measures without a checkpoint last. Removed measures only when asked for.",
      authScopes: { public: true },
      args: { filter: t.arg({ type: MeasureFilterInput, required: false }) },
      resolve: (_root, args, ctx, info) => {
        const f = args.filter ?? {};
        const where: Prisma.MeasureWhereInput = {
          ...(f.planKey ? { plan: { key: f.planKey } } : {}),
          ...(f.section
            ? {
                OR: [
                  { section: sectionNumber(f.section) },
                  { section: { startsWith: `${sectionNumber(f.section)}.` } },
                ],
              }
            : {}),
          ...(f.status?.length ? { status: { in: f.status } } : {}),
          ...(f.dueBefore ? { nextCheckpointOn: { lt: new Date(f.dueBefore) } } : {}),
          ...(f.includeRemoved ? {} : { removed: false }),
        };
        // Offset cursors: Prisma's row cursors are unreliable when ordering by a nullable column.
        return resolveOffsetConnection({ args, defaultSize: 50, maxSize: 200 }, ({ limit, offset }) => {
          const query = queryFromInfo({ context: ctx, info, typeName: "Measure", path: ["edges", "node"] });
          return ctx.db.measure.findMany({
            ...query,
            where,
            orderBy: [
              { nextCheckpointOn: { sort: "asc", nulls: "last" } },
              { section: "asc" },
              { ordinal: "asc" },
              { id: "asc" },
            ],
            take: limit,
            skip: offset,
          } as Prisma.MeasureFindManyArgs);
        });
      },
    },
    { name: "MeasureConnection" },
  ),
}));

// ---------------------------------------------------------------- mutations

const editors = ["ADMIN", "EDITOR"] as const;

const UpdateMeasureStatusInputRef = builder.inputType("UpdateMeasureStatusInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true, description: "The version you saw; a stale one is refused." }),
    status: t.field({ type: MeasureStatusEnum, required: true }),
    note: t.string({ description: "Why, or what was done; kept as a progress note with the new status." }),
  }),
});

const AddMeasureProgressNoteInputRef = builder.inputType("AddMeasureProgressNoteInput", {
  fields: (t) => ({
    measureId: t.id({ required: true }),
    text: t.string({ required: true }),
  }),
});

async function planOwnerOf(ctx: Context, measureId: string): Promise<string> {
  const m = await ctx.db.measure.findUnique({
    where: { id: measureId },
    select: { plan: { select: { ownerId: true } } },
  });
  if (!m) throw new NotFoundError("Measure", measureId);
  return m.plan.ownerId;
}

async function currentMeasure(tx: Tx, id: string) {
  const measure = await tx.measure.findUniqueOrThrow({
    where: { id },
    include: { plan: { select: { ownerId: true } } },
  });
  if (measure.removed)
    throw new DomainValidationError([
      fieldIssue(
        "id",
        "measure_removed",
        "The measure was removed from the plan; it is kept as history and not followed up",
        "Tiltaket er fjernet fra planen; det står som historikk og følges ikke opp",
      ),
    ]);
  return measure;
}

builder.mutationFields((t) => ({
  updateMeasureStatus: t.prismaField({
    type: "Measure",
    description:
      "Sets a measure's status (with an optional progress note), as ADMIN or EDITOR of the plan's owner. A done measure gets no more checkpoints.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateMeasureStatusInputRef, required: true }) },
    authScopes: async (_root, args, ctx) => ({
      roleIn: { organisationId: await planOwnerOf(ctx, String(args.input.id)), roles: editors },
    }),
    resolve: async (query, _root, args, ctx) => {
      const input = parseInput(updateMeasureStatusInput, args.input);
      return inTransaction(ctx, async (tx) => {
        const before = await currentMeasure(tx, input.id);
        const nextCheckpointOn = checkpointAfter(before, input.status, startOfToday());
        await updateVersioned(tx.measure, "Measure", input.id, input.version, {
          status: input.status,
          nextCheckpointOn,
        });
        const note = input.note
          ? await tx.measureProgressNote.create({
              data: {
                measureId: input.id,
                text: input.note,
                statusAfter: input.status,
                authorId: ctx.viewer?.personId ?? null,
              },
            })
          : null;
        await recordChange(tx, ctx, {
          action: "measure.status",
          entityType: "Measure",
          entityId: input.id,
          organisationId: before.plan.ownerId,
          changes: {
            status: { from: before.status, to: input.status },
            nextCheckpointOn: { from: before.nextCheckpointOn, to: nextCheckpointOn },
            ...(note ? { progressNote: { id: note.id, text: note.text } } : {}),
          },
          event: {
            type: "measure.updated",
            payload: {
              id: input.id,
              version: input.version + 1,
              planId: before.planId,
              status: input.status,
            },
          },
        });
        return tx.measure.findUniqueOrThrow({ ...query, where: { id: input.id } });
      });
    },
  }),

  addMeasureProgressNote: t.prismaField({
    type: "MeasureProgressNote",
    description: "Adds a dated progress note to a measure, as ADMIN or EDITOR of the plan's owner.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: AddMeasureProgressNoteInputRef, required: true }) },
    authScopes: async (_root, args, ctx) => ({
      roleIn: { organisationId: await planOwnerOf(ctx, String(args.input.measureId)), roles: editors },
    }),
    resolve: async (query, _root, args, ctx) => {
      const input = parseInput(addMeasureProgressNoteInput, args.input);
      return inTransaction(ctx, async (tx) => {
        const measure = await currentMeasure(tx, input.measureId);
        const note = await tx.measureProgressNote.create({
          data: { measureId: measure.id, text: input.text, authorId: ctx.viewer?.personId ?? null },
        });
        await recordChange(tx, ctx, {
          action: "measure.note",
          entityType: "Measure",
          entityId: measure.id,
          organisationId: measure.plan.ownerId,
          changes: { progressNote: { id: note.id, text: note.text } },
          event: {
            type: "measure.updated",
            payload: {
              id: measure.id,
              version: measure.version,
              planId: measure.planId,
              status: measure.status,
            },
          },
        });
        return tx.measureProgressNote.findUniqueOrThrow({ ...query, where: { id: note.id } });
      });
    },
  }),
}));
