import { organisationKinds, unitKinds } from "@samspill/domain";
import { builder } from "../builder.js";
import { municipalityListCost, pagedCost } from "../query-cost.js";

export const OrganisationKindEnum = builder.enumType("OrganisationKind", { values: organisationKinds });
export const UnitKindEnum = builder.enumType("UnitKind", { values: unitKinds });

export const MunicipalityRef = builder.prismaObject("Municipality", {
  description:
    "A municipality (kommune) with its four-digit number and the hospital trust whose catchment it is in.",
  fields: (t) => ({
    number: t.exposeString("number"),
    name: t.exposeString("name"),
    county: t.exposeString("county"),
    hospitalTrust: t.relation("hospitalTrust", { nullable: true }),
    organisation: t.relation("organisation", { nullable: true }),
  }),
});

export const OrganisationRef = builder.prismaObject("Organisation", {
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.expose("kind", { type: OrganisationKindEnum }),
    name: t.exposeString("name"),
    shortName: t.exposeString("shortName", { nullable: true }),
    orgNumber: t.exposeString("orgNumber", { nullable: true }),
    municipalityNumber: t.exposeString("municipalityNumber", { nullable: true }),
    website: t.exposeString("website", { nullable: true }),
    parent: t.relation("parent", { nullable: true }),
    municipality: t.relation("municipality", { nullable: true }),
    units: t.relation("units", { query: { orderBy: { name: "asc" } } }),
    catchment: t.relation("catchment", {
      complexity: municipalityListCost,
      query: { orderBy: { number: "asc" } },
    }),
  }),
});

export const UnitRef = builder.prismaObject("Unit", {
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
    complexity: municipalityListCost,
    authScopes: { public: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.db.municipality.findMany({ ...query, orderBy: { number: "asc" } }),
  }),
}));
