import { parseInput, upsertUnitInput } from "@samspill/domain";
import { type Actor, requireSignedIn } from "../actor.js";
import { applyImport, type Imported } from "../imports/apply-import.js";
import { transact, type Unit } from "../unit-of-work.js";
import { requireRegionalAdmin } from "./regional-admin.js";

/** Creates a unit (a department, a learning and mastery centre) with the caller's id, or updates it. */
export async function upsertUnit(unit: Unit, actor: Actor | null, raw: unknown): Promise<Imported> {
  const { id, ...data } = parseInput(upsertUnitInput, raw);
  return transact(unit, requireSignedIn(actor), async (work) => {
    await requireRegionalAdmin(work.tx, actor);
    return applyImport(work, {
      entityType: "Unit",
      action: "unit",
      id,
      organisationId: data.organisationId,
      stored: await work.tx.unit.findUnique({ where: { id } }),
      next: data,
      create: () => work.tx.unit.create({ data: { id, ...data } }),
      update: () => work.tx.unit.update({ where: { id }, data }),
    });
  });
}
