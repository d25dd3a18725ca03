import { describe, expect, it } from "vitest";
import { classifyAddress } from "./address.js";
import {
  allowedPrivateCidrsSetting,
  checkWebhookTarget,
  type Resolver,
  WebhookTargetError,
  webhookTargetPolicy,
} from "./target.js";

// Every spelling of an internal address an integrator could hand the hub as a webhook URL, and
// host names resolving to one. Each must be refused; a few public ones must pass.

/** A DNS stand-in: names to their A/AAAA answers. */
function zone(records: Record<string, string[]>): Resolver {
  return async (host) => {
    const answers = records[host];
    if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return answers.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
}

const dns = zone({
  "localhost.example": ["127.0.0.1", "::1"],
  "intranet.example": ["10.1.2.3"],
  "mixed.example": ["93.184.215.14", "192.168.1.10"],
  "mapped.example": ["::ffff:127.0.0.1"],
  "metadata.example": ["169.254.169.254"],
  "nat64-private.example": ["64:ff9b::a00:1"],
  "ula.example": ["fd00::1"],
  "empty.example": [],
  "public.example": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
  "dns64.example": ["64:ff9b::808:808"],
});

const refused: [string, string][] = [
  // IPv4 loopback and its other spellings (the URL parser normalises them to 127.0.0.1)
  ["loopback", "http://127.0.0.1/"],
  ["loopback /8", "http://127.255.255.254/"],
  ["decimal", "http://2130706433/"],
  ["hex", "http://0x7f.1/"],
  ["hex, one part", "http://0x7f000001/"],
  ["octal", "http://017700000001/"],
  ["short form", "http://127.1/"],
  // other special-purpose IPv4
  ["this network", "http://0.0.0.0/"],
  ["this network, zero", "http://0/"],
  ["0/8", "http://0.1.2.3/"],
  ["RFC 1918 10/8", "http://10.0.0.1/"],
  ["RFC 1918 172.16/12", "http://172.31.255.255/"],
  ["RFC 1918 192.168/16", "http://192.168.1.1/"],
  ["CGNAT 100.64/10", "http://100.64.0.1/"],
  ["CGNAT, top", "http://100.127.255.254/"],
  ["link-local (cloud metadata)", "http://169.254.169.254/latest/meta-data/"],
  ["benchmarking 198.18/15", "http://198.18.0.1/"],
  ["benchmarking, top", "http://198.19.255.255/"],
  ["IETF 192.0.0/24", "http://192.0.0.1/"],
  ["documentation TEST-NET-1", "http://192.0.2.1/"],
  ["documentation TEST-NET-2", "http://198.51.100.1/"],
  ["documentation TEST-NET-3", "http://203.0.113.1/"],
  ["6to4 relay anycast", "http://192.88.99.1/"],
  ["multicast", "http://224.0.0.1/"],
  ["multicast SSDP", "http://239.255.255.250/"],
  ["240/4", "http://240.0.0.1/"],
  ["broadcast", "http://255.255.255.255/"],
  // IPv6
  ["IPv6 loopback", "http://[::1]/"],
  ["IPv6 loopback, long", "http://[0:0:0:0:0:0:0:1]/"],
  ["IPv6 unspecified", "http://[::]/"],
  ["IPv4-mapped dotted", "http://[::ffff:127.0.0.1]/"],
  ["IPv4-mapped hex", "http://[::ffff:7f00:1]/"],
  ["IPv4-mapped private", "http://[::ffff:10.0.0.1]/"],
  ["IPv4-mapped metadata", "http://[::ffff:a9fe:a9fe]/"],
  ["IPv4-translated (SIIT)", "http://[::ffff:0:7f00:1]/"],
  ["IPv4-compatible", "http://[::127.0.0.1]/"],
  ["IPv4-compatible public", "http://[::8.8.8.8]/"],
  ["NAT64 of loopback", "http://[64:ff9b::127.0.0.1]/"],
  ["NAT64 of loopback, hex", "http://[64:ff9b::7f00:1]/"],
  ["NAT64 of private", "http://[64:ff9b::a00:1]/"],
  ["NAT64 of metadata", "http://[64:ff9b::a9fe:a9fe]/"],
  ["NAT64 local-use", "http://[64:ff9b:1::a00:1]/"],
  ["NAT64 local-use, public inside", "http://[64:ff9b:1::808:808]/"],
  ["6to4 of loopback", "http://[2002:7f00:1::]/"],
  ["6to4 of private", "http://[2002:c0a8:101::1]/"],
  ["6to4 of metadata", "http://[2002:a9fe:a9fe::1]/"],
  ["Teredo, client loopback (flipped bits)", "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/"],
  ["Teredo, client private", "http://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/"],
  ["Teredo, server private", "http://[2001:0:a00:1::f7f7:f7f7]/"],
  ["link-local", "http://[fe80::1]/"],
  ["link-local, top", "http://[febf::1]/"],
  ["site-local (deprecated)", "http://[fec0::1]/"],
  ["ULA fc00::/7", "http://[fc00::1]/"],
  ["ULA fd", "http://[fd12:3456:789a::1]/"],
  ["multicast all-nodes", "http://[ff02::1]/"],
  ["multicast global", "http://[ff0e::1]/"],
  ["documentation 2001:db8::/32", "http://[2001:db8::1]/"],
  ["documentation 3fff::/20", "http://[3fff::1]/"],
  ["benchmarking 2001:2::/48", "http://[2001:2::1]/"],
  ["ORCHID", "http://[2001:10::1]/"],
  ["discard 100::/64", "http://[100::1]/"],
  ["segment routing", "http://[5f00::1]/"],
  // host names: every answer counts
  ["name to loopback", "http://localhost.example/"],
  ["name to private", "https://intranet.example/hook"],
  ["name with one private answer of two", "http://mixed.example/"],
  ["name to IPv4-mapped loopback", "http://mapped.example/"],
  ["name to metadata", "http://metadata.example/"],
  ["name to NAT64 of private", "http://nat64-private.example/"],
  ["name to ULA", "http://ula.example/"],
  ["name with no answer", "http://empty.example/"],
  ["name that does not resolve", "http://nowhere.example/"],
];

const accepted: [string, string][] = [
  ["public IPv4", "https://93.184.215.14/hook"],
  ["public IPv4 with port", "http://8.8.8.8:8080/hook"],
  ["public IPv6", "https://[2606:4700:4700::1111]/hook"],
  ["IPv4-mapped public", "http://[::ffff:8.8.8.8]/"],
  ["NAT64 of public (DNS64)", "http://[64:ff9b::808:808]/"],
  ["6to4 of public", "http://[2002:808:808::1]/"],
  ["Teredo, both public", "http://[2001:0:4136:e378:8000:63bf:f7f7:f7f7]/"],
  ["name to public A and AAAA", "https://public.example/hook"],
  ["name to NAT64 of public", "https://dns64.example/hook"],
];

const publicOnly = webhookTargetPolicy([], dns);

describe("webhook targets", () => {
  it.each(refused)("refuses %s: %s", async (_what, url) => {
    await expect(checkWebhookTarget(url, publicOnly)).rejects.toBeInstanceOf(WebhookTargetError);
  });

  it.each(accepted)("accepts %s: %s", async (_what, url) => {
    await expect(checkWebhookTarget(url, publicOnly)).resolves.toBeInstanceOf(URL);
  });

  it.each(["ftp://example.org/", "javascript:alert(1)", "https://user:pw@93.184.215.14/", "not a url"])(
    "refuses the URL %s",
    async (url) => {
      await expect(checkWebhookTarget(url, publicOnly)).rejects.toBeInstanceOf(WebhookTargetError);
    },
  );

  it("names the range an address falls in", () => {
    expect(classifyAddress("127.0.0.1")).toBe("loopback");
    expect(classifyAddress("::ffff:7f00:1")).toBe("loopback");
    expect(classifyAddress("2002:7f00:1::")).toBe("6to4 of loopback");
    expect(classifyAddress("2001:0:4136:e378:8000:63bf:80ff:fffe")).toBe("teredo of loopback");
    expect(classifyAddress("64:ff9b::a00:1")).toBe("rfc6052 of private");
    expect(classifyAddress("198.18.0.1")).toBe("reserved");
    expect(classifyAddress("fe80::1%eth0")).toBe("invalid");
    expect(classifyAddress("example.org")).toBe("invalid");
  });
});

describe("the private allow-list", () => {
  const loopback = webhookTargetPolicy(["127.0.0.1/32", "fd00::/8"], dns);

  it("opens exactly the listed networks, in every spelling of their addresses", async () => {
    for (const url of [
      "http://127.0.0.1:8080/",
      "http://[::ffff:127.0.0.1]/",
      "http://2130706433/",
      "http://[fd00::1]/",
    ]) {
      await expect(checkWebhookTarget(url, loopback), url).resolves.toBeInstanceOf(URL);
    }
    for (const url of [
      "http://127.0.0.2/",
      "http://10.0.0.1/",
      "http://[::1]/",
      "http://localhost.example/",
    ]) {
      await expect(checkWebhookTarget(url, loopback), url).rejects.toBeInstanceOf(WebhookTargetError);
    }
  });

  it("never opens the unspecified, broadcast or multicast addresses", async () => {
    const everything = webhookTargetPolicy(["0.0.0.0/0", "::/0"], dns);
    await expect(checkWebhookTarget("http://10.0.0.1/", everything)).resolves.toBeInstanceOf(URL);
    for (const url of [
      "http://0.0.0.0/",
      "http://255.255.255.255/",
      "http://224.0.0.1/",
      "http://[::]/",
      "http://[ff02::1]/",
    ]) {
      await expect(checkWebhookTarget(url, everything), url).rejects.toBeInstanceOf(WebhookTargetError);
    }
  });

  it("is read from a comma-separated setting of addresses and CIDR ranges", () => {
    expect(allowedPrivateCidrsSetting.parse(undefined)).toEqual([]);
    expect(allowedPrivateCidrsSetting.parse(" 10.0.0.0/8, ::1 ,")).toEqual(["10.0.0.0/8", "::1"]);
    expect(allowedPrivateCidrsSetting.safeParse("10.0.0.0/8,intranet").success).toBe(false);
    expect(allowedPrivateCidrsSetting.safeParse("10.0.0.0/33").success).toBe(false);
  });
});
