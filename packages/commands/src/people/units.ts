import { createUnitInput, ForbiddenError, parseInput, updateUnitInput, uuid } from "@samspill/domain";
import { type Actor, requireSignedIn } from "../actor.js";
import { diff, transact, type Unit } from "../unit-of-work.js";
import { requireOrganisationAdmin } from "./access.js";
import { refuseTaken } from "./unique.js";

/** Adds a unit (a learning and mastery centre, a clinic, a healthy-living centre) to an organisation. */
export async function createUnit(unit: Unit, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const input = parseInput(createUnitInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    await requireOrganisationAdmin(tx, actor, input.organisationId);
    const created = await refuseTaken(() => tx.unit.create({ data: input, select: { id: true } }));
    await record({
      action: "unit.create",
      entityType: "Unit",
      entityId: created.id,
      organisationId: input.organisationId,
      changes: { created: input },
      event: { type: "unit.created", payload: { id: created.id, organisationId: input.organisationId } },
    });
    return created;
  });
}

/** Renames or reclassifies a unit, as its organisation's admin or the regional admin. */
export async function updateUnit(unit: Unit, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const { id, ...data } = parseInput(updateUnitInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    const before = uuid.safeParse(id).success ? await tx.unit.findUnique({ where: { id } }) : null;
    if (!before) throw new ForbiddenError();
    await requireOrganisationAdmin(tx, actor, before.organisationId);
    await refuseTaken(() => tx.unit.update({ where: { id }, data }));
    await record({
      action: "unit.update",
      entityType: "Unit",
      entityId: id,
      organisationId: before.organisationId,
      changes: diff(before, data),
      event: { type: "unit.updated", payload: { id, organisationId: before.organisationId } },
    });
    return { id };
  });
}
