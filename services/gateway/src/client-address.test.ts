import { describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress, trustedProxies } from "./client-address.js";
import { parseGatewayEnv } from "./env.js";

const proxies = trustedProxies(["10.0.0.0/8", "127.0.0.1", "fd00::/8"]);

describe("clientAddress", () => {
  it("is the socket peer when no proxy is trusted, whatever the header says", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.7", trustedProxies([]))).toBe("127.0.0.1");
    expect(clientAddress("203.0.113.5", "198.51.100.7", proxies)).toBe("203.0.113.5");
  });

  it("walks X-Forwarded-For from the right past trusted proxies to the first other address", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.7", proxies)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", "192.0.2.1, 198.51.100.7, 10.4.4.4", proxies)).toBe("198.51.100.7");
    expect(clientAddress("::ffff:10.0.0.2", "2001:db8::1, fd12::3", proxies)).toBe("2001:db8::1");
  });

  it("stops at a malformed entry, and takes the leftmost when every hop is trusted", () => {
    expect(clientAddress("10.0.0.2", "198.51.100.7, not-an-ip, 10.4.4.4", proxies)).toBe("10.4.4.4");
    expect(clientAddress("10.0.0.2", "10.9.9.9, 10.4.4.4", proxies)).toBe("10.9.9.9");
    expect(clientAddress("10.0.0.2", undefined, proxies)).toBe("10.0.0.2");
  });

  it("normalises the forms proxies write", () => {
    expect(normaliseAddress(" 198.51.100.7:5123 ")).toBe("198.51.100.7");
    expect(normaliseAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normaliseAddress("unknown")).toBeNull();
  });
});

describe("TRUSTED_PROXIES", () => {
  const base = { DATABASE_URL: "postgresql://x@localhost/db", REDIS_URL: "redis://localhost:6379" };

  it("is a comma-separated list of addresses and CIDR ranges, empty by default", () => {
    expect(parseGatewayEnv(base).TRUSTED_PROXIES).toEqual([]);
    expect(
      parseGatewayEnv({ ...base, TRUSTED_PROXIES: "10.0.0.0/8, 127.0.0.1,::1" }).TRUSTED_PROXIES,
    ).toEqual(["10.0.0.0/8", "127.0.0.1", "::1"]);
  });

  it("refuses what is not an address, naming the variable", () => {
    expect(() => parseGatewayEnv({ ...base, TRUSTED_PROXIES: "10.0.0.0/40" })).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseGatewayEnv({ ...base, TRUSTED_PROXIES: "lb.internal" })).toThrow(/TRUSTED_PROXIES/);
  });
});
