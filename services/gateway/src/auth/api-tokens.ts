import { createHash, randomBytes } from "node:crypto";
import type { Database } from "@samspill/database";
import type { Viewer } from "../context.js";

// API tokens let an organisation's systems call the API without a person. The clear token is
// shown once at creation; the database keeps only its SHA-256 (a high-entropy random secret
// needs no slow hash) and a short prefix so people can tell their tokens apart.

export const apiTokenPrefix = "sp_";
const lastUsedResolutionMs = 60_000;

export interface NewApiToken {
  token: string;
  tokenHash: string;
  /** First characters of the token, safe to show in lists. */
  prefix: string;
}

export function generateApiToken(): NewApiToken {
  const token = `${apiTokenPrefix}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashApiToken(token), prefix: token.slice(0, apiTokenPrefix.length + 6) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function looksLikeApiToken(value: string): boolean {
  return /^sp_[A-Za-z0-9_-]{43}$/.test(value);
}

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
    },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
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
  };
}
