import { createHmac, timingSafeEqual } from "node:crypto";
import { type SubscriptionKind, subscriptionKinds } from "@samspill/domain";

// The one-click unsubscribe link of every summary and reminder mail (RFC 8058). It works
// without signing in, so the token itself is the authority: an HMAC-SHA256, under the server
// secret MAIL_LINK_SECRET (shared by the worker, which signs, and the gateway, which checks),
// of the person and the kind of mail. Nobody without the secret can make one for someone else,
// and changing a single character of it breaks the signature. It names no address, only ids.
//
// Format: `v1.<person uuid>.<kind>.<base64url signature>`; every part is URL-safe.

/** Used when MAIL_LINK_SECRET is unset outside production (both services then agree on it). */
export const developmentMailLinkSecret = "samspill-development-mail-link-secret-never-in-production";

export interface UnsubscribeClaim {
  personId: string;
  kind: SubscriptionKind;
}

const version = "v1";
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const mac = (secret: string, claim: UnsubscribeClaim) =>
  createHmac("sha256", secret).update(`unsubscribe:${version}:${claim.personId}:${claim.kind}`).digest();

export function signUnsubscribeToken(secret: string, claim: UnsubscribeClaim): string {
  return [version, claim.personId, claim.kind, mac(secret, claim).toString("base64url")].join(".");
}

/** Why a token was refused: `malformed` (400) cannot be a token at all; `forged` (403) has a wrong signature. */
export type UnsubscribeTokenCheck =
  | { ok: true; claim: UnsubscribeClaim }
  | { ok: false; reason: "malformed" | "forged" };

export function verifyUnsubscribeToken(
  secret: string,
  token: string | null | undefined,
): UnsubscribeTokenCheck {
  const parts = (token ?? "").split(".");
  if (parts.length !== 4) return { ok: false, reason: "malformed" };
  const [v, personId = "", kind = "", signature = ""] = parts;
  if (
    v !== version ||
    !uuidPattern.test(personId) ||
    !isKind(kind) ||
    !/^[A-Za-z0-9_-]{43}$/.test(signature)
  ) {
    return { ok: false, reason: "malformed" };
  }
  const claim = { personId, kind };
  const given = Buffer.from(signature, "base64url");
  const expected = mac(secret, claim);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "forged" };
  return { ok: true, claim };
}

/** One of the subscription kinds, e.g. WEEKLY_DIGEST. */
const isKind = (value: string): value is SubscriptionKind =>
  (subscriptionKinds as readonly string[]).includes(value);

/** MAIL_LINK_SECRET as both services parse it: required (32+ characters) in production. */
export function mailLinkSecretFrom(value: string | undefined, production: boolean): string {
  if (value && value.length >= 32) return value;
  if (value) throw new Error("MAIL_LINK_SECRET must be at least 32 characters");
  if (production) throw new Error("MAIL_LINK_SECRET must be set in production (32+ random characters)");
  return developmentMailLinkSecret;
}
