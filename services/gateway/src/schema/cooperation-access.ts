import type { Prisma } from "@samspill/database";
import { ForbiddenError, type Role } from "@samspill/domain";
import type { Context } from "../context.js";

// Who may see agreements and meeting points. These are cooperation records, not public
// catalogue data, so every query and every relation that leads to one applies the same rule.
//
// Agreements: members (any role) of a party organisation; members of a health-community
// organisation that a party belongs to (the forum that reviews the division of tasks); and
// members of the regional health authority for agreements with a party in its region (its
// hospital trusts, the municipalities in their catchment, organisations placed under it).
//
// Meeting points: members of the organiser and of every participating organisation, and the
// forum members (FORUM_MEMBER or ADMIN) of the meeting's health community.

export const editors = ["ADMIN", "EDITOR"] as const satisfies readonly Role[];
const forumRoles = ["FORUM_MEMBER", "ADMIN"] as const satisfies readonly Role[];

export function memberOrganisations(ctx: Context): string[] {
  return [...new Set(ctx.viewer?.memberships.map((m) => m.organisationId) ?? [])];
}

function organisationsWithRole(ctx: Context, roles: readonly Role[]): string[] {
  const memberships = ctx.viewer?.memberships ?? [];
  return [...new Set(memberships.filter((m) => roles.includes(m.role)).map((m) => m.organisationId))];
}

/** Health communities the caller acts for as forum member. */
export const forumCommunities = (ctx: Context) => organisationsWithRole(ctx, forumRoles);

/** Organisations in which the caller may edit (ADMIN or EDITOR). */
export const editableOrganisations = (ctx: Context) => organisationsWithRole(ctx, editors);

/** A party whose agreement the caller may see (see the rule at the top). */
export function visiblePartyWhere(ctx: Context): Prisma.AgreementPartyWhereInput {
  const orgs = memberOrganisations(ctx);
  const rhf: Prisma.OrganisationWhereInput = { id: { in: orgs }, kind: "REGIONAL_HEALTH_AUTHORITY" };
  return {
    organisation: {
      OR: [
        { id: { in: orgs } },
        { communityMemberships: { some: { healthCommunityId: { in: orgs } } } },
        { parent: rhf },
        { municipality: { hospitalTrust: { parent: rhf } } },
      ],
    },
  };
}

export function agreementVisibility(ctx: Context): Prisma.AgreementWhereInput {
  return { parties: { some: visiblePartyWhere(ctx) } };
}

export function meetingVisibility(ctx: Context): Prisma.MeetingPointWhereInput {
  const orgs = memberOrganisations(ctx);
  return {
    OR: [
      { organiserId: { in: orgs } },
      { participants: { some: { organisationId: { in: orgs } } } },
      { healthCommunityId: { in: forumCommunities(ctx) } },
    ],
  };
}

/** Offers the caller may see through an agreement: published ones and their own organisation's. */
export function visibleOfferWhere(ctx: Context): Prisma.OfferWhereInput {
  return { OR: [{ status: "PUBLISHED" }, { providerId: { in: memberOrganisations(ctx) } }] };
}

/**
 * The party organisations of an agreement, for authorisation before the write; none when it does
 * not exist, so an unknown id is refused like a foreign one.
 */
export async function agreementPartyIds(ctx: Context, agreementId: string): Promise<string[]> {
  const agreement = await ctx.db.agreement.findUnique({
    where: { id: agreementId },
    select: { parties: { select: { organisationId: true } } },
  });
  return agreement?.parties.map((p) => p.organisationId) ?? [];
}

/** The first of `organisationIds` in which the caller edits, or a ForbiddenError. */
export function actingOrganisation(ctx: Context, organisationIds: readonly string[]): string {
  const editable = new Set(editableOrganisations(ctx));
  const acting = organisationIds.find((id) => editable.has(id));
  if (!acting)
    throw new ForbiddenError(
      "You must be an admin or editor in one of the parties / Du må være administrator eller redaktør hos en av partene",
    );
  return acting;
}

/** The meeting's organiser, or null when there is no such meeting (refused like a foreign one). */
export async function meetingOrganiser(ctx: Context, meetingPointId: string): Promise<string | null> {
  const meeting = await ctx.db.meetingPoint.findUnique({
    where: { id: meetingPointId },
    select: { organiserId: true },
  });
  return meeting?.organiserId ?? null;
}
