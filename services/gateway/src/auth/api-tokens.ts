import { hashApiToken, looksLikeApiToken } from "@samspill/commands";
import type { Database } from "@samspill/database";
import { isApiTokenScope } from "@samspill/domain";
import type { Viewer } from "../context.js";

// API tokens let an organisation's systems call the API without a person. The token's format,
// its minting and its hash live with the commands that create and revoke tokens
// (packages/commands/src/tokens); here a bearer token becomes a viewer.

const lastUsedResolutionMs = 60_000;

/** The token's viewer: one membership, the token's organisation and role. */
export async function resolveApiToken(db: Database, token: string, now = new Date()): Promise<Viewer | null> {
  if (!looksLikeApiToken(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      name: true,
      organisationId: true,
      role: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      scopes: true,
    },
  });
  // An expired or revoked token is refused exactly like an unknown one.
  if (!row || row.revokedAt || row.expiresAt <= now) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= lastUsedResolutionMs) {
    // Conditional, so concurrent requests write at most once per minute between them.
    const staleBefore = new Date(now.getTime() - lastUsedResolutionMs);
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  return {
    kind: "API_TOKEN",
    personId: null,
    tokenId: row.id,
    name: row.name,
    memberships: [{ organisationId: row.organisationId, role: row.role }],
    scopes: row.scopes.filter(isApiTokenScope),
    expiresAt: row.expiresAt,
  };
}
