import { createHash, randomBytes } from "node:crypto";
import { invitationToken } from "@samspill/domain";

// An invitation link's secret: 32 random bytes. The database keeps only its SHA-256 (a
// high-entropy random secret needs no slow hash), as with API tokens, so a copy of the table
// holds no working link.

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: sha256(token) };
}

/** The stored hash of a link's token; null for anything that cannot be a token at all. */
export function hashInvitationToken(token: string): string | null {
  if (!invitationToken.safeParse(token).success) return null;
  return sha256(token);
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
