import type { Prisma } from "@samspill/database";
import {
  type AgreementPartyInput,
  type AgreementResponsibilityInput,
  agreementOfferLinkInput,
  agreementPeriodIssues,
  agreementStatuses,
  assertNoIssues,
  createAgreementInput,
  DomainValidationError,
  daysUntil,
  type FieldIssue,
  fieldIssue,
  parseInput,
  partyIssues,
  partyRoleFits,
  partyRoles,
  responsibilityIssues,
  setAgreementResponsibilitiesInput,
  updateAgreementInput,
} from "@samspill/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { diff, inTransaction, recordChange, type Tx, updateVersioned } from "../write.js";
import {
  actingOrganisation,
  agreementPartyIds,
  agreementVisibility,
  editableOrganisations,
  meetingVisibility,
  visibleOfferWhere,
} from "./cooperation-access.js";
import { mutationErrors } from "./errors.js";
import { AudienceEnum, DiagnosisScopeEnum, OfferKindEnum, OfferRef, PriorityGroupEnum } from "./offer.js";

// Cooperation agreements (samarbeidsavtaler): parties, the responsibilities each takes on, the
// offers delivered under them and their meeting points. Who sees them: cooperation-access.ts.
// Parties edit them together: an admin or editor of any party may change the agreement.

export const AgreementStatusEnum = builder.enumType("AgreementStatus", { values: agreementStatuses });
export const PartyRoleEnum = builder.enumType("PartyRole", { values: partyRoles });

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

// ---------------------------------------------------------------- inputs

const AgreementPartyInputRef = builder.inputType("AgreementPartyInput", {
  fields: (t) => ({
    organisationId: t.id({ required: true }),
    role: t.field({ type: PartyRoleEnum, required: true }),
  }),
});

const AgreementResponsibilityInputRef = builder.inputType("AgreementResponsibilityInput", {
  fields: (t) => ({
    organisationId: t.id({ required: true, description: "The party that takes this on." }),
    description: t.string({ required: true }),
    diagnosisScope: t.field({ type: DiagnosisScopeEnum }),
    offerKinds: t.field({ type: [OfferKindEnum] }),
    audiences: t.field({ type: [AudienceEnum] }),
    priorityGroups: t.field({ type: [PriorityGroupEnum] }),
  }),
});

const agreementScalarFields = (
  t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0],
  required: boolean,
) => ({
  title: t.string({ required }),
  subAgreement: t.string({
    description: 'Sub-agreement under § 6-2, e.g. "Delavtale 5"; makes it statutory.',
  }),
  description: t.string(),
  validFrom: t.string({ required, description: "YYYY-MM-DD" }),
  validTo: t.string({ description: "YYYY-MM-DD, the last valid day; none for open-ended." }),
  status: t.field({ type: AgreementStatusEnum }),
  documentUrl: t.string(),
});

const CreateAgreementInputRef = builder.inputType("CreateAgreementInput", {
  fields: (t) => ({
    ...agreementScalarFields(t, true),
    parties: t.field({
      type: [AgreementPartyInputRef],
      required: true,
      description: "At least two; you must be an admin or editor in one of them.",
    }),
    responsibilities: t.field({ type: [AgreementResponsibilityInputRef] }),
  }),
});

const UpdateAgreementInputRef = builder.inputType("UpdateAgreementInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true, description: "The version you edited; a stale one is refused." }),
    ...agreementScalarFields(t, false),
    parties: t.field({ type: [AgreementPartyInputRef], description: "Replaces the parties when given." }),
  }),
});

const SetAgreementResponsibilitiesInputRef = builder.inputType("SetAgreementResponsibilitiesInput", {
  fields: (t) => ({
    agreementId: t.id({ required: true }),
    version: t.int({ required: true }),
    responsibilities: t.field({ type: [AgreementResponsibilityInputRef], required: true }),
  }),
});

const AgreementOfferLinkInputRef = builder.inputType("AgreementOfferLinkInput", {
  fields: (t) => ({ agreementId: t.id({ required: true }), offerId: t.id({ required: true }) }),
});

// ---------------------------------------------------------------- writes

/** Party roles must match the organisations: a HOSPITAL_TRUST party is a hospital trust, and so on. */
async function partyKindIssues(tx: Tx, parties: readonly AgreementPartyInput[]): Promise<FieldIssue[]> {
  const orgs = await tx.organisation.findMany({
    where: { id: { in: parties.map((p) => p.organisationId) } },
    select: { id: true, kind: true },
  });
  const kinds = new Map(orgs.map((o) => [o.id, o.kind]));
  return parties.flatMap((p, i) => {
    const kind = kinds.get(p.organisationId);
    if (!kind)
      return [
        fieldIssue(
          `parties.${i}.organisationId`,
          "unknown_organisation",
          "No such organisation",
          "Organisasjonen finnes ikke",
        ),
      ];
    if (!partyRoleFits(p.role, kind))
      return [
        fieldIssue(
          `parties.${i}.role`,
          "role_does_not_fit",
          `The organisation is a ${kind}, not a ${p.role}`,
          "Rollen passer ikke med organisasjonstypen",
        ),
      ];
    return [];
  });
}

const responsibilityData = (r: AgreementResponsibilityInput) => ({
  organisationId: r.organisationId,
  description: r.description,
  diagnosisScope: r.diagnosisScope ?? null,
  offerKinds: r.offerKinds,
  audiences: r.audiences,
  priorityGroups: r.priorityGroups,
});

const dateOrNull = (d: string | null | undefined) => (d ? new Date(d) : null);
const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

async function agreementEvent(tx: Tx, id: string) {
  const a = await tx.agreement.findUniqueOrThrow({
    where: { id },
    select: { version: true, validTo: true, status: true },
  });
  return { id, version: a.version, validTo: isoDay(a.validTo), status: a.status };
}

/** Editors of any party may act on the agreement (checked before the resolver runs). */
async function isPartyEditor(ctx: Context, agreementId: string): Promise<boolean> {
  const parties = await agreementPartyIds(ctx, agreementId);
  const editable = new Set(editableOrganisations(ctx));
  return parties.some((id) => editable.has(id));
}

/** Bumps the agreement's version for a change to something it holds (offers), without a version check. */
async function touchAgreement(tx: Tx, id: string) {
  await tx.agreement.update({ where: { id }, data: { version: { increment: 1 } } });
}

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
    resolve: async (query, _root, args, ctx) => {
      const input = parseInput(createAgreementInput, args.input);
      const acting = actingOrganisation(
        ctx,
        input.parties.map((p) => p.organisationId),
      );
      return inTransaction(ctx, async (tx) => {
        assertNoIssues(await partyKindIssues(tx, input.parties));
        const agreement = await tx.agreement.create({
          data: {
            title: input.title,
            subAgreement: input.subAgreement ?? null,
            description: input.description,
            validFrom: new Date(input.validFrom),
            validTo: dateOrNull(input.validTo),
            status: input.status,
            documentUrl: input.documentUrl ?? null,
            parties: {
              create: input.parties.map((p) => ({ organisationId: p.organisationId, role: p.role })),
            },
            responsibilities: { create: input.responsibilities.map(responsibilityData) },
          },
        });
        await recordChange(tx, ctx, {
          action: "agreement.create",
          entityType: "Agreement",
          entityId: agreement.id,
          organisationId: acting,
          changes: { created: input },
          event: { type: "agreement.created", payload: await agreementEvent(tx, agreement.id) },
        });
        return tx.agreement.findUniqueOrThrow({ ...query, where: { id: agreement.id } });
      });
    },
  }),

  updateAgreement: t.prismaField({
    type: "Agreement",
    description:
      "Edits an agreement (parties replaced as a whole when given). A stale version answers ConflictError.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateAgreementInputRef, required: true }) },
    authScopes: (_root, args, ctx) => isPartyEditor(ctx, String(args.input.id)),
    resolve: async (query, _root, args, ctx) => {
      const { id, version, parties, ...fields } = parseInput(updateAgreementInput, args.input);
      return inTransaction(ctx, async (tx) => {
        const before = await tx.agreement.findUniqueOrThrow({
          where: { id },
          include: { parties: { orderBy: { organisationId: "asc" } }, responsibilities: true },
        });
        const validFrom = fields.validFrom ?? isoDay(before.validFrom) ?? "";
        const validTo = fields.validTo !== undefined ? fields.validTo : isoDay(before.validTo);
        const subAgreement = fields.subAgreement !== undefined ? fields.subAgreement : before.subAgreement;
        const nextParties =
          parties ?? before.parties.map((p) => ({ organisationId: p.organisationId, role: p.role }));
        const issues = [
          ...agreementPeriodIssues(validFrom, validTo),
          ...partyIssues(nextParties, Boolean(subAgreement)),
        ];
        if (parties) {
          issues.push(...(await partyKindIssues(tx, parties)));
          // A party cannot leave while it still holds responsibilities under the agreement.
          if (
            responsibilityIssues(
              before.responsibilities,
              parties.map((p) => p.organisationId),
            ).length > 0
          )
            issues.push(
              fieldIssue(
                "parties",
                "party_has_responsibilities",
                "Remove a party's responsibilities before removing the party",
                "Fjern partens ansvar før parten fjernes",
              ),
            );
        }
        assertNoIssues(issues);
        const acting = actingOrganisation(
          ctx,
          nextParties.map((p) => p.organisationId),
        );
        const data: Record<string, unknown> = {
          ...fields,
          ...(fields.validFrom !== undefined ? { validFrom: new Date(fields.validFrom) } : {}),
          ...(fields.validTo !== undefined ? { validTo: dateOrNull(fields.validTo) } : {}),
        };
        await updateVersioned(tx.agreement, "Agreement", id, version, data);
        if (parties) {
          await tx.agreementParty.deleteMany({ where: { agreementId: id } });
          await tx.agreementParty.createMany({ data: parties.map((p) => ({ agreementId: id, ...p })) });
        }
        const changes = diff(
          {
            ...before,
            validFrom: isoDay(before.validFrom),
            validTo: isoDay(before.validTo),
            parties: before.parties.map((p) => ({ organisationId: p.organisationId, role: p.role })),
          },
          {
            ...fields,
            parties: parties
              ? [...parties].sort((a, b) => a.organisationId.localeCompare(b.organisationId))
              : undefined,
          },
        );
        await recordChange(tx, ctx, {
          action: "agreement.update",
          entityType: "Agreement",
          entityId: id,
          organisationId: acting,
          changes,
          event: { type: "agreement.updated", payload: await agreementEvent(tx, id) },
        });
        return tx.agreement.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),

  setAgreementResponsibilities: t.prismaField({
    type: "Agreement",
    description: "Replaces what each party takes on. Each responsibility must belong to a party.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: SetAgreementResponsibilitiesInputRef, required: true }) },
    authScopes: (_root, args, ctx) => isPartyEditor(ctx, String(args.input.agreementId)),
    resolve: async (query, _root, args, ctx) => {
      const input = parseInput(setAgreementResponsibilitiesInput, args.input);
      const id = input.agreementId;
      return inTransaction(ctx, async (tx) => {
        const before = await tx.agreement.findUniqueOrThrow({
          where: { id },
          include: { parties: true, responsibilities: { orderBy: { id: "asc" } } },
        });
        const partyIds = before.parties.map((p) => p.organisationId);
        assertNoIssues(responsibilityIssues(input.responsibilities, partyIds));
        const acting = actingOrganisation(ctx, partyIds);
        await updateVersioned(tx.agreement, "Agreement", id, input.version, {});
        await tx.agreementResponsibility.deleteMany({ where: { agreementId: id } });
        await tx.agreementResponsibility.createMany({
          data: input.responsibilities.map((r) => ({ agreementId: id, ...responsibilityData(r) })),
        });
        await recordChange(tx, ctx, {
          action: "agreement.responsibilities",
          entityType: "Agreement",
          entityId: id,
          organisationId: acting,
          changes: {
            responsibilities: {
              from: before.responsibilities.map(({ agreementId: _a, id: _i, ...r }) => r),
              to: input.responsibilities.map(responsibilityData),
            },
          },
          event: { type: "agreement.updated", payload: await agreementEvent(tx, id) },
        });
        return tx.agreement.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),

  linkOfferToAgreement: t.prismaField({
    type: "Agreement",
    description:
      "Records that an offer is delivered under the agreement. You must edit for a party, and the offer's provider must be a party.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: AgreementOfferLinkInputRef, required: true }) },
    authScopes: (_root, args, ctx) => isPartyEditor(ctx, String(args.input.agreementId)),
    resolve: (query, _root, args, ctx) => changeOfferLink(ctx, query, args.input, "link"),
  }),

  unlinkOfferFromAgreement: t.prismaField({
    type: "Agreement",
    description: "Removes an offer from the agreement.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: AgreementOfferLinkInputRef, required: true }) },
    authScopes: (_root, args, ctx) => isPartyEditor(ctx, String(args.input.agreementId)),
    resolve: (query, _root, args, ctx) => changeOfferLink(ctx, query, args.input, "unlink"),
  }),
}));

async function changeOfferLink(
  ctx: Context,
  query: { include?: Prisma.AgreementInclude; select?: Prisma.AgreementSelect },
  raw: unknown,
  action: "link" | "unlink",
) {
  const { agreementId, offerId } = parseInput(agreementOfferLinkInput, raw);
  return inTransaction(ctx, async (tx) => {
    const agreement = await tx.agreement.findUniqueOrThrow({
      where: { id: agreementId },
      select: {
        parties: { select: { organisationId: true } },
        offers: { where: { offerId }, select: { offerId: true } },
      },
    });
    const partyIds = agreement.parties.map((p) => p.organisationId);
    const acting = actingOrganisation(ctx, partyIds);
    const linked = agreement.offers.length > 0;
    if (action === "link") {
      const offer = await tx.offer.findUnique({ where: { id: offerId }, select: { providerId: true } });
      if (!offer)
        throw new DomainValidationError([
          fieldIssue("offerId", "unknown_offer", "No such offer", "Tilbudet finnes ikke"),
        ]);
      if (!partyIds.includes(offer.providerId))
        throw new DomainValidationError([
          fieldIssue(
            "offerId",
            "provider_not_a_party",
            "Only offers provided by a party can be linked to the agreement",
            "Bare tilbud fra en avtalepart kan knyttes til avtalen",
          ),
        ]);
      if (linked)
        throw new DomainValidationError([
          fieldIssue(
            "offerId",
            "already_linked",
            "The offer is already linked",
            "Tilbudet er allerede knyttet til avtalen",
          ),
        ]);
      await tx.agreementOffer.create({ data: { agreementId, offerId } });
    } else {
      if (!linked)
        throw new DomainValidationError([
          fieldIssue(
            "offerId",
            "not_linked",
            "The offer is not linked to the agreement",
            "Tilbudet er ikke knyttet til avtalen",
          ),
        ]);
      await tx.agreementOffer.delete({ where: { agreementId_offerId: { agreementId, offerId } } });
    }
    await touchAgreement(tx, agreementId);
    await recordChange(tx, ctx, {
      action: `agreement.offer_${action}`,
      entityType: "Agreement",
      entityId: agreementId,
      organisationId: acting,
      changes: { offers: action === "link" ? { added: offerId } : { removed: offerId } },
      event: { type: "agreement.updated", payload: await agreementEvent(tx, agreementId) },
    });
    return tx.agreement.findUniqueOrThrow({
      ...query,
      where: { id: agreementId },
    } as Prisma.AgreementFindUniqueOrThrowArgs);
  });
}
