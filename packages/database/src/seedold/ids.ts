import { createHash } from "node:crypto";

// Seed rows get name-based UUIDs (RFC 9562 version 5) so that seeding again finds the same
// rows and updates them instead of adding copies.
const namespace = Buffer.from("6f1c2a8e4b9d4e0fa3c5d7e9f1a2b3c4", "hex");

export function seedId(name: string): string {
  const hash = createHash("sha1").update(namespace).update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
