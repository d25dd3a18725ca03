import { ForbiddenError } from "@samspill/domain";
import { type Actor, adminRoles, editorRoles, holdsRole } from "../actor.js";
import type { Tx } from "../unit-of-work.js";
import { actingOrganisation } from "./agreement-rows.js";

// Who edits which side of an agreement. The shared fields (title, sub-agreement, period, status,
// document) and the party list are the coordinating party's: its admins and editors keep them,
// and so may an admin of the regional health authority whose region holds a party (the region
// keeps the statutory agreements in step). Every party keeps its own side: its responsibilities
// (set-agreement-responsibilities.ts) and the offers it links (link-offer.ts).

export const notTheCoordinator =
  "Only the coordinating party or a regional admin changes the agreement's shared fields and parties / Bare den koordinerende parten eller en regional administrator endrer avtalens felles felt og parter";

/** Regional health authorities in which the actor is an admin and whose region holds a party. */
async function regionalAdminOver(tx: Tx, actor: Actor | null, agreementId: string): Promise<string | null> {
  const adminOf = (actor?.memberships ?? [])
    .map((m) => m.organisationId)
    .filter((id) => holdsRole(actor, id, adminRoles));
  if (adminOf.length === 0) return null;
  const authorities = await tx.organisation.findMany({
    where: { id: { in: adminOf }, kind: "REGIONAL_HEALTH_AUTHORITY" },
    select: { id: true },
  });
  for (const { id } of authorities) {
    const partiesInRegion = await tx.agreementParty.count({
      where: {
        agreementId,
        organisation: {
          OR: [{ id }, { parentId: id }, { municipality: { hospitalTrust: { parentId: id } } }],
        },
      },
    });
    if (partiesInRegion > 0) return id;
  }
  return null;
}

/**
 * The organisation the actor keeps the shared fields for: the coordinator, if they edit for it,
 * else the regional health authority they administer. A party's other editors are told why they
 * are refused; anyone else is refused like a foreign agreement.
 */
export async function asCoordinatorEditor(
  tx: Tx,
  actor: Actor | null,
  agreement: { id: string; coordinatorId: string; parties: readonly { organisationId: string }[] },
): Promise<string> {
  const side = await sharedFieldsEditor(tx, actor, agreement);
  if (side) return side;
  // Throws the not-a-party refusal when the actor edits for no party at all.
  actingOrganisation(
    actor,
    agreement.parties.map((p) => p.organisationId),
  );
  throw new ForbiddenError(notTheCoordinator);
}

/**
 * The organisation for which the actor may change the agreement's shared fields and parties, or
 * null. The web app asks this too, to show the shared fields read-only with the reason.
 */
export async function sharedFieldsEditor(
  tx: Tx,
  actor: Actor | null,
  agreement: { id: string; coordinatorId: string },
): Promise<string | null> {
  if (holdsRole(actor, agreement.coordinatorId, editorRoles)) return agreement.coordinatorId;
  return regionalAdminOver(tx, actor, agreement.id);
}
