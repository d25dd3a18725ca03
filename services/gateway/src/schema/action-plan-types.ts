import { cadences, measureStatuses, startOfUtcDay } from "@samspill/domain";
import { builder } from "../builder.js";
import { pagedList, takePage } from "../list-page.js";

// Action plans (handlingsplaner) are public documents: anyone reads plans, sections, measures and
// their progress. The plan owner's ADMINs and EDITORs follow measures up (status, progress notes).

export const MeasureStatusEnum = builder.enumType("MeasureStatus", { values: measureStatuses });
export const CadenceEnum = builder.enumType("Cadence", { values: cadences });

// An imported plan has at most 100 sections; a plan's measures fit one default page.
const sectionsPage = pagedList("sections", { default: 100, max: 100 });
const measuresPage = pagedList("measures", { default: 200, max: 500 });
const notesPage = pagedList("progressNotes", { default: 20, max: 200 });

builder.prismaObject("ActionPlan", {
  fields: (t) => ({
    id: t.exposeID("id"),
    key: t.exposeString("key"),
    title: t.exposeString("title"),
    owner: t.relation("owner"),
    periodStart: t.exposeInt("periodStart"),
    periodEnd: t.exposeInt("periodEnd"),
    revisedOn: t.expose("revisedOn", { type: "Date", nullable: true }),
    reviewRaw: t.exposeString("reviewRaw", {
      nullable: true,
      description: "The plan's own review as written, e.g. at the LMS team meetings twice a year.",
    }),
    reviewCadence: t.expose("reviewCadence", { type: CadenceEnum, nullable: true }),
    nextReviewOn: t.expose("nextReviewOn", {
      type: "Date",
      nullable: true,
      description: "The plan's next review, a checkpoint like a measure's.",
    }),
    reviewMetOn: t.expose("reviewMetOn", {
      type: "Date",
      nullable: true,
      description: "When the current review was marked held; the worker then moves nextReviewOn on.",
    }),
    sections: t.relation("sections", {
      args: sectionsPage.args,
      complexity: sectionsPage.complexity,
      query: (args) => ({ ...takePage(sectionsPage.page(args)), orderBy: { number: "asc" } }),
    }),
    measures: t.relation("measures", {
      description: "The plan's measures in document order; removed ones only when asked for.",
      complexity: measuresPage.complexity,
      args: {
        ...measuresPage.args,
        section: t.arg.string(),
        includeRemoved: t.arg.boolean({ defaultValue: false }),
      },
      query: (args) => ({
        ...takePage(measuresPage.page(args)),
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
    checkpointMetOn: t.expose("checkpointMetOn", {
      type: "Date",
      nullable: true,
      description: "When the checkpoint on nextCheckpointOn was marked met; the worker then moves it on.",
    }),
    overdue: t.boolean({
      description: "The checkpoint has passed, is not marked met, and the measure is not done.",
      select: { nextCheckpointOn: true, checkpointMetOn: true, status: true },
      resolve: (m) =>
        m.nextCheckpointOn !== null &&
        m.checkpointMetOn === null &&
        m.nextCheckpointOn < startOfUtcDay() &&
        m.status !== "DONE",
    }),
    version: t.exposeInt("version"),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    plan: t.relation("plan"),
    progressNotes: t.relation("progressNotes", {
      description: "Newest first.",
      args: notesPage.args,
      complexity: notesPage.complexity,
      query: (args) => ({
        ...takePage(notesPage.page(args)),
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
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
