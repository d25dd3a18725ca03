import { createHmac, timingSafeEqual } from "node:crypto";

// Webhook signatures in the scheme Stripe made familiar:
//
//   Samspill-Signature: t=1732350000,v1=5257a869e7…
//
// v1 is the hex HMAC-SHA256, keyed with the subscription's secret, of `${t}.${body}` where body
// is the raw request body exactly as received. To verify, a receiver:
//   1. splits the header on "," and takes t and every v1 (several v1 may appear while a secret
//      is rotated);
//   2. computes HMAC-SHA256(secret, `${t}.${rawBody}`) as hex;
//   3. compares it with each v1 in constant time (crypto.timingSafeEqual);
//   4. refuses t more than five minutes from its own clock, so a captured request cannot be
//      replayed later. Samspill-Event-Id is stable across retries: use it to drop duplicates.

export const signatureHeader = "Samspill-Signature";
export const defaultToleranceSeconds = 300;

export function signWebhook(secret: string, body: string, timestamp: number): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

/** True when `header` carries a v1 signature of `body` by `secret`, made within the tolerance. */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  options: { now?: number; toleranceSeconds?: number } = {},
): boolean {
  if (!header) return false;
  const parts = header.split(",").map((p) => p.trim().split("=", 2) as [string, string | undefined]);
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  if (!Number.isInteger(t)) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? defaultToleranceSeconds)) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(`${t}.${body}`).digest("hex"));
  return parts.some(([k, v]) => {
    if (k !== "v1" || !v) return false;
    const given = Buffer.from(v);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
