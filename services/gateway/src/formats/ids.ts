import { createHash } from "node:crypto";

// HSDS gives every nested record (phone, language, schedule, area, taxonomy term) its own UUID,
// but the hub stores them as columns of the offer. Name-based UUIDs (RFC 9562 version 5) keep
// them stable between exports, so consumers can diff feeds instead of seeing churn.

const samspillNamespace = Buffer.from("bae16fac64f2496a9ed498eae4ea62b1", "hex");

/** A stable UUID derived from the given parts, e.g. `derivedUuid(offer.id, "phone")`. */
export function derivedUuid(...parts: readonly string[]): string {
  const hash = createHash("sha1").update(samspillNamespace).update(parts.join("\u001f")).digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
