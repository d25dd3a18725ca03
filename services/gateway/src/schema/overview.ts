import type { PriorityGroup } from "@samspill/domain";
import type { OrganisationEventMessage, OverviewChange } from "@samspill/events";
import {
  type ExpiringAgreement,
  type Gap,
  type Overview,
  type OverviewCell,
  type OverviewOfferItem,
  type OverviewRow,
  type ProviderRef,
  readOverview,
} from "@samspill/read-model";
import { createGraphQLError } from "graphql-yoga";
import { z } from "zod";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { priorityGroupLabels } from "../formats/labels.js";
import { pagedList, slicePage } from "../list-page.js";
import { municipalityListCost } from "../query-cost.js";
import { agreementVisibility } from "./cooperation-access.js";
import { PriorityGroupEnum } from "./offer.js";
import "./overview-crossed.js";
import { GapKindEnum, OverviewDimensionEnum } from "./overview-enums.js";
import { selects } from "./overview-selection.js";
import "./overview-trends.js";

// The shared overview of who offers what (from the worker's read model), its gaps, and live
// updates over SSE. Only published offers are counted or listed, as in the public catalogue, so
// the overview is public. Its figures count offers, not people: small-count suppression, which
// protects participants, does not apply to them.

const ProviderRefType = builder.objectRef<ProviderRef>("OverviewProvider").implement({
  fields: (t) => ({ id: t.exposeID("id"), name: t.exposeString("name") }),
});

const CellRef = builder.objectRef<OverviewCell>("OverviewCell").implement({
  description: "Published offers in one cell, each counted once, and who provides them.",
  fields: (t) => ({
    value: t.exposeString("value", {
      description: "The dimension value (an enum name or a language code); ALL for totals.",
    }),
    offerCount: t.exposeInt("offerCount"),
    providerCount: t.exposeInt("providerCount"),
    providers: t.field({
      type: [ProviderRefType],
      resolve: (c) => {
        // The overview field reads the lists whenever the operation names this field.
        if (!c.providers) throw new Error("the overview was read without provider lists");
        return c.providers;
      },
    }),
  }),
});

const RowRef = builder.objectRef<OverviewRow>("OverviewRow").implement({
  fields: (t) => ({
    municipalityNumber: t.exposeString("municipalityNumber"),
    municipalityName: t.exposeString("municipalityName"),
    total: t.field({ type: CellRef, resolve: (r) => r.total }),
    cells: t.field({
      type: [CellRef],
      description: "One per column, in the order of `values`.",
      resolve: (r) => r.cells,
    }),
  }),
});

interface GapView extends Gap {
  municipalityName: string | null;
}

const englishGroups: Record<PriorityGroup, string> = {
  CHILDREN_AND_YOUTH: "children and youth",
  SEVERE_MENTAL_ILLNESS_AND_SUBSTANCE_USE: "severe mental illness and substance use",
  FRAIL_ELDERLY: "frail elderly",
  MULTIPLE_CHRONIC_CONDITIONS: "people with several chronic conditions",
};

function gapMessage(g: GapView, lang: Context["lang"]): string {
  const place = g.municipalityName ?? g.municipalityNumber ?? "";
  const group = g.priorityGroup;
  switch (g.kind) {
    case "MUNICIPALITY_WITHOUT_OFFER":
      return lang === "en" ? `${place} has no published offer` : `${place} har ingen publiserte tilbud`;
    case "PRIORITY_GROUP_WITHOUT_OFFER":
      return lang === "en"
        ? `No offer in the area for ${group ? englishGroups[group] : ""}`
        : `Ingen tilbud i området for prioritert gruppe: ${group ? priorityGroupLabels[group].toLowerCase() : ""}`;
    case "PRIORITY_GROUP_MISSING_IN_MUNICIPALITY":
      return lang === "en"
        ? `${place} has no offer for ${group ? englishGroups[group] : ""}`
        : `${place} har ikke tilbud for prioritert gruppe: ${group ? priorityGroupLabels[group].toLowerCase() : ""}`;
  }
}

const GapRef = builder.objectRef<GapView>("OverviewGap").implement({
  fields: (t) => ({
    kind: t.expose("kind", { type: GapKindEnum }),
    municipalityNumber: t.exposeString("municipalityNumber", { nullable: true }),
    municipalityName: t.exposeString("municipalityName", { nullable: true }),
    priorityGroup: t.expose("priorityGroup", { type: PriorityGroupEnum, nullable: true }),
    message: t.string({
      description:
        "What is missing, in the caller's language (Accept-Language; Norwegian bokmål by default).",
      resolve: (g, _args, ctx) => gapMessage(g, ctx.lang),
    }),
  }),
});

const OfferItemRef = builder.objectRef<OverviewOfferItem>("OverviewOffer").implement({
  description: "A published offer the forum should look at.",
  fields: (t) => ({
    offerId: t.exposeID("offerId"),
    title: t.exposeString("title"),
    provider: t.field({ type: ProviderRefType, resolve: (o) => o.provider }),
    municipalityNumbers: t.exposeStringList("municipalityNumbers"),
    reviewDueOn: t.expose("reviewDueOn", { type: "Date", nullable: true }),
    reviewDueInDays: t.exposeInt("reviewDueInDays", {
      nullable: true,
      description:
        "Days until the five-yearly review is due (negative: overdue); null when not within 90 days.",
    }),
  }),
});

const AgreementItemRef = builder.objectRef<ExpiringAgreement>("ExpiringAgreement").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    subAgreement: t.exposeString("subAgreement", { nullable: true }),
    validTo: t.expose("validTo", { type: "Date" }),
    daysLeft: t.exposeInt("daysLeft", {
      description: "Negative when it expired without being renewed or closed.",
    }),
    parties: t.field({ type: [ProviderRefType], resolve: (a) => a.parties }),
  }),
});

type OverviewView = Overview & { gapViews: GapView[] };

/** The lists that call for attention grow with the offers: a page, most urgent first. */
const attentionPage = pagedList("attention", { default: 100, max: 500 });

const OverviewRef = builder.objectRef<OverviewView>("Overview").implement({
  description: "Who offers what in a hospital trust's catchment or a health community, with the gaps.",
  fields: (t) => ({
    dimension: t.expose("dimension", { type: OverviewDimensionEnum }),
    values: t.exposeStringList("values", { description: "The matrix columns." }),
    rows: t.field({
      type: [RowRef],
      description: "One per municipality in scope.",
      complexity: municipalityListCost,
      resolve: (o) => o.rows,
    }),
    totals: t.field({
      type: [CellRef],
      description: "Per column across the scope; an offer serving several municipalities counts once.",
      resolve: (o) => o.totals,
    }),
    total: t.field({ type: CellRef, resolve: (o) => o.total }),
    gaps: t.field({ type: [GapRef], resolve: (o) => o.gapViews }),
    flaggedOffers: t.field({
      type: [OfferItemRef],
      description: "Municipal diagnosis-specific offers flagged by the task-division rule.",
      args: attentionPage.args,
      complexity: attentionPage.complexity,
      resolve: (o, args) => slicePage(o.flaggedOffers, attentionPage.page(args)),
    }),
    reviewsDue: t.field({
      type: [OfferItemRef],
      description: "Offers whose review is due within 90 days or overdue, most urgent first.",
      args: attentionPage.args,
      complexity: attentionPage.complexity,
      resolve: (o, args) => slicePage(o.reviewsDue, attentionPage.page(args)),
    }),
    expiringAgreements: t.field({
      type: [AgreementItemRef],
      description:
        "Active agreements with a party in scope expiring within 90 days (or already past), of those you may see; none when signed out.",
      // The overview itself is public and cached for everyone; agreements are cooperation records,
      // so each caller gets only the ones the agreement rule lets them see.
      args: attentionPage.args,
      complexity: attentionPage.complexity,
      resolve: async (o, args, ctx) => {
        if (!ctx.viewer || o.expiringAgreements.length === 0) return [];
        const visible = await ctx.db.agreement.findMany({
          where: { id: { in: o.expiringAgreements.map((a) => a.id) }, ...agreementVisibility(ctx) },
          select: { id: true },
        });
        const ids = new Set(visible.map((a) => a.id));
        return slicePage(
          o.expiringAgreements.filter((a) => ids.has(a.id)),
          attentionPage.page(args),
        );
      },
    }),
  }),
});

const uuid = z.uuid();

builder.queryField("overview", (t) =>
  t.field({
    type: OverviewRef,
    description:
      "The shared overview. Give a hospital trust, a health community, or both (their common municipalities).",
    authScopes: { public: true },
    args: {
      hospitalTrustId: t.arg.id({ validate: uuid }),
      healthCommunityId: t.arg.id({ validate: uuid }),
      dimension: t.arg({ type: OverviewDimensionEnum, required: true, defaultValue: "PRIORITY_GROUP" }),
    },
    resolve: async (_root, args, ctx, info) => {
      if (!args.hospitalTrustId && !args.healthCommunityId)
        throw createGraphQLError(
          ctx.lang === "en"
            ? "Give hospitalTrustId, healthCommunityId or both"
            : "Oppgi helseforetak (hospitalTrustId), helsefellesskap (healthCommunityId) eller begge",
          { extensions: { code: "BAD_USER_INPUT" } },
        );
      const scope = {
        hospitalTrustId: args.hospitalTrustId ? String(args.hospitalTrustId) : null,
        healthCommunityId: args.healthCommunityId ? String(args.healthCommunityId) : null,
      };
      // Signed out, no agreement is visible (see expiringAgreements), so none is read.
      const options = { withProviders: selects(info, "providers"), withAgreements: ctx.viewer !== null };
      const overview = ctx.overviewCache
        ? await ctx.overviewCache.read(ctx.db, scope, args.dimension, options)
        : await readOverview(ctx.db, scope, args.dimension, options);
      const names = new Map(overview.rows.map((r) => [r.municipalityNumber, r.municipalityName]));
      const gapViews = overview.gaps.map((g) => ({
        ...g,
        municipalityName: g.municipalityNumber ? (names.get(g.municipalityNumber) ?? null) : null,
      }));
      return { ...overview, gapViews };
    },
  }),
);

// ---------------------------------------------------------------- live updates (SSE)

const ChangeReasonEnum = builder.enumType("OverviewChangeReason", { values: ["EVENT", "REBUILD"] as const });

const OverviewChangeRef = builder.objectRef<OverviewChange>("OverviewChange").implement({
  description: "The overview of a hospital trust changed: refetch it (or just the named municipalities).",
  fields: (t) => ({
    hospitalTrustId: t.exposeID("hospitalTrustId"),
    municipalityNumbers: t.exposeStringList("municipalityNumbers", {
      description: "Municipalities whose figures may have changed; empty after a rebuild (all may have).",
    }),
    offerId: t.exposeID("offerId", { nullable: true }),
    eventId: t.exposeID("eventId", { nullable: true }),
    reason: t.expose("reason", { type: ChangeReasonEnum }),
    changedAt: t.field({ type: "DateTime", resolve: (c) => new Date(c.changedAt) }),
  }),
});

const OrganisationEventRef = builder.objectRef<OrganisationEventMessage>("OrganisationEvent").implement({
  description: "A domain event of your organisation, delivered at least once (deduplicate by id).",
  fields: (t) => ({
    id: t.exposeID("id"),
    sequence: t.exposeString("sequence", {
      description: "Outbox order; increases with commit order only roughly.",
    }),
    type: t.exposeString("type"),
    aggregateType: t.exposeString("aggregateType"),
    aggregateId: t.exposeString("aggregateId"),
    organisationId: t.exposeID("organisationId"),
    occurredAt: t.field({ type: "DateTime", resolve: (e) => new Date(e.occurredAt) }),
    payload: t.field({ type: "JSON", resolve: (e) => e.payload }),
  }),
});

builder.subscriptionFields((t) => ({
  overviewChanged: t.field({
    type: OverviewChangeRef,
    description: "Fires after the projector applied a change to the hospital trust's overview.",
    authScopes: { public: true },
    args: { hospitalTrustId: t.arg.id({ required: true, validate: uuid }) },
    subscribe: (_root, args, ctx) => ctx.pubsub.overviewChanged(String(args.hospitalTrustId)),
    resolve: (change) => change,
  }),
  organisationEvents: t.field({
    type: OrganisationEventRef,
    description: "Your organisation's own events as they are processed. Members only.",
    authScopes: (_root, args) => ({ memberOf: String(args.organisationId) }),
    args: { organisationId: t.arg.id({ required: true, validate: uuid }) },
    subscribe: (_root, args, ctx) => ctx.pubsub.organisationEvents(String(args.organisationId)),
    resolve: (event) => event,
  }),
}));
