import { ForbiddenError } from "@samspill/domain";
import { type Actor, adminRoles, holdsRole } from "../actor.js";
import { requireRegionalAdmin } from "../organisations/regional-admin.js";
import type { Tx } from "../unit-of-work.js";

// Who manages an organisation's people and units: its own ADMINs, and the admins of the
// regional health authority, who manage every organisation (and set up new ones). Unknown and
// foreign ids are refused alike, so an answer never tells whether an id exists.

export async function requireOrganisationAdmin(
  tx: Tx,
  actor: Actor | null,
  organisationId: string,
): Promise<Actor> {
  if (!actor) throw new ForbiddenError();
  if (holdsRole(actor, organisationId, adminRoles)) return actor;
  return requireRegionalAdmin(tx, actor);
}

/**
 * Serialises changes to one organisation's admins: a row lock on the organisation, held to the
 * end of the transaction. Two admins removing each other at once would otherwise each see the
 * other still there and both succeed, leaving nobody.
 */
export async function lockOrganisation(tx: Tx, organisationId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Organisation" WHERE id = ${organisationId}::uuid FOR UPDATE`;
  return rows.length === 1;
}
