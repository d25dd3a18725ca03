import { queryFromInfo } from "@pothos/plugin-prisma";
import { resolveOffsetConnection } from "@pothos/plugin-relay";
import { changeOfferStatus, createOffer, editorRoles, updateOffer } from "@samspill/commands";
import type { Prisma } from "@samspill/database";
import { diagnosisCodePrefix, languageFilter, municipalityNumber, searchText } from "@samspill/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import type { Context } from "../context.js";
import { pagedList, takePage } from "../list-page.js";
import { searchOfferRows } from "../offer-rows.js";
import { searchOffers } from "../search/offer-search.js";
import { mutationErrors } from "./errors.js";
import { WrittenLanguageEnum } from "./language.js";
import {
  AccessibilityFeatureEnum,
  AudienceEnum,
  DiagnosisGroupEnum,
  DiagnosisScopeEnum,
  OfferFormatEnum,
  OfferKindEnum,
  OfferStatusEnum,
  PriorityGroupEnum,
  TopicEnum,
} from "./offer-enums.js";
import { CreateOfferInputRef, UpdateOfferInputRef } from "./offer-inputs.js";
import { NearInput, searchFilters, TimeOfDayEnum, WeekdayEnum } from "./offer-search-inputs.js";
import { MunicipalityRef, OrganisationKindEnum } from "./organisation.js";

export {
  AccessibilityFeatureEnum,
  AudienceEnum,
  DiagnosisGroupEnum,
  DiagnosisScopeEnum,
  OfferFormatEnum,
  OfferKindEnum,
  OfferStatusEnum,
  PriorityGroupEnum,
  TopicEnum,
};

/** Organisations whose unpublished offers the caller may see (their own). */
export function visibleOrganisations(ctx: Context): string[] {
  return ctx.viewer?.memberships.map((m) => m.organisationId) ?? [];
}

const canSeeUnpublished = (offer: { providerId: string }, ctx: Context) =>
  visibleOrganisations(ctx).includes(offer.providerId);

/** An offer's sessions, soonest first; a course term rarely has more than the default page. */
const sessionsPage = pagedList("sessions", { default: 50, max: 200 });
const municipalitiesPage = pagedList("municipalities", { default: 400, max: 400 });

export const OfferRef = builder.prismaObject("Offer", {
  description:
    "A learning-and-mastery offer: a course, training, peer activity, family offer, resource or lecture.",
  // Select mode: a query reads only the columns its fields need (a catalogue page does not load
  // every description), which keeps the SQL, the rows and Prisma's result mapping small.
  select: { id: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    summary: t.exposeString("summary"),
    description: t.exposeString("description"),
    textLanguage: t.expose("textLanguage", {
      type: WrittenLanguageEnum,
      description: "The language title, summary and description are written in (the provider's own).",
    }),
    kind: t.expose("kind", { type: OfferKindEnum }),
    diagnosisScope: t.expose("diagnosisScope", { type: DiagnosisScopeEnum }),
    diagnosisCodes: t.exposeStringList("diagnosisCodes"),
    diagnosisGroups: t.expose("diagnosisGroups", { type: [DiagnosisGroupEnum] }),
    topics: t.expose("topics", { type: [TopicEnum] }),
    audiences: t.expose("audiences", { type: [AudienceEnum] }),
    priorityGroups: t.expose("priorityGroups", { type: [PriorityGroupEnum] }),
    format: t.expose("format", { type: OfferFormatEnum }),
    location: t.exposeString("location", { nullable: true }),
    onlineUrl: t.exposeString("onlineUrl", { nullable: true }),
    languages: t.exposeStringList("languages"),
    accessibility: t.expose("accessibility", { type: [AccessibilityFeatureEnum] }),
    userRepPlanning: t.exposeBoolean("userRepPlanning"),
    userRepDelivery: t.exposeBoolean("userRepDelivery"),
    userRepEvaluation: t.exposeBoolean("userRepEvaluation"),
    a0099Eligible: t.exposeBoolean("a0099Eligible"),
    interdisciplinary: t.exposeBoolean("interdisciplinary"),
    status: t.expose("status", { type: OfferStatusEnum }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true }),
    reviewDueOn: t.expose("reviewDueOn", { type: "Date", nullable: true }),
    lastReviewedOn: t.expose("lastReviewedOn", { type: "Date", nullable: true }),
    contactName: t.exposeString("contactName", { nullable: true }),
    contactEmail: t.exposeString("contactEmail", { nullable: true }),
    contactPhone: t.exposeString("contactPhone", { nullable: true }),
    howToJoin: t.exposeString("howToJoin", { nullable: true }),
    registrationUrl: t.exposeString("registrationUrl", { nullable: true }),
    flaggedForReview: t.exposeBoolean("flaggedForReview", {
      description:
        "Task-division rule: a municipality's diagnosis-specific offer, for the health community's review.",
    }),
    flagReason: t.exposeString("flagReason", { nullable: true }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    provider: t.relation("provider"),
    unit: t.relation("unit", { nullable: true }),
    municipalities: t.field({
      type: [MunicipalityRef],
      description: "Municipalities served, by number; one page holds all of Norway's.",
      args: municipalitiesPage.args,
      complexity: municipalitiesPage.complexity,
      select: (args) => ({
        municipalities: {
          ...takePage(municipalitiesPage.page(args)),
          select: { municipality: true },
          orderBy: { municipalityNumber: "asc" },
        },
      }),
      resolve: (offer) => offer.municipalities.map((m) => m.municipality),
    }),
    sessions: t.relation("sessions", {
      args: { ...sessionsPage.args, upcomingOnly: t.arg.boolean({ defaultValue: false }) },
      complexity: sessionsPage.complexity,
      query: (args) => ({
        ...takePage(sessionsPage.page(args)),
        where: args.upcomingOnly ? { startsAt: { gte: new Date() } } : {},
        orderBy: { startsAt: "asc" },
      }),
    }),
  }),
});

// ---------------------------------------------------------------- queries

export const OfferFilterInput = builder.inputType("OfferFilter", {
  description: "Catalogue filters; lists match any of their values, except accessibility which needs all.",
  fields: (t) => ({
    text: t.string({ description: "Norwegian full-text query (websearch syntax: quotes, OR, -not)." }),
    municipalityNumbers: t.stringList(),
    providerIds: t.idList(),
    providerKinds: t.field({
      type: [OrganisationKindEnum],
      description: "Offers whose provider is of one of these kinds, e.g. HOSPITAL_TRUST.",
    }),
    hospitalTrustId: t.id({
      description: "Offers provided by the trust or serving a municipality in its catchment.",
    }),
    priorityGroups: t.field({ type: [PriorityGroupEnum] }),
    diagnosisCodes: t.stringList({ description: "ICD-10 codes or prefixes, e.g. E11 or J44." }),
    diagnosisGroups: t.field({ type: [DiagnosisGroupEnum] }),
    audiences: t.field({ type: [AudienceEnum] }),
    formats: t.field({ type: [OfferFormatEnum] }),
    kinds: t.field({ type: [OfferKindEnum] }),
    languages: t.stringList(),
    accessibility: t.field({ type: [AccessibilityFeatureEnum] }),
    sessionFrom: t.field({ type: "DateTime" }),
    sessionTo: t.field({ type: "DateTime" }),
    daysOfWeek: t.field({
      type: [WeekdayEnum],
      description: "Offers with an upcoming session (or one in the session window) on one of these days.",
    }),
    timesOfDay: t.field({
      type: [TimeOfDayEnum],
      description: "Offers with an upcoming session (or one in the session window) starting then.",
    }),
    near: t.field({ type: NearInput, description: "Nearest first from this place." }),
    statuses: t.field({
      type: [OfferStatusEnum],
      description: "Default: published. Others only for your own offers.",
    }),
    flaggedForReview: t.boolean(),
  }),
  validate: z
    .object({
      text: searchText.nullish(),
      providerIds: z.array(z.uuid()).max(400).nullish(),
      hospitalTrustId: z.uuid().nullish(),
      municipalityNumbers: z.array(municipalityNumber).max(400).nullish(),
      languages: z.array(languageFilter).max(30).nullish(),
      diagnosisCodes: z.array(diagnosisCodePrefix).max(50).nullish(),
    })
    .loose(),
});

builder.queryFields((t) => ({
  offers: t.connection(
    {
      type: OfferRef,
      description: "The catalogue: published offers (and your own unpublished ones), filtered and ranked.",
      authScopes: { public: true },
      args: { filter: t.arg({ type: OfferFilterInput, required: false }) },
      resolve: async (_root, args, ctx, info) => {
        let total = 0;
        const { filters } = await searchFilters(ctx, args.filter);
        const connection = await resolveOffsetConnection(
          { args, defaultSize: 20, maxSize: 100 },
          async (page) => {
            const query = queryFromInfo({ context: ctx, info, typeName: "Offer", path: ["edges", "node"] });
            // The search and the page's rows in one statement when the selection allows it.
            const shaped = await searchOfferRows(ctx.db, query, filters, visibleOrganisations(ctx), page);
            if (shaped) {
              total = shaped.total;
              return shaped.rows;
            }
            const found = await searchOffers(ctx.db, filters, visibleOrganisations(ctx), page);
            total = found.total;
            if (found.ids.length === 0) return [];
            const rows = await ctx.db.offer.findMany({
              ...query,
              where: { id: { in: found.ids } },
            } as Prisma.OfferFindManyArgs);
            const byId = new Map(rows.map((r) => [r.id, r]));
            return found.ids.flatMap((id) => byId.get(id) ?? []);
          },
        );
        return { ...connection, totalCount: total };
      },
    },
    {
      name: "OfferConnection",
      fields: (c) => ({
        totalCount: c.int({ resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount }),
      }),
    },
  ),
  offer: t.prismaField({
    type: "Offer",
    nullable: true,
    authScopes: { public: true },
    args: { id: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: async (query, _root, args, ctx) => {
      // Visibility needs status and provider whatever the client asked for. findUnique on
      // purpose: Prisma batches concurrent calls into one statement. Each batch is compiled
      // afresh (no plan cache), but findFirst, one statement a request, measured at twice the
      // Postgres CPU per request and no less gateway CPU (issue 16).
      const offer = await ctx.db.offer.findUnique({
        select: { ...query.select, status: true, providerId: true },
        where: { id: String(args.id) },
      });
      if (!offer) return null;
      return offer.status === "PUBLISHED" || canSeeUnpublished(offer, ctx) ? offer : null;
    },
  }),
}));

// ---------------------------------------------------------------- mutations

builder.mutationFields((t) => ({
  createOffer: t.prismaField({
    type: "Offer",
    description: "Registers a draft offer for the provider organisation.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: CreateOfferInputRef, required: true }) },
    authScopes: (_root, args) => ({
      roleIn: { organisationId: String(args.input.providerId), roles: editorRoles },
    }),
    resolve: async (query, _root, args, ctx) =>
      reread(ctx, query, await createOffer(unitOf(ctx), ctx.viewer, args.input)),
  }),

  updateOffer: t.prismaField({
    type: "Offer",
    description:
      "Edits an offer. Pass the version you edited: if someone saved since, you get a ConflictError.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateOfferInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      reread(ctx, query, await updateOffer(unitOf(ctx), ctx.viewer, args.input)),
  }),

  changeOfferStatus: t.prismaField({
    type: "Offer",
    description:
      "Moves an offer through its lifecycle: draft → published → paused/archived (archived → draft).",
    errors: { types: mutationErrors },
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int({ required: true }),
      status: t.arg({ type: OfferStatusEnum, required: true }),
    },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      reread(ctx, query, await changeOfferStatus(unitOf(ctx), ctx.viewer, args)),
  }),
}));

/** The written offer in the shape the client asked for (after the command's transaction). */
function reread(
  ctx: Context,
  query: { select?: Prisma.OfferSelect; include?: Prisma.OfferInclude },
  written: { id: string },
) {
  return ctx.db.offer.findUniqueOrThrow({
    ...query,
    where: { id: written.id },
  } as Prisma.OfferFindUniqueOrThrowArgs);
}
