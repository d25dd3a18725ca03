import { describe, expect, it } from "vitest";
import { acceptedRequestId } from "./request-id.js";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("acceptedRequestId", () => {
  it.each([
    "0f6c2d1e-5b7a-4c1e-9d2f-3a4b5c6d7e8f",
    "1-67891233-abcdef012345678912345678",
    "req_42.retry:2",
    "a".repeat(128),
  ])("keeps the plain token %s", (sent) => {
    expect(acceptedRequestId(sent)).toBe(sent);
  });

  it.each([
    undefined,
    "",
    "a".repeat(129),
    "id\nlevel=50 forged log line",
    "id\r\nx",
    "kari.nordmann@example.no",
    "<script>alert(1)</script>",
    "id with spaces",
    "Root=1-67891233",
    "id\u0000nul",
    "ïd",
  ])("replaces %j with a fresh id", (sent) => {
    const id = acceptedRequestId(sent);
    expect(id).toMatch(uuid);
    expect(id).not.toBe(sent);
  });
});
