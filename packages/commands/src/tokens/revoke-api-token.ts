import { type Actor, requireSignedIn } from "../actor.js";
import { loadAsAdmin } from "../organisation-admin.js";
import { transact, type Unit } from "../unit-of-work.js";

/**
 * Revokes an API token at once, as its organisation's ADMIN. An unknown id is refused like
 * someone else's token, so the answer does not tell whether it exists. Revoking twice keeps the
 * first time and is audited once.
 */
export async function revokeApiToken(
  unit: Unit,
  actor: Actor | null,
  input: { id: string },
): Promise<{ id: string }> {
  const id = String(input.id);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    const token = await loadAsAdmin(actor, id, () =>
      tx.apiToken.findUnique({ where: { id }, select: { organisationId: true } }),
    );
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
