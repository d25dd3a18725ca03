import type { Actor } from "../actor.js";
import { transactAsAdmin } from "../organisation-admin.js";
import type { Tx, Unit } from "../unit-of-work.js";

const loadSubscription = (tx: Tx, id: string) =>
  tx.webhookSubscription.findUnique({ where: { id }, select: { organisationId: true, url: true } });

/**
 * Deletes a subscription and its delivery log (pending deliveries are dropped), as the
 * organisation's ADMIN. An unknown id is refused like someone else's subscription.
 */
export function deleteWebhookSubscription(unit: Unit, actor: Actor | null, input: { id: string }) {
  return transactAsAdmin(unit, actor, input, loadSubscription, async ({ tx, record }, subscription, id) => {
    await tx.webhookSubscription.delete({ where: { id } });
    await record({
      action: "webhookSubscription.delete",
      entityType: "WebhookSubscription",
      entityId: id,
      organisationId: subscription.organisationId,
      changes: { url: subscription.url },
    });
    return { id };
  });
}
