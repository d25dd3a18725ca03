import { ForbiddenError } from "@samspill/domain";
import type { Actor } from "../actor.js";
import type { Tx } from "../unit-of-work.js";

/**
 * The region's organisations, people and plans are kept by the hub itself (seed, import) and by
 * the admins of the regional health authority. Which organisation that is lives in the database,
 * so this check reads it (the system needs no read).
 */
export async function requireRegionalAdmin(tx: Tx, actor: Actor | null): Promise<Actor> {
  if (actor?.kind === "SYSTEM") return actor;
  const adminOf = actor?.memberships.filter((m) => m.role === "ADMIN").map((m) => m.organisationId) ?? [];
  const count = adminOf.length
    ? await tx.organisation.count({ where: { id: { in: adminOf }, kind: "REGIONAL_HEALTH_AUTHORITY" } })
    : 0;
  if (!actor || count === 0) throw new ForbiddenError();
  return actor;
}
