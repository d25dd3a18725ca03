import type { Prisma } from "@samspill/database";
import { addHealthCommunityMembersInput, parseInput, upsertOrganisationInput } from "@samspill/domain";
import { type Actor, requireSignedIn } from "../actor.js";
import { applyImport, type Imported, presentOf } from "../imports/apply-import.js";
import { transact, type Unit } from "../unit-of-work.js";
import { requireRegionalAdmin } from "./regional-admin.js";

/** Creates the organisation with the caller's id, or brings the stored one up to date. */
export async function upsertOrganisation(unit: Unit, actor: Actor | null, raw: unknown): Promise<Imported> {
  const { id, ...data } = parseInput(upsertOrganisationInput, raw);
  return transact(unit, requireSignedIn(actor), async (work) => {
    await requireRegionalAdmin(work.tx, actor);
    const before = await work.tx.organisation.findUnique({ where: { id } });
    return applyImport(work, {
      entityType: "Organisation",
      action: "organisation",
      id,
      organisationId: id,
      stored: before,
      next: data,
      create: () => work.tx.organisation.create({ data: { id, ...data } }),
      update: () =>
        work.tx.organisation.update({
          where: { id },
          data: { ...data, version: { increment: 1 } } satisfies Prisma.OrganisationUncheckedUpdateInput,
        }),
      event: (outcome) =>
        outcome === "UPDATED" && before
          ? { type: "organisation.updated", payload: { id, version: before.version + 1 } }
          : undefined,
    });
  });
}

/** Adds organisations to a health community; members already there stay. */
export async function addHealthCommunityMembers(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<Imported> {
  const { healthCommunityId, organisationIds } = parseInput(addHealthCommunityMembersInput, raw);
  return transact(unit, requireSignedIn(actor), async (work) => {
    await requireRegionalAdmin(work.tx, actor);
    const stored = await work.tx.healthCommunityMember.findMany({
      where: { healthCommunityId, organisationId: { in: organisationIds } },
      select: { organisationId: true },
    });
    const present = presentOf(
      organisationIds,
      stored.map((m) => m.organisationId),
    );
    return applyImport(work, {
      entityType: "Organisation",
      action: "health_community.members",
      id: healthCommunityId,
      organisationId: healthCommunityId,
      stored: { members: present },
      next: { members: presentOf(organisationIds, organisationIds) },
      create: async () => undefined,
      update: () =>
        work.tx.healthCommunityMember.createMany({
          data: organisationIds.map((organisationId) => ({ healthCommunityId, organisationId })),
          skipDuplicates: true,
        }),
    });
  });
}
