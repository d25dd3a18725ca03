import { hashInvitationToken } from "@samspill/commands";
import type { Prisma } from "@samspill/database";
import { type InvitationState, invitationState, invitationStates } from "@samspill/domain";
import { z } from "zod";
import { isRegionalAdmin } from "../admin/regional-admin.js";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { type ListPage, pagedList, takePage } from "../list-page.js";
import { pagedCost } from "../query-cost.js";
import { RoleEnum } from "./api-token.js";
import { OrganisationKindEnum } from "./organisation.js";

// The admin pages' reads: the organisations a viewer manages, their members and invitations, and
// the two pages a person meets before they belong anywhere (an invitation's link, and "whom to
// ask" after signing in without a membership). Members and invitations are shown to the
// organisation's admins and the regional admin only; anyone else gets an empty list.

const membersPage = pagedList("organisationMembers", { default: 100, max: 400 });
const invitationsPage = pagedList("invitations", { default: 100, max: 200 });
/** The likely organisations and the regional health authorities: a handful, one page. */
const contactsPage = pagedList("accessContacts", { default: 20, max: 20 });
/** Admins an access contact names: enough to find someone to ask, never the whole staff. */
const contactAdmins = 5;

export const InvitationStateEnum = builder.enumType("InvitationState", { values: invitationStates });

/** Whether the viewer may manage the organisation's people and units (commands check again). */
export async function mayAdminister(ctx: Context, organisationId: string): Promise<boolean> {
  if (!ctx.viewer || !z.uuid().safeParse(organisationId).success) return false;
  if (ctx.viewer.memberships.some((m) => m.organisationId === organisationId && m.role === "ADMIN"))
    return true;
  return isRegionalAdmin(ctx.db, ctx.viewer);
}

builder.prismaObjectFields("Organisation", (t) => ({
  email: t.exposeString("email", { nullable: true, description: "The organisation's contact address." }),
  version: t.exposeInt("version", { description: "Sent back with an edit (updateOrganisation)." }),
}));

builder.prismaObjectFields("Unit", (t) => ({
  email: t.exposeString("email", { nullable: true }),
}));

builder.prismaObject("Person", {
  description: "A person as their organisation's admins see them.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    email: t.exposeString("email"),
  }),
});

builder.prismaObject("Membership", {
  description: "A person's role in an organisation, optionally within one of its units.",
  fields: (t) => ({
    id: t.exposeID("id"),
    role: t.expose("role", { type: RoleEnum }),
    title: t.exposeString("title", { nullable: true }),
    person: t.relation("person"),
    unit: t.relation("unit", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObject("Invitation", {
  description: "An invitation by e-mail to a role in an organisation.",
  fields: (t) => ({
    id: t.exposeID("id"),
    email: t.exposeString("email"),
    name: t.exposeString("name", { nullable: true }),
    role: t.expose("role", { type: RoleEnum }),
    state: t.field({ type: InvitationStateEnum, resolve: (invitation) => invitationState(invitation) }),
    invitedBy: t.relation("invitedBy", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    mailedAt: t.expose("mailedAt", { type: "DateTime", nullable: true }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    acceptedAt: t.expose("acceptedAt", { type: "DateTime", nullable: true }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
  }),
});

interface InvitationPreview {
  state: InvitationState;
  organisationId: string | null;
  organisationName: string | null;
  role: string | null;
  expiresAt: Date | null;
}

const InvitationPreviewRef = builder.objectRef<InvitationPreview>("InvitationPreview").implement({
  description: "What an invitation's link page shows to whoever holds the link (no address, no names).",
  fields: (t) => ({
    state: t.field({ type: InvitationStateEnum, resolve: (p) => p.state }),
    organisationId: t.exposeID("organisationId", { nullable: true }),
    organisationName: t.exposeString("organisationName", { nullable: true }),
    role: t.field({ type: RoleEnum, nullable: true, resolve: (p) => p.role as never }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
  }),
});

interface Contact {
  organisationName: string;
  organisationKind: string;
  email: string | null;
  admins: { name: string; email: string }[];
}

const ContactPersonRef = builder.objectRef<{ name: string; email: string }>("ContactPerson").implement({
  fields: (t) => ({ name: t.exposeString("name"), email: t.exposeString("email") }),
});

const AccessContactRef = builder.objectRef<Contact>("AccessContact").implement({
  description: "Whom to ask for access: an organisation, its contact address and (signed in) its admins.",
  fields: (t) => ({
    organisationName: t.exposeString("organisationName"),
    organisationKind: t.field({ type: OrganisationKindEnum, resolve: (c) => c.organisationKind as never }),
    email: t.exposeString("email", { nullable: true }),
    admins: t.field({
      type: [ContactPersonRef],
      description: `The organisation's first ${contactAdmins} admins; none signed out.`,
      complexity: { field: 1, multiplier: contactAdmins },
      resolve: (c) => c.admins,
    }),
  }),
});

const publicMailDomains = new Set([
  "gmail.com",
  "hotmail.com",
  "outlook.com",
  "live.no",
  "yahoo.com",
  "icloud.com",
  "online.no",
  "me.com",
]);

/** What `administeredOrganisations` lists: nothing signed out, every organisation for the regional admin. */
async function administeredWhere(ctx: Context): Promise<Prisma.OrganisationWhereInput> {
  if (!ctx.viewer) return { id: { in: [] } };
  if (await isRegionalAdmin(ctx.db, ctx.viewer)) return {};
  return {
    id: { in: ctx.viewer.memberships.filter((m) => m.role === "ADMIN").map((m) => m.organisationId) },
  };
}

/** Organisations a person without a role may belong to: those that invited their address, or share its domain. */
async function likelyOrganisations(ctx: Context): Promise<string[]> {
  const personId = ctx.viewer?.kind === "PERSON" ? ctx.viewer.personId : null;
  if (!personId) return [];
  const person = await ctx.db.person.findUnique({ where: { id: personId }, select: { email: true } });
  if (!person) return [];
  const at = person.email.split("@")[1]?.toLowerCase() ?? "";
  // A shared mail provider's domain says nothing about where someone works.
  const domain = publicMailDomains.has(at) ? "" : at;
  const found = await ctx.db.organisation.findMany({
    where: {
      OR: [
        { invitations: { some: { email: { equals: person.email, mode: "insensitive" } } } },
        ...(domain
          ? [
              { email: { endsWith: `@${domain}`, mode: "insensitive" as const } },
              // Colleagues share the domain: the organisations of people with an address there.
              {
                memberships: {
                  some: { person: { email: { endsWith: `@${domain}`, mode: "insensitive" as const } } },
                },
              },
            ]
          : []),
      ],
      kind: { not: "REGIONAL_HEALTH_AUTHORITY" },
    },
    select: { id: true },
    take: 5,
  });
  return found.map((o) => o.id);
}

async function accessContacts(ctx: Context, page: ListPage): Promise<Contact[]> {
  // People's names and addresses only for a signed-in person (who has a row, so is staff).
  const signedIn = ctx.viewer?.kind === "PERSON";
  const ids = await likelyOrganisations(ctx);
  const organisations = await ctx.db.organisation.findMany({
    where: { OR: [{ id: { in: ids } }, { kind: "REGIONAL_HEALTH_AUTHORITY" }] },
    orderBy: [{ kind: "asc" }, { name: "asc" }, { id: "asc" }],
    ...takePage(page),
    select: {
      name: true,
      kind: true,
      email: true,
      memberships: {
        where: { role: "ADMIN" },
        select: { person: { select: { name: true, email: true } } },
        orderBy: { createdAt: "asc" },
        take: signedIn ? contactAdmins : 0,
      },
    },
  });
  return organisations.map((o) => ({
    organisationName: o.name,
    organisationKind: o.kind,
    email: o.email,
    admins: o.memberships.map((m) => m.person),
  }));
}

builder.queryFields((t) => ({
  administeredOrganisations: t.prismaConnection({
    type: "Organisation",
    cursor: "id",
    description:
      "Organisations whose people and units the viewer manages (all of them for the regional admin), by name.",
    authScopes: { public: true },
    maxSize: 500,
    complexity: pagedCost(500),
    resolve: async (query, _root, _args, ctx) =>
      ctx.db.organisation.findMany({
        ...query,
        where: await administeredWhere(ctx),
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
  }),
  administeredOrganisation: t.prismaField({
    type: "Organisation",
    nullable: true,
    description: "One organisation the viewer manages, for its admin page; null for any other.",
    args: { id: t.arg.id({ required: true }) },
    authScopes: { public: true },
    resolve: async (query, _root, args, ctx) =>
      (await mayAdminister(ctx, String(args.id)))
        ? ctx.db.organisation.findUnique({ ...query, where: { id: String(args.id) } })
        : null,
  }),
  organisationMembers: t.prismaField({
    type: ["Membership"],
    description: "The organisation's members by name (its admins and the regional admin only).",
    args: { organisationId: t.arg.id({ required: true }), ...membersPage.args },
    authScopes: { public: true },
    complexity: membersPage.complexity,
    resolve: async (query, _root, args, ctx) =>
      (await mayAdminister(ctx, String(args.organisationId)))
        ? ctx.db.membership.findMany({
            ...query,
            where: { organisationId: String(args.organisationId) },
            orderBy: [{ person: { name: "asc" } }, { role: "asc" }, { id: "asc" }],
            ...takePage(membersPage.page(args)),
          })
        : [],
  }),
  invitations: t.prismaField({
    type: ["Invitation"],
    description: "The organisation's invitations, newest first (its admins and the regional admin only).",
    args: { organisationId: t.arg.id({ required: true }), ...invitationsPage.args },
    authScopes: { public: true },
    complexity: invitationsPage.complexity,
    resolve: async (query, _root, args, ctx) =>
      (await mayAdminister(ctx, String(args.organisationId)))
        ? ctx.db.invitation.findMany({
            ...query,
            where: { organisationId: String(args.organisationId) },
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            ...takePage(invitationsPage.page(args)),
          })
        : [],
  }),
  invitation: t.field({
    type: InvitationPreviewRef,
    description: "Where the invitation behind a link's token stands; UNKNOWN for any other string.",
    args: { token: t.arg.string({ required: true }) },
    authScopes: { public: true },
    resolve: async (_root, args, ctx) => {
      const tokenHash = hashInvitationToken(args.token);
      const found = tokenHash
        ? await ctx.db.invitation.findUnique({
            where: { tokenHash },
            include: { organisation: { select: { name: true } } },
          })
        : null;
      return {
        state: invitationState(found),
        organisationId: found?.organisationId ?? null,
        organisationName: found?.organisation.name ?? null,
        role: found?.role ?? null,
        expiresAt: found?.expiresAt ?? null,
      };
    },
  }),
  accessContacts: t.field({
    type: [AccessContactRef],
    description:
      "Whom a person without access should ask: organisations that invited them or share their address's domain, and the regional health authority.",
    authScopes: { public: true },
    args: contactsPage.args,
    complexity: contactsPage.complexity,
    resolve: (_root, args, ctx) => accessContacts(ctx, contactsPage.page(args)),
  }),
}));
