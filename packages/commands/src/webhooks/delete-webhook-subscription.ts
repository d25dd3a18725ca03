import { ForbiddenError, uuid } from "@samspill/domain";
import { type Actor, adminRoles, requireRole, requireSignedIn } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";

/**
 * Deletes a subscription and its delivery log (pending deliveries are dropped), as the
 * organisation's ADMIN. An unknown id is refused like someone else's subscription, so the
 * answer does not tell whether it exists.
 */
export async function deleteWebhookSubscription(
  unit: Unit,
  actor: Actor | null,
  input: { id: string },
): Promise<{ id: string }> {
  const id = String(input.id);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    const row = uuid.safeParse(id).success
      ? await tx.webhookSubscription.findUnique({
          where: { id },
          select: { organisationId: true, url: true },
        })
      : null;
    if (!row) throw new ForbiddenError();
    requireRole(actor, row.organisationId, adminRoles);
    await tx.webhookSubscription.delete({ where: { id } });
    await record({
      action: "webhookSubscription.delete",
      entityType: "WebhookSubscription",
      entityId: id,
      organisationId: row.organisationId,
      changes: { url: row.url },
    });
    return { id };
  });
}
