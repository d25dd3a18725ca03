import { createHash, randomBytes } from "node:crypto";

// The API token's secret. The clear token is shown once, in the answer to its creation; the
// database keeps only its SHA-256 (a high-entropy random secret needs no slow hash) and a short
// prefix so people can tell their tokens apart. The gateway recognises bearer tokens by the same
// format and hash.

export const apiTokenPrefix = "sp_";

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
