import type { Database } from "@samspill/database";
import type { Viewer } from "../context.js";

/**
 * True when the viewer is ADMIN of the regional health authority: the hub's operators, who may
 * see every queue and every captured mail.
 */
export async function isRegionalAdmin(db: Database, viewer: Viewer | null): Promise<boolean> {
  const adminOf = viewer?.memberships.filter((m) => m.role === "ADMIN").map((m) => m.organisationId) ?? [];
  if (adminOf.length === 0) return false;
  const count = await db.organisation.count({
    where: { id: { in: adminOf }, kind: "REGIONAL_HEALTH_AUTHORITY" },
  });
  return count > 0;
}
