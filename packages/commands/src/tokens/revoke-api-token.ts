import type { Actor } from "../actor.js";
import { transactAsAdmin } from "../organisation-admin.js";
import type { Tx, Unit } from "../unit-of-work.js";

const loadToken = (tx: Tx, id: string) =>
  tx.apiToken.findUnique({ where: { id }, select: { organisationId: true } });

/**
 * Revokes an API token at once, as its organisation's ADMIN. An unknown id is refused like
 * someone else's token. Revoking twice keeps the first time and is audited once.
 */
export function revokeApiToken(unit: Unit, actor: Actor | null, input: { id: string }) {
  return transactAsAdmin(unit, actor, input, loadToken, async ({ tx, record }, token, id) => {
    const revokedAt = new Date();
    // Conditional, so of two concurrent revocations only one writes and is audited.
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt } });
    if (count === 1) {
      await record({
        action: "apiToken.revoke",
        entityType: "ApiToken",
        entityId: id,
        organisationId: token.organisationId,
        changes: { revokedAt },
      });
    }
    return { id };
  });
}
