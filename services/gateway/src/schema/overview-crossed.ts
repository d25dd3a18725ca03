import {
  audienceClasses,
  crossDimensions,
  crossedOverviewInput,
  gapSorts,
  gapThreshold,
  parseInput,
} from "@samspill/domain";
import {
  type CrossedGap,
  type CrossedOverview,
  type CrossedValue,
  crossedGaps,
  type NearestOffer,
  nearestOffers,
  type OfferCoordinates,
  offersInScope,
  readCrossedOverview,
} from "@samspill/read-model";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { pagedList, slicePage } from "../list-page.js";
import { municipalityListCost } from "../query-cost.js";
import { DiagnosisGroupEnum, OfferFormatEnum, PriorityGroupEnum } from "./offer-enums.js";

// The crossed overview (issue 15): published offers over any two dimensions, the rest as
// filters, and its gaps with the offers nearest to filling each. Public like the overview: it
// counts offers, not people, so the small-count rule does not apply (packages/domain,
// crossed-overview.ts); /export/crossed-gaps.csv serves the same gaps as a file.

export const CrossDimensionEnum = builder.enumType("CrossDimension", {
  description: "A dimension of the crossed overview.",
  values: crossDimensions,
});
const AudienceClassEnum = builder.enumType("AudienceClass", {
  description: "Who an offer is for: patients, relatives, or both.",
  values: audienceClasses,
});
const GapSortEnum = builder.enumType("CrossedGapSort", {
  description: "OFFER_COUNT: fewest offers first; ROW and COLUMN: in the order of the table.",
  values: gapSorts,
});

const FilterInput = builder.inputType("CrossedOverviewFilter", {
  description: "Each list keeps offers with any of its values; an absent or empty list keeps all.",
  fields: (t) => ({
    priorityGroups: t.field({ type: [PriorityGroupEnum] }),
    municipalityNumbers: t.stringList(),
    hospitalTrustIds: t.idList(),
    diagnosisGroups: t.field({ type: [DiagnosisGroupEnum] }),
    formats: t.field({ type: [OfferFormatEnum] }),
    languages: t.stringList({ description: "ISO 639 codes, e.g. sma for South Sami." }),
    audiences: t.field({ type: [AudienceClassEnum] }),
  }),
});

interface CrossedView extends CrossedOverview {
  /** The offers in scope, read once per request and only when nearest offers are asked for. */
  candidates: () => Promise<OfferCoordinates[]>;
}
interface GapView extends CrossedGap {
  view: CrossedView;
}

const ValueRef = builder.objectRef<CrossedValue>("CrossedValue").implement({
  fields: (t) => ({
    value: t.exposeString("value", {
      description: "An enum name, a language code, a municipality number or a hospital trust's id.",
    }),
    label: t.exposeString("label", {
      description: "The municipality's or hospital trust's name; for vocabularies, the value itself.",
    }),
  }),
});

const RowRef = builder.objectRef<CrossedOverview["rows"][number]>("CrossedRow").implement({
  fields: (t) => ({
    value: t.exposeString("value"),
    label: t.exposeString("label"),
    counts: t.exposeIntList("counts", { description: "Published offers per column, in column order." }),
  }),
});

interface NearestView extends NearestOffer {
  placeNames: Map<string, string>;
}

const NearestRef = builder.objectRef<NearestView>("NearestOffer").implement({
  description: "A published offer that misses the gap in one dimension only.",
  fields: (t) => ({
    offerId: t.id({ resolve: (n) => n.offer.id }),
    title: t.string({ resolve: (n) => n.offer.title }),
    providerName: t.string({ resolve: (n) => n.offer.providerName }),
    differsIn: t.field({ type: CrossDimensionEnum, resolve: (n) => n.differsIn }),
    values: t.stringList({
      description: "The offer's own values in the dimension it differs in.",
      resolve: (n) => n.offer[n.differsIn],
    }),
    valueLabels: t.stringList({
      description: "Names of those values where they are places; otherwise the values themselves.",
      resolve: (n) => n.offer[n.differsIn].map((v) => n.placeNames.get(v) ?? v),
    }),
    distance: t.exposeInt("distance", {
      description:
        "1: another format or audience; 2: another language or a municipality of the same hospital trust; 3: further away; 4: another diagnosis or priority group.",
    }),
  }),
});

const nearestPage = pagedList("nearestOffers", { default: 5, max: 20 });

const GapRef = builder.objectRef<GapView>("CrossedGap").implement({
  fields: (t) => ({
    row: t.field({ type: ValueRef, resolve: (g) => g.row }),
    column: t.field({ type: ValueRef, resolve: (g) => g.column }),
    offerCount: t.exposeInt("offerCount"),
    nearestOffers: t.field({
      type: [NearestRef],
      description: "Nearest first (see NearestOffer.distance), then by title.",
      args: nearestPage.args,
      complexity: nearestPage.complexity,
      resolve: async (g, args) =>
        slicePage(nearestOffers(g.view, g, await g.view.candidates()), nearestPage.page(args)).map((n) => ({
          ...n,
          placeNames: g.view.placeNames,
        })),
    }),
  }),
});

const gapsPage = pagedList("gaps", { default: 50, max: 500 });

const CrossedRef = builder.objectRef<CrossedView>("CrossedOverview").implement({
  description: "Published offers counted over two dimensions; each offer once per cell.",
  fields: (t) => ({
    rowDimension: t.field({ type: CrossDimensionEnum, resolve: (o) => o.input.rows }),
    columnDimension: t.field({ type: CrossDimensionEnum, resolve: (o) => o.input.columns }),
    columns: t.field({
      type: [ValueRef],
      description:
        "Every value of the column dimension (languages: those the region must serve, those asked for and those in use), zero or not.",
      resolve: (o) => o.columns,
    }),
    rows: t.field({ type: [RowRef], complexity: municipalityListCost, resolve: (o) => o.rows }),
    gapCount: t.int({
      args: { below: t.arg.int({ required: true, defaultValue: 1, validate: gapThreshold }) },
      resolve: (o, args) => crossedGaps(o, args.below, "OFFER_COUNT").length,
    }),
    gaps: t.field({
      type: [GapRef],
      description: "Cells with fewer offers than `below` (1: the empty cells).",
      args: {
        below: t.arg.int({ required: true, defaultValue: 1, validate: gapThreshold }),
        sort: t.arg({ type: GapSortEnum, required: true, defaultValue: "OFFER_COUNT" }),
        ...gapsPage.args,
      },
      complexity: gapsPage.complexity,
      resolve: (o, args) =>
        slicePage(crossedGaps(o, args.below, args.sort), gapsPage.page(args)).map((g) => ({
          ...g,
          view: o,
        })),
    }),
  }),
});

builder.queryField("crossedOverview", (t) =>
  t.field({
    type: CrossedRef,
    description:
      "Published offers crossed over two dimensions in a hospital trust's catchment, a health community, or both.",
    authScopes: { public: true },
    args: {
      hospitalTrustId: t.arg.id(),
      healthCommunityId: t.arg.id(),
      rows: t.arg({ type: CrossDimensionEnum, required: true }),
      columns: t.arg({ type: CrossDimensionEnum, required: true }),
      filter: t.arg({ type: FilterInput }),
      languages: t.arg.stringList({
        description: "Language columns to show beyond the region's own (which always include South Sami).",
      }),
    },
    resolve: async (_root, args, ctx: Context) => {
      const filters = Object.fromEntries(
        Object.entries(args.filter ?? {}).filter(([, v]) => v !== null && v !== undefined),
      );
      const input = parseInput(crossedOverviewInput, {
        hospitalTrustId: args.hospitalTrustId ? String(args.hospitalTrustId) : null,
        healthCommunityId: args.healthCommunityId ? String(args.healthCommunityId) : null,
        rows: args.rows,
        columns: args.columns,
        filters,
        languages: args.languages ?? [],
      });
      const overview = await readCrossedOverview(ctx.db, input);
      let candidates: Promise<OfferCoordinates[]> | undefined;
      const numbers = overview.municipalities.map((m) => m.number);
      return {
        ...overview,
        candidates: () => {
          candidates ??= offersInScope(ctx.db, numbers);
          return candidates;
        },
      };
    },
  }),
);
