import { describe, expect, it } from "vitest";
import { mailLinkSecretFrom, signUnsubscribeToken, verifyUnsubscribeToken } from "./index.js";

const secret = "s".repeat(40);
const claim = { personId: "0193a4b2-7c1d-7e00-8000-000000000001", kind: "WEEKLY_DIGEST" as const };

describe("unsubscribe tokens", () => {
  it("verify under the secret they were signed with, and give back person and kind", () => {
    const token = signUnsubscribeToken(secret, claim);
    expect(token).toMatch(/^v1\.[0-9a-f-]{36}\.WEEKLY_DIGEST\.[A-Za-z0-9_-]{43}$/);
    expect(verifyUnsubscribeToken(secret, token)).toEqual({ ok: true, claim });
  });

  it("refuse another secret, another person, another kind and an altered signature as forged", () => {
    const token = signUnsubscribeToken(secret, claim);
    expect(verifyUnsubscribeToken("t".repeat(40), token)).toEqual({ ok: false, reason: "forged" });
    const otherPerson = token.replace(claim.personId, "0193a4b2-7c1d-7e00-8000-000000000002");
    expect(verifyUnsubscribeToken(secret, otherPerson)).toEqual({ ok: false, reason: "forged" });
    expect(verifyUnsubscribeToken(secret, token.replace("WEEKLY_DIGEST", "REMINDERS"))).toEqual({
      ok: false,
      reason: "forged",
    });
    const last = token.at(-1) === "A" ? "B" : "A";
    expect(verifyUnsubscribeToken(secret, token.slice(0, -1) + last)).toEqual({
      ok: false,
      reason: "forged",
    });
  });

  it("call anything that is not a token malformed", () => {
    for (const bad of [undefined, "", "v1", "v2.x.y.z", `v1.not-a-uuid.WEEKLY_DIGEST.${"A".repeat(43)}`]) {
      expect(verifyUnsubscribeToken(secret, bad)).toEqual({ ok: false, reason: "malformed" });
    }
    const token = signUnsubscribeToken(secret, claim);
    expect(verifyUnsubscribeToken(secret, token.replace("WEEKLY_DIGEST", "SPAM"))).toEqual({
      ok: false,
      reason: "malformed",
    });
  });

  it("need a real secret in production", () => {
    expect(() => mailLinkSecretFrom(undefined, true)).toThrow(/MAIL_LINK_SECRET/);
    expect(() => mailLinkSecretFrom("short", false)).toThrow(/32/);
    expect(mailLinkSecretFrom(secret, true)).toBe(secret);
  });
});
