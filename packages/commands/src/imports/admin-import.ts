import type { EventType } from "@samspill/events";
import { type Actor, requireSignedIn } from "../actor.js";
import { requireRegionalAdmin } from "../organisations/regional-admin.js";
import { type Tx, transact, type Unit } from "../unit-of-work.js";
import { applyImport, type Imported, type ImportSpec, type ImportTarget } from "./apply-import.js";

/**
 * An import of what the region's admins keep (organisations, people, agreements, action plans):
 * authorised once for the system or a regional admin, then loaded and applied in one transaction.
 */
export function importAsRegionalAdmin<T extends EventType>(
  unit: Unit,
  actor: Actor | null,
  target: ImportTarget,
  row: (tx: Tx) => Promise<Omit<ImportSpec<T>, keyof ImportTarget> & Partial<ImportTarget>>,
): Promise<Imported> {
  return transact(unit, requireSignedIn(actor), async (work) => {
    await requireRegionalAdmin(work.tx, actor);
    return applyImport(work, { ...target, ...(await row(work.tx)) });
  });
}
