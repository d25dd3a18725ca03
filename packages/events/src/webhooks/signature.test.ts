import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "./signature.js";

describe("webhook signatures", () => {
  const body = '{"id":"1","type":"offer.updated"}';
  const t = 1_732_350_000;

  it("verifies its own signature within the tolerance", () => {
    expect(verifyWebhookSignature("s3cret", signWebhook("s3cret", body, t), body, { now: t + 10 })).toBe(
      true,
    );
  });

  it("refuses another secret, a changed body, a stale timestamp and a malformed header", () => {
    const header = signWebhook("s3cret", body, t);
    expect(verifyWebhookSignature("other", header, body, { now: t })).toBe(false);
    expect(verifyWebhookSignature("s3cret", header, `${body} `, { now: t })).toBe(false);
    expect(verifyWebhookSignature("s3cret", header, body, { now: t + 301 })).toBe(false);
    expect(verifyWebhookSignature("s3cret", "v1=abc", body, { now: t })).toBe(false);
    expect(verifyWebhookSignature("s3cret", null, body, { now: t })).toBe(false);
  });

  it("accepts any of several v1 values (secret rotation)", () => {
    const good = signWebhook("s3cret", body, t).split(",")[1];
    expect(verifyWebhookSignature("s3cret", `t=${t},v1=${"0".repeat(64)},${good}`, body, { now: t })).toBe(
      true,
    );
  });
});
