import { A0099_DEFINITION, gridPeriodKey } from "@samspill/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import { type A0099Activity, type A0099Row, a0099Activity } from "../indicators/a0099.js";
import { pagedList, slicePage } from "../list-page.js";
import { gridPeriod, PERIOD_DESCRIPTION, THRESHOLD_DESCRIPTION } from "./figures.js";
import { DiagnosisGroupEnum } from "./offer-enums.js";

// The A0099 indicator as a query (the same figures as /export/a0099.csv and .json).

type Counts = A0099Activity["total"];

/** A row per hospital trust, unit and diagnosis group: a year of the whole region fits one page. */
const rowsPage = pagedList("rows", { default: 1000, max: 2000 });

const A0099TotalRef = builder.objectRef<Counts>("A0099Total").implement({
  fields: (t) => ({
    activities: t.exposeInt("activities", { description: "Course runs held." }),
    patients: t.exposeInt("patients", { nullable: true, description: THRESHOLD_DESCRIPTION }),
    relatives: t.exposeInt("relatives", { nullable: true }),
    participants: t.exposeInt("participants", { nullable: true }),
  }),
});

const A0099RowRef = builder.objectRef<A0099Row>("A0099Row").implement({
  fields: (t) => ({
    hospitalTrust: t.prismaField({
      type: "Organisation",
      resolve: (query, row, _args, ctx) =>
        ctx.db.organisation.findUniqueOrThrow({ ...query, where: { id: row.hospitalTrustId } }),
    }),
    unitName: t.exposeString("unitName", { nullable: true, description: "Null: the offers name no unit." }),
    diagnosisGroup: t.field({
      type: DiagnosisGroupEnum,
      nullable: true,
      description: "The offers' primary (first) diagnosis group; null when they have none.",
      resolve: (r) => r.diagnosisGroup,
    }),
    activities: t.exposeInt("activities", { description: "Course runs held." }),
    patients: t.exposeInt("patients", { nullable: true, description: THRESHOLD_DESCRIPTION }),
    relatives: t.exposeInt("relatives", { nullable: true }),
    participants: t.exposeInt("participants", { nullable: true }),
  }),
});

const A0099ActivityRef = builder.objectRef<A0099Activity>("A0099Activity").implement({
  description: A0099_DEFINITION.en,
  fields: (t) => ({
    period: t.exposeString("period"),
    from: t.exposeString("from", { description: "The period's first day, YYYY-MM-DD." }),
    to: t.exposeString("to", { description: "The period's last day, YYYY-MM-DD." }),
    smallCountThreshold: t.exposeInt("smallCountThreshold"),
    definitionNb: t.string({ resolve: (a) => a.definition.nb }),
    definitionEn: t.string({ resolve: (a) => a.definition.en }),
    source: t.string({
      description: "Where the plan defines the indicator.",
      resolve: (a) => a.definition.source,
    }),
    rows: t.field({
      type: [A0099RowRef],
      args: rowsPage.args,
      complexity: rowsPage.complexity,
      resolve: (a, args) => slicePage(a.rows, rowsPage.page(args)),
    }),
    total: t.field({ type: A0099TotalRef, resolve: (a) => a.total }),
  }),
});

builder.queryFields((t) => ({
  a0099Activity: t.field({
    type: A0099ActivityRef,
    description: `A0099 activity per hospital trust, unit and diagnosis group in a period. ${A0099_DEFINITION.en}`,
    authScopes: { public: true },
    args: {
      period: t.arg.string({ required: true, description: PERIOD_DESCRIPTION, validate: gridPeriodKey }),
      hospitalTrustId: t.arg.id({ validate: z.uuid() }),
    },
    resolve: (_root, args, ctx) =>
      a0099Activity(
        ctx.db,
        ctx.smallCountThreshold,
        gridPeriod(args.period),
        args.hospitalTrustId ? String(args.hospitalTrustId) : null,
      ),
  }),
}));
