import { addMeasure, meetMeasureCheckpoint, meetPlanReview, reviseMeasure } from "@samspill/commands";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import { CadenceEnum } from "./action-plan-types.js";
import { mutationErrors } from "./errors.js";

// Plans as they are revised and kept to time, by the plan owner's ADMINs and EDITORs: measures
// added and revised (packages/commands/src/action-plans), checkpoints and the plan's own review
// marked met (the worker's advance-checkpoints job moves recurring ones on).

export const AddMeasureInputRef = builder.inputType("AddMeasureInput", {
  fields: (t) => ({
    planId: t.id({ required: true }),
    section: t.string({ required: true, description: "One of the plan's sections, e.g. 2.1.2." }),
    text: t.string({ required: true }),
    responsibleParties: t.stringList({ required: true, description: 'e.g. ["HF", "RHF"] or ["Camilla E"].' }),
    startYear: t.int(),
    checkpointRaw: t.string({ description: 'The schedule as written, e.g. "Årlig desember".' }),
    checkpointYear: t.int({
      description: "The year of a one-off checkpoint, or the first of a recurring one.",
    }),
    cadence: t.field({ type: CadenceEnum }),
    cadenceYears: t.int({ description: "Years between checkpoints, for EVERY_N_YEARS only." }),
    cadenceMonth: t.int({
      description: "The month the checkpoint falls in (1–12); December when not given.",
    }),
  }),
});

export const ReviseMeasureInputRef = builder.inputType("ReviseMeasureInput", {
  description: "Only the fields given change; a new schedule sets the next checkpoint afresh.",
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true, description: "The version you saw; a stale one is refused." }),
    text: t.string(),
    responsibleParties: t.stringList(),
    startYear: t.int(),
    checkpointRaw: t.string(),
    checkpointYear: t.int(),
    cadence: t.field({ type: CadenceEnum }),
    cadenceYears: t.int(),
    cadenceMonth: t.int(),
    removed: t.boolean({
      description: "true removes the measure from the current plan; it stays as history.",
    }),
    reason: t.string({ description: "Why the plan changed here; kept as a progress note." }),
  }),
});

export const MeetCheckpointInputRef = builder.inputType("MeetCheckpointInput", {
  fields: (t) => ({
    id: t.id({ required: true, description: "The measure." }),
    version: t.int({ required: true }),
    note: t.string({ description: "What was checked; kept as a progress note." }),
  }),
});

builder.mutationFields((t) => ({
  addMeasure: t.prismaField({
    type: "Measure",
    description: "Adds a measure to a plan as it is revised, as ADMIN or EDITOR of the plan's owner.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: AddMeasureInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.measure.findUniqueOrThrow({
        ...query,
        where: await addMeasure(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),

  reviseMeasure: t.prismaField({
    type: "Measure",
    description:
      "Revises a measure's wording, responsible parties or schedule, or removes it, as ADMIN or EDITOR of the plan's owner.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: ReviseMeasureInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.measure.findUniqueOrThrow({
        ...query,
        where: await reviseMeasure(unitOf(ctx), ctx.viewer, {
          ...args.input,
          removed: args.input.removed || undefined,
        }),
      }),
  }),

  meetMeasureCheckpoint: t.prismaField({
    type: "Measure",
    description:
      "Marks the measure's current checkpoint met; a recurring one then moves to its next date. As ADMIN or EDITOR of the plan's owner.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: MeetCheckpointInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.measure.findUniqueOrThrow({
        ...query,
        where: await meetMeasureCheckpoint(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),

  meetActionPlanReview: t.prismaField({
    type: "ActionPlan",
    description:
      "Marks the plan's current review held (e.g. the LMS team meeting's); the next one follows its cadence. As ADMIN or EDITOR of the plan's owner.",
    errors: { types: mutationErrors },
    args: { planId: t.arg.id({ required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.actionPlan.findUniqueOrThrow({
        ...query,
        where: await meetPlanReview(unitOf(ctx), ctx.viewer, { planId: args.planId }),
      }),
  }),
}));
