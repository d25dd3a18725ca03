import {
  createAgreement,
  linkOfferToAgreement,
  setAgreementResponsibilities,
  unlinkOfferFromAgreement,
  updateAgreement,
} from "@samspill/commands";
import type { Prisma } from "@samspill/database";
import { type agreementStatuses, daysUntil } from "@samspill/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import {
  AgreementOfferLinkInputRef,
  AgreementStatusEnum,
  CreateAgreementInputRef,
  PartyRoleEnum,
  SetAgreementResponsibilitiesInputRef,
  UpdateAgreementInputRef,
} from "./agreement-inputs.js";
import {
  agreementVisibility,
  editableOrganisations,
  meetingVisibility,
  visibleOfferWhere,
} from "./cooperation-access.js";
import { mutationErrors } from "./errors.js";
import { OfferRef } from "./offer.js";
import { AudienceEnum, DiagnosisScopeEnum, OfferKindEnum, PriorityGroupEnum } from "./offer-enums.js";

// Cooperation agreements (samarbeidsavtaler): parties, the responsibilities each takes on, the
// offers delivered under them and their meeting points. Who sees them: cooperation-access.ts.
// Parties edit them together: an admin or editor of any party may change the agreement.

export { AgreementStatusEnum, PartyRoleEnum };

builder.prismaObject("AgreementParty", {
  fields: (t) => ({
    role: t.expose("role", { type: PartyRoleEnum }),
    organisation: t.relation("organisation"),
  }),
});

builder.prismaObject("AgreementResponsibility", {
  description: "What one party takes on: offer kinds, audiences, priority groups or a described category.",
  fields: (t) => ({
    id: t.exposeID("id"),
    description: t.exposeString("description"),
    diagnosisScope: t.expose("diagnosisScope", { type: DiagnosisScopeEnum, nullable: true }),
    offerKinds: t.expose("offerKinds", { type: [OfferKindEnum] }),
    audiences: t.expose("audiences", { type: [AudienceEnum] }),
    priorityGroups: t.expose("priorityGroups", { type: [PriorityGroupEnum] }),
    organisation: t.relation("organisation"),
  }),
});

export const AgreementRef = builder.prismaObject("Agreement", {
  description: "A cooperation agreement (samarbeidsavtale), statutory when it names a sub-agreement (§ 6-2).",
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    subAgreement: t.exposeString("subAgreement", { nullable: true }),
    statutory: t.boolean({
      description: "A statutory cooperation agreement under the health and care services act § 6-2.",
      select: { subAgreement: true },
      resolve: (a) => Boolean(a.subAgreement),
    }),
    description: t.exposeString("description"),
    validFrom: t.expose("validFrom", { type: "Date" }),
    validTo: t.expose("validTo", { type: "Date", nullable: true }),
    expiresInDays: t.int({
      nullable: true,
      description: "Days until the last valid day (0 on it, negative after); null when open-ended.",
      select: { validTo: true },
      resolve: (a) => daysUntil(a.validTo, new Date()),
    }),
    status: t.expose("status", { type: AgreementStatusEnum }),
    documentUrl: t.exposeString("documentUrl", { nullable: true }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    parties: t.relation("parties", { query: { orderBy: [{ role: "asc" }, { organisationId: "asc" }] } }),
    responsibilities: t.relation("responsibilities", { query: { orderBy: { id: "asc" } } }),
    offers: t.field({
      type: [OfferRef],
      description: "Offers delivered under the agreement (published ones, and your own organisation's).",
      select: (_args, ctx, nestedSelection) => ({
        offers: {
          where: { offer: visibleOfferWhere(ctx) },
          orderBy: { offerId: "asc" },
          select: { offer: nestedSelection(true) },
        },
      }),
      resolve: (a) => a.offers.map((o) => o.offer),
    }),
    meetingPoints: t.relation("meetingPoints", {
      description: "Meeting points held under the agreement that you can see.",
      query: (_args, ctx) => ({
        where: meetingVisibility(ctx),
        orderBy: [{ startsAt: "desc" }, { id: "asc" }],
      }),
    }),
  }),
});

// ---------------------------------------------------------------- queries

const AgreementFilterInput = builder.inputType("AgreementFilter", {
  fields: (t) => ({
    organisationId: t.id({ description: "Agreements the organisation is a party to." }),
    hospitalTrustId: t.id({
      description: "Agreements with this hospital trust as the hospital-trust party.",
    }),
    expiringWithinDays: t.int({
      description: "Still valid, with the last valid day within this many days (renewal due).",
    }),
    status: t.field({ type: AgreementStatusEnum }),
  }),
  validate: z
    .object({
      organisationId: z.uuid().nullish(),
      hospitalTrustId: z.uuid().nullish(),
      expiringWithinDays: z.number().int().min(0).max(3650).nullish(),
    })
    .loose(),
});

type AgreementFilter = {
  organisationId?: string | number | null;
  hospitalTrustId?: string | number | null;
  expiringWithinDays?: number | null;
  status?: (typeof agreementStatuses)[number] | null;
};

function startOfToday(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

function filterWhere(filter: AgreementFilter | null | undefined): Prisma.AgreementWhereInput[] {
  if (!filter) return [];
  const where: Prisma.AgreementWhereInput[] = [];
  if (filter.organisationId)
    where.push({ parties: { some: { organisationId: String(filter.organisationId) } } });
  if (filter.hospitalTrustId)
    where.push({
      parties: { some: { organisationId: String(filter.hospitalTrustId), role: "HOSPITAL_TRUST" } },
    });
  if (filter.status) where.push({ status: filter.status });
  if (filter.expiringWithinDays != null) {
    const today = startOfToday();
    const until = new Date(today.getTime() + filter.expiringWithinDays * 86_400_000);
    where.push({ validTo: { gte: today, lte: until } });
  }
  return where;
}

builder.queryFields((t) => ({
  agreements: t.prismaConnection(
    {
      type: "Agreement",
      cursor: "id",
      description: "Agreements you can see, soonest expiring first (open-ended last).",
      authScopes: { signedIn: true },
      args: { filter: t.arg({ type: AgreementFilterInput, required: false }) },
      totalCount: (_parent, args, ctx) =>
        ctx.db.agreement.count({ where: { AND: [agreementVisibility(ctx), ...filterWhere(args.filter)] } }),
      resolve: (query, _root, args, ctx) =>
        ctx.db.agreement.findMany({
          ...query,
          where: { AND: [agreementVisibility(ctx), ...filterWhere(args.filter)] },
          orderBy: [{ validTo: { sort: "asc", nulls: "last" } }, { id: "asc" }],
        }),
    },
    { name: "AgreementConnection" },
  ),
  agreement: t.prismaField({
    type: "Agreement",
    nullable: true,
    description: "One agreement, or null when it does not exist or you may not see it.",
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.agreement.findFirst({
        ...query,
        where: { AND: [{ id: String(args.id) }, agreementVisibility(ctx)] },
      }),
  }),
}));

// ---------------------------------------------------------------- mutations

// Parties edit an agreement together: the commands (packages/commands/src/agreements) load it
// once and refuse with a ForbiddenError unless the caller edits for one of its parties.

builder.mutationFields((t) => ({
  createAgreement: t.prismaField({
    type: "Agreement",
    description: "Registers an agreement. You must be an admin or editor of one of its parties.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: CreateAgreementInputRef, required: true }) },
    authScopes: (_root, args, ctx) => {
      const editable = new Set(editableOrganisations(ctx));
      return args.input.parties.some((p) => editable.has(String(p.organisationId)));
    },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.agreement.findUniqueOrThrow({
        ...query,
        where: await createAgreement(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),

  updateAgreement: t.prismaField({
    type: "Agreement",
    description:
      "Edits an agreement (parties replaced as a whole when given). A stale version answers ConflictError.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateAgreementInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.agreement.findUniqueOrThrow({
        ...query,
        where: await updateAgreement(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),

  setAgreementResponsibilities: t.prismaField({
    type: "Agreement",
    description: "Replaces what each party takes on. Each responsibility must belong to a party.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: SetAgreementResponsibilitiesInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.agreement.findUniqueOrThrow({
        ...query,
        where: await setAgreementResponsibilities(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),

  linkOfferToAgreement: t.prismaField({
    type: "Agreement",
    description:
      "Records that an offer is delivered under the agreement. You must edit for a party, and the offer's provider must be a party.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: AgreementOfferLinkInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.agreement.findUniqueOrThrow({
        ...query,
        where: await linkOfferToAgreement(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),

  unlinkOfferFromAgreement: t.prismaField({
    type: "Agreement",
    description: "Removes an offer from the agreement.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: AgreementOfferLinkInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.agreement.findUniqueOrThrow({
        ...query,
        where: await unlinkOfferFromAgreement(unitOf(ctx), ctx.viewer, args.input),
      }),
  }),
}));
