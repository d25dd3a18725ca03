import { describe, expect, it } from "vitest";
import { createApiTokenInput, roleWithin } from "./api-token.js";

describe("roleWithin", () => {
  it("lets a role pass on itself and the roles it includes, nothing beyond", () => {
    expect(roleWithin("VIEWER", "EDITOR")).toBe(true);
    expect(roleWithin("REPORTER", "EDITOR")).toBe(true);
    expect(roleWithin("EDITOR", "EDITOR")).toBe(true);
    expect(roleWithin("ADMIN", "EDITOR")).toBe(false);
    expect(roleWithin("FORUM_MEMBER", "EDITOR")).toBe(false);
    expect(roleWithin("EDITOR", "REPORTER")).toBe(false);
    expect(roleWithin("FORUM_MEMBER", "ADMIN")).toBe(true);
  });
});

describe("createApiTokenInput", () => {
  const base = { organisationId: "0190a0a0-0000-7000-8000-000000000000", name: "Kursportal", role: "VIEWER" };

  it("accepts only known scopes, and not both ways of giving a lifetime", () => {
    expect(createApiTokenInput.safeParse({ ...base, scopes: ["read", "read"] }).data?.scopes).toEqual([
      "read",
    ]);
    expect(createApiTokenInput.safeParse({ ...base, scopes: ["admin:everything"] }).success).toBe(false);
    expect(createApiTokenInput.safeParse({ ...base, scopes: [] }).success).toBe(false);
    const both = createApiTokenInput.safeParse({
      ...base,
      expiresInDays: 5,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    expect(both.error?.issues.map((i) => i.path.join("."))).toEqual(["expiresInDays"]);
  });
});
