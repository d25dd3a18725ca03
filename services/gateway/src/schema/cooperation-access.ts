import type { Prisma } from "@samspill/database";
import type { Role } from "@samspill/domain";
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
