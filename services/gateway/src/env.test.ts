import { describe, expect, it } from "vitest";
import { parseGatewayEnv } from "./env.js";

const base = { DATABASE_URL: "postgresql://x@localhost/db", REDIS_URL: "redis://localhost:6379" };

describe("SMALL_COUNT_THRESHOLD", () => {
  it("is 5 unless set, and may be raised", () => {
    expect(parseGatewayEnv(base).SMALL_COUNT_THRESHOLD).toBe(5);
    expect(parseGatewayEnv({ ...base, SMALL_COUNT_THRESHOLD: "10" }).SMALL_COUNT_THRESHOLD).toBe(10);
  });

  it("may not go below 5, nor be anything but a whole number", () => {
    expect(() => parseGatewayEnv({ ...base, SMALL_COUNT_THRESHOLD: "3" })).toThrow(/SMALL_COUNT_THRESHOLD/);
    expect(() => parseGatewayEnv({ ...base, SMALL_COUNT_THRESHOLD: "7.5" })).toThrow(/SMALL_COUNT_THRESHOLD/);
    expect(() => parseGatewayEnv({ ...base, SMALL_COUNT_THRESHOLD: "five" })).toThrow(
      /SMALL_COUNT_THRESHOLD/,
    );
  });
});

describe("optional secrets", () => {
  it("treats an empty value as unset, as compose passes an unset VAR:- through", () => {
    const env = parseGatewayEnv({
      ...base,
      OIDC_CLIENT_SECRET: "",
      OIDC_CLIENT_PRIVATE_JWK: "",
      METRICS_TOKEN: "",
    });
    expect(env.OIDC_CLIENT_SECRET).toBeUndefined();
    expect(env.OIDC_CLIENT_PRIVATE_JWK).toBeUndefined();
    expect(env.METRICS_TOKEN).toBeUndefined();
    expect(() => parseGatewayEnv({ ...base, METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN/);
  });
});

describe("API token lifetimes", () => {
  it("default to 90 days, at most 365, and the default may not exceed the maximum", () => {
    const env = parseGatewayEnv(base);
    expect([env.API_TOKEN_DEFAULT_DAYS, env.API_TOKEN_MAX_DAYS]).toEqual([90, 365]);
    expect(() => parseGatewayEnv({ ...base, API_TOKEN_DEFAULT_DAYS: "30", API_TOKEN_MAX_DAYS: "7" })).toThrow(
      /API_TOKEN_DEFAULT_DAYS/,
    );
  });
});

describe("MAIL_LINK_SECRET", () => {
  it("is required in production, 32 characters at least, and not the template's placeholder", () => {
    expect(parseGatewayEnv(base).MAIL_LINK_SECRET).toBeUndefined();
    expect(() => parseGatewayEnv({ ...base, NODE_ENV: "production" })).toThrow(/MAIL_LINK_SECRET/);
    const secret = "k".repeat(32);
    expect(
      parseGatewayEnv({ ...base, NODE_ENV: "production", MAIL_LINK_SECRET: secret }).MAIL_LINK_SECRET,
    ).toBe(secret);
    expect(() => parseGatewayEnv({ ...base, MAIL_LINK_SECRET: "short" })).toThrow(/MAIL_LINK_SECRET/);
    expect(() =>
      parseGatewayEnv({ ...base, MAIL_LINK_SECRET: "REPLACE-with-48-random-bytes-in-base64" }),
    ).toThrow(/MAIL_LINK_SECRET/);
  });
});
