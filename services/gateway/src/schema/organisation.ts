import { organisationKinds, unitKinds } from "@samspill/domain";
import { builder } from "../builder.js";
import { pagedList, takePage } from "../list-page.js";
import { pagedCost } from "../query-cost.js";
import { WrittenLanguageEnum } from "./language.js";

export const OrganisationKindEnum = builder.enumType("OrganisationKind", { values: organisationKinds });
export const UnitKindEnum = builder.enumType("UnitKind", { values: unitKinds });

export const MunicipalityRef = builder.prismaObject("Municipality", {
  description:
    "A municipality (kommune) with its four-digit number and the hospital trust whose catchment it is in.",
  fields: (t) => ({
    number: t.exposeString("number"),
    name: t.exposeString("name"),
    county: t.exposeString("county"),
    latitude: t.exposeFloat("latitude", {
      nullable: true,
      description: "Administrative centre, approximate.",
    }),
    longitude: t.exposeFloat("longitude", { nullable: true }),
    hospitalTrust: t.relation("hospitalTrust", { nullable: true }),
    organisation: t.relation("organisation", { nullable: true }),
  }),
});

// Norway has 357 municipalities, so one page of a catchment holds all of it.
const catchmentPage = pagedList("catchment", { default: 400, max: 400 });
const municipalitiesPage = pagedList("municipalities", { default: 400, max: 400 });
/** An organisation has a handful of units (an LMS, clinics, a healthy-living centre). */
const unitsPage = pagedList("units", { default: 10, max: 200 });

export const OrganisationRef = builder.prismaObject("Organisation", {
  // Select mode, as Offer: a catalogue page's `provider { id name }` reads two columns, not the
  // whole row for each of its offers (issue 16).
  select: { id: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.expose("kind", { type: OrganisationKindEnum }),
    name: t.exposeString("name"),
    shortName: t.exposeString("shortName", { nullable: true }),
    orgNumber: t.exposeString("orgNumber", { nullable: true }),
    municipalityNumber: t.exposeString("municipalityNumber", { nullable: true }),
    website: t.exposeString("website", { nullable: true }),
    language: t.expose("language", {
      type: WrittenLanguageEnum,
      description: "The organisation's written standard (målform); its members' mails default to it.",
    }),
    parent: t.relation("parent", { nullable: true }),
    municipality: t.relation("municipality", { nullable: true }),
    units: t.relation("units", {
      args: unitsPage.args,
      complexity: unitsPage.complexity,
      query: (args) => ({ ...takePage(unitsPage.page(args)), orderBy: { name: "asc" } }),
    }),
    catchment: t.relation("catchment", {
      args: catchmentPage.args,
      complexity: catchmentPage.complexity,
      query: (args) => ({ ...takePage(catchmentPage.page(args)), orderBy: { number: "asc" } }),
    }),
  }),
});

export const UnitRef = builder.prismaObject("Unit", {
  select: { id: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.expose("kind", { type: UnitKindEnum }),
    name: t.exposeString("name"),
    address: t.exposeString("address", { nullable: true }),
    organisation: t.relation("organisation"),
  }),
});

builder.queryFields((t) => ({
  organisations: t.prismaConnection({
    type: "Organisation",
    cursor: "id",
    description: "Organisations in the hub, by name.",
    authScopes: { public: true },
    args: { kind: t.arg({ type: OrganisationKindEnum, required: false }) },
    maxSize: 500,
    complexity: pagedCost(500),
    resolve: (query, _root, args, ctx) =>
      ctx.db.organisation.findMany({
        ...query,
        where: args.kind ? { kind: args.kind } : undefined,
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
    totalCount: (_root, args, ctx) =>
      ctx.db.organisation.count({ where: args.kind ? { kind: args.kind } : undefined }),
  }),
  municipalities: t.prismaField({
    type: ["Municipality"],
    description: "Municipalities by number; one page holds all of Norway's.",
    args: municipalitiesPage.args,
    complexity: municipalitiesPage.complexity,
    authScopes: { public: true },
    resolve: (query, _root, args, ctx) =>
      ctx.db.municipality.findMany({
        ...query,
        ...takePage(municipalitiesPage.page(args)),
        orderBy: { number: "asc" },
      }),
  }),
}));
