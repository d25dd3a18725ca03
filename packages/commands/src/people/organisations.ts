import { createOrganisationInput, parseInput, updateOrganisationInput } from "@samspill/domain";
import { type Actor, requireSignedIn } from "../actor.js";
import { requireRegionalAdmin } from "../organisations/regional-admin.js";
import { diff, expectVersion, transact, type Unit } from "../unit-of-work.js";
import { requireOrganisationAdmin } from "./access.js";
import { refuseTaken } from "./unique.js";

/** Sets up a new organisation (the regional admin only); its first admin comes by invitation. */
export async function createOrganisation(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const input = parseInput(createOrganisationInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    await requireRegionalAdmin(tx, actor);
    const created = await refuseTaken(() => tx.organisation.create({ data: input, select: { id: true } }));
    await record({
      action: "organisation.create",
      entityType: "Organisation",
      entityId: created.id,
      organisationId: created.id,
      changes: { created: input },
      event: { type: "organisation.created", payload: { id: created.id, version: 1, kind: input.kind } },
    });
    return created;
  });
}

/** Changes an organisation's details, as its admin or the regional admin, on the version shown. */
export async function updateOrganisation(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const { id, version, ...data } = parseInput(updateOrganisationInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    await requireOrganisationAdmin(tx, actor, id);
    const before = await tx.organisation.findUnique({ where: { id } });
    const updated = await refuseTaken(() =>
      tx.organisation.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } }),
    );
    await expectVersion(updated, "Organisation", id, version, () => Promise.resolve(before));
    await record({
      action: "organisation.update",
      entityType: "Organisation",
      entityId: id,
      organisationId: id,
      changes: before ? diff(before, data) : {},
      event: { type: "organisation.updated", payload: { id, version: version + 1 } },
    });
    return { id };
  });
}
