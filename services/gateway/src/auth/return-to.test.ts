import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./return-to.js";

describe("safeReturnTo", () => {
  it("keeps relative paths on our origin, with query and fragment", () => {
    expect(safeReturnTo("/tilbud?kommune=1506#liste")).toBe("/tilbud?kommune=1506#liste");
    expect(safeReturnTo("/")).toBe("/");
  });

  it.each([
    null,
    "",
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "javascript:alert(1)",
    "/\t/evil.example",
    "tilbud",
    `/${"a".repeat(2001)}`,
  ])("falls back to / for %j", (candidate) => {
    expect(safeReturnTo(candidate)).toBe("/");
  });
});
