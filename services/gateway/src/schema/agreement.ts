import {
  createAgreement,
  linkOfferToAgreement,
  setAgreementResponsibilities,
  unlinkOfferFromAgreement,
  updateAgreement,
} from "@samspill/commands";
import type { Prisma } from "@samspill/database";
import type { agreementStatuses } from "@samspill/domain";
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
import { agreementVisibility, editableOrganisations } from "./cooperation-access.js";
import { mutationErrors } from "./errors.js";

// Cooperation agreements (samarbeidsavtaler): who sees them is cooperation-access.ts; what they
// hold is agreement-types.ts. Each party edits its own side (packages/commands/src/agreements):
// the coordinating party keeps the shared fields and the party list.

export { AgreementRef } from "./agreement-types.js";
export { AgreementStatusEnum, PartyRoleEnum };

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

// Each party edits its own side: the commands (packages/commands/src/agreements) load the
// agreement once and refuse with a ForbiddenError that says why: the shared fields and the
// parties are the coordinating party's (or a regional admin's), responsibilities and linked
// offers their own party's.

builder.mutationFields((t) => ({
  createAgreement: t.prismaField({
    type: "Agreement",
    description:
      "Registers an agreement. You must be an admin or editor of one of its parties; that party coordinates it unless you name another.",
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
      "Edits the shared fields, the parties (replaced as a whole when given) or the coordinator: the coordinating party's admins and editors, or a regional admin. A stale version answers ConflictError.",
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
    description:
      "Replaces what each party takes on. Each responsibility must belong to a party; you change only those of the parties you edit for.",
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
      "Records that an offer is delivered under the agreement. You must edit for the offer's provider, which must be a party.",
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
    description: "Removes an offer from the agreement. You must edit for the offer's provider.",
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
