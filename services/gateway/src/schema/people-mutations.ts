import {
  createOrganisation,
  createUnit,
  invitePerson,
  removeMembership,
  revokeInvitation,
  updateMembership,
  updateOrganisation,
  updateUnit,
} from "@samspill/commands";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import { RoleEnum } from "./api-token.js";
import { mutationErrors } from "./errors.js";
import { WrittenLanguageEnum } from "./language.js";
import { OrganisationKindEnum, UnitKindEnum } from "./organisation.js";

// Organisations, units, memberships and invitations, each through its command
// (packages/commands/src/people), which decides who may: the organisation's admins, or the
// regional admin. Refusals answer ForbiddenError; the last admin's removal a ValidationError.

const CreateOrganisationInputRef = builder.inputType("CreateOrganisationInput", {
  fields: (t) => ({
    kind: t.field({ type: OrganisationKindEnum, required: true }),
    name: t.string({ required: true }),
    shortName: t.string(),
    orgNumber: t.string(),
    website: t.string(),
    email: t.string(),
    language: t.field({
      type: WrittenLanguageEnum,
      description: "The organisation's written standard (målform); bokmål when not given.",
    }),
    parentId: t.id(),
    municipalityNumber: t.string(),
  }),
});

const UpdateOrganisationInputRef = builder.inputType("UpdateOrganisationInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    name: t.string(),
    shortName: t.string(),
    orgNumber: t.string(),
    website: t.string(),
    email: t.string(),
    language: t.field({
      type: WrittenLanguageEnum,
      description: "The organisation's written standard (målform).",
    }),
  }),
});

const CreateUnitInputRef = builder.inputType("CreateUnitInput", {
  fields: (t) => ({
    organisationId: t.id({ required: true }),
    kind: t.field({ type: UnitKindEnum, required: true }),
    name: t.string({ required: true }),
    email: t.string(),
    address: t.string(),
  }),
});

const UpdateUnitInputRef = builder.inputType("UpdateUnitInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    kind: t.field({ type: UnitKindEnum }),
    name: t.string(),
    email: t.string(),
    address: t.string(),
  }),
});

const UpdateMembershipInputRef = builder.inputType("UpdateMembershipInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    role: t.field({ type: RoleEnum }),
    unitId: t.id(),
    title: t.string(),
  }),
});

const InvitePersonInputRef = builder.inputType("InvitePersonInput", {
  fields: (t) => ({
    organisationId: t.id({ required: true }),
    email: t.string({ required: true }),
    name: t.string(),
    role: t.field({ type: RoleEnum, required: true }),
  }),
});

/** Input objects without the keys the caller left out, so "left out" keeps what is stored. */
const given = (input: object) => Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));

builder.mutationFields((t) => ({
  createOrganisation: t.prismaField({
    type: "Organisation",
    description: "Sets up an organisation (the regional admin only); invite its first admin next.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: CreateOrganisationInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.organisation.findUniqueOrThrow({
        ...query,
        where: await createOrganisation(unitOf(ctx), ctx.viewer, given(args.input)),
      }),
  }),
  updateOrganisation: t.prismaField({
    type: "Organisation",
    description:
      "Edits an organisation's details (its admins, or the regional admin). A stale version answers ConflictError.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateOrganisationInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.organisation.findUniqueOrThrow({
        ...query,
        where: await updateOrganisation(unitOf(ctx), ctx.viewer, given(args.input)),
      }),
  }),
  createUnit: t.prismaField({
    type: "Unit",
    description: "Adds a unit to an organisation (its admins, or the regional admin).",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: CreateUnitInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.unit.findUniqueOrThrow({
        ...query,
        where: await createUnit(unitOf(ctx), ctx.viewer, given(args.input)),
      }),
  }),
  updateUnit: t.prismaField({
    type: "Unit",
    description: "Edits a unit (its organisation's admins, or the regional admin).",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateUnitInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.unit.findUniqueOrThrow({
        ...query,
        where: await updateUnit(unitOf(ctx), ctx.viewer, given(args.input)),
      }),
  }),
  updateMembership: t.prismaField({
    type: "Membership",
    description: "Changes a member's role, unit or title. The organisation's last admin stays admin.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: UpdateMembershipInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.membership.findUniqueOrThrow({
        ...query,
        where: await updateMembership(unitOf(ctx), ctx.viewer, given(args.input)),
      }),
  }),
  removeMembership: t.field({
    type: "ID",
    description:
      "Takes a role away from a member; answers the removed membership's id. The last admin cannot be removed.",
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true }) },
    authScopes: { signedIn: true },
    resolve: async (_root, args, ctx) =>
      (await removeMembership(unitOf(ctx), ctx.viewer, { id: String(args.id) })).id,
  }),
  invitePerson: t.prismaField({
    type: "Invitation",
    description: "Invites a person by e-mail to a role; the worker mails them a one-time link.",
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: InvitePersonInputRef, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.invitation.findUniqueOrThrow({
        ...query,
        where: await invitePerson(unitOf(ctx), ctx.viewer, given(args.input)),
      }),
  }),
  revokeInvitation: t.prismaField({
    type: "Invitation",
    description: "Withdraws an open invitation; its link then says so.",
    errors: { types: mutationErrors },
    args: { id: t.arg.id({ required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) =>
      ctx.db.invitation.findUniqueOrThrow({
        ...query,
        where: await revokeInvitation(unitOf(ctx), ctx.viewer, { id: String(args.id) }),
      }),
  }),
}));
