import type { Prisma } from "@samspill/database";
import { addHealthCommunityMembersInput, parseInput, upsertOrganisationInput } from "@samspill/domain";
import type { Actor } from "../actor.js";
import { importAsRegionalAdmin } from "../imports/admin-import.js";
import { type Imported, presentOf } from "../imports/apply-import.js";
import type { Unit } from "../unit-of-work.js";

/** Creates the organisation with the caller's id, or brings the stored one up to date. */
export function upsertOrganisation(unit: Unit, actor: Actor | null, raw: unknown): Promise<Imported> {
  const { id, ...data } = parseInput(upsertOrganisationInput, raw);
  const target = { entityType: "Organisation", action: "organisation", id, organisationId: id };
  return importAsRegionalAdmin(unit, actor, target, async (tx) => {
    const before = await tx.organisation.findUnique({ where: { id } });
    return {
      next: data,
      stored: before,
      create: () => tx.organisation.create({ data: { id, ...data } }),
      update: () =>
        tx.organisation.update({
          where: { id },
          data: { ...data, version: { increment: 1 } } satisfies Prisma.OrganisationUncheckedUpdateInput,
        }),
      event: (outcome) =>
        outcome === "UPDATED" && before
          ? { type: "organisation.updated", payload: { id, version: before.version + 1 } }
          : undefined,
    };
  });
}

/**
 * Adds organisations to a health community; members already there stay. The community is the
 * row this import keeps: only missing members count as a change.
 */
export function addHealthCommunityMembers(unit: Unit, actor: Actor | null, raw: unknown): Promise<Imported> {
  const { healthCommunityId, organisationIds } = parseInput(addHealthCommunityMembersInput, raw);
  const id = healthCommunityId;
  const target = { entityType: "Organisation", action: "health_community.members", id, organisationId: id };
  return importAsRegionalAdmin(unit, actor, target, async (tx) => {
    const stored = await tx.healthCommunityMember.findMany({
      where: { healthCommunityId, organisationId: { in: organisationIds } },
      select: { organisationId: true },
    });
    return {
      stored: {
        members: presentOf(
          organisationIds,
          stored.map((m) => m.organisationId),
        ),
      },
      next: { members: presentOf(organisationIds, organisationIds) },
      create: () => Promise.resolve(),
      update: () =>
        tx.healthCommunityMember.createMany({
          data: organisationIds.map((organisationId) => ({ healthCommunityId, organisationId })),
          skipDuplicates: true,
        }),
    };
  });
}
