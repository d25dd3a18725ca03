import { parseInput, upsertUnitInput } from "@samspill/domain";
import type { Actor } from "../actor.js";
import { importAsRegionalAdmin } from "../imports/admin-import.js";
import type { Imported } from "../imports/apply-import.js";
import type { Unit } from "../unit-of-work.js";

/** Creates a unit (a department, a learning and mastery centre) with the caller's id, or updates it. */
export function upsertUnit(unit: Unit, actor: Actor | null, raw: unknown): Promise<Imported> {
  const { id, ...data } = parseInput(upsertUnitInput, raw);
  return importAsRegionalAdmin(
    unit,
    actor,
    { entityType: "Unit", action: "unit", id, organisationId: data.organisationId },
    async (tx) => ({
      next: data,
      stored: await tx.unit.findUnique({ where: { id } }),
      create: () => tx.unit.create({ data: { id, ...data } }),
      update: () => tx.unit.update({ where: { id }, data }),
    }),
  );
}
