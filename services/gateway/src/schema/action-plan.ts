import { queryFromInfo } from "@pothos/plugin-prisma";
import { resolveOffsetConnection } from "@pothos/plugin-relay";
import { addMeasureProgressNote, updateMeasureStatus } from "@samspill/commands";
import type { Prisma } from "@samspill/database";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import { pagedList, takePage } from "../list-page.js";
import { pagedCost } from "../query-cost.js";
import {
  AddMeasureProgressNoteInputRef,
  MeasureFilterInput,
  UpdateMeasureStatusInputRef,
} from "./action-plan-inputs.js";
import { MeasureRef } from "./action-plan-types.js";
import { mutationErrors } from "./errors.js";

// Action plans: the reads (public) and the follow-ups by the plan owner's ADMINs and EDITORs
// (packages/commands/src/action-plans).

// ---------------------------------------------------------------- queries

/** "2.1." and "2.1" name the same section; either matches it and its subsections. */
const sectionNumber = (s: string) => s.replace(/\.$/, "");

/** A region has a plan per period: a handful, each with its sections and measures. */
const plansPage = pagedList("actionPlans", { default: 5, max: 50 });

builder.queryFields((t) => ({
  actionPlans: t.prismaField({
    type: ["ActionPlan"],
    description: "Action plans, newest period first.",
    args: plansPage.args,
    complexity: plansPage.complexity,
    authScopes: { public: true },
    resolve: (query, _root, args, ctx) =>
      ctx.db.actionPlan.findMany({
        ...query,
        ...takePage(plansPage.page(args)),
        orderBy: [{ periodStart: "desc" }, { key: "asc" }],
      }),
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
      complexity: pagedCost(200),
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

builder.mutationFields((t) => ({
  updateMeasureStatus: t.prismaField({
    type: "Measure",
    description:
      "Sets a measure's status (with an optional progress note), as ADMIN or EDITOR of the plan's owner. A done measure gets no more checkpoints.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateMeasureStatusInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.measure.findUniqueOrThrow({
        ...query,
        where: await updateMeasureStatus(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),

  addMeasureProgressNote: t.prismaField({
    type: "MeasureProgressNote",
    description: "Adds a dated progress note to a measure, as ADMIN or EDITOR of the plan's owner.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: AddMeasureProgressNoteInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.measureProgressNote.findUniqueOrThrow({
        ...query,
        where: await addMeasureProgressNote(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),
}));
