import ipaddr from "ipaddr.js";

// Which IP addresses a webhook may be sent to. Parsing and the special-purpose ranges come from
// ipaddr.js (the IANA registries as a maintained table); on top of it, the IPv6 forms that carry
// an IPv4 address inside are judged by that IPv4 address, since that is where the packets end up.

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** "public", or the kind of range that makes an address no place to send webhooks to. */
export type AddressClass = "public" | "invalid" | "never" | string;

/** Ranges no allow-list opens: they name no single host (or every host). */
const neverRanges = new Set(["unspecified", "broadcast", "multicast"]);

/** IPv6 global unicast (RFC 4291): anything outside it is special, whatever ipaddr.js calls it. */
const globalUnicast = ipaddr.IPv6.parse("2000::");

/** NAT64's well-known prefix (RFC 6052): the IPv4 address is the last 32 bits. */
const nat64 = ipaddr.IPv6.parse("64:ff9b::");

function ipv4Of(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** The IPv4 addresses an IPv6 transition address delivers to; null when it embeds none. */
function embeddedIPv4(address: ipaddr.IPv6, range: string): ipaddr.IPv4[] | null {
  const p = address.parts as [number, number, number, number, number, number, number, number];
  switch (range) {
    case "rfc6052":
      // The well-known /96 embeds an IPv4 address at the end; 64:ff9b:1::/48 is for local use
      // (RFC 8215), with the IPv4 part wherever the local network put it: never public.
      return address.match(nat64, 96) ? [ipv4Of(p[6], p[7])] : [];
    case "6to4":
      // 2002:AABB:CCDD::/48 is the 6to4 site of AA.BB.CC.DD (RFC 3056).
      return [ipv4Of(p[1], p[2])];
    case "teredo":
      // 2001:0:SSSS:SSSS:flags:port:CCCC:CCCC: the Teredo server, and the client's address with
      // every bit flipped (RFC 4380). Both must be public.
      return [ipv4Of(p[2], p[3]), ipv4Of(p[6] ^ 0xffff, p[7] ^ 0xffff)];
    default:
      return null;
  }
}

function classifyParsed(address: Address): AddressClass {
  const range = address.range();
  if (neverRanges.has(range)) return "never";
  if (address.kind() === "ipv4") return range === "unicast" ? "public" : range;
  const v6 = address as ipaddr.IPv6;
  const inner = embeddedIPv4(v6, range);
  if (inner) {
    if (inner.length === 0) return range;
    const worst = inner.map(classifyParsed).find((c) => c !== "public");
    return worst ? `${range} of ${worst}` : "public";
  }
  if (range !== "unicast") return range;
  // ::/8 (IPv4-compatible ::a.b.c.d and the rest of IETF's reserved block), 5f00::/16 … all of
  // it is outside 2000::/3 and none of it is the public internet.
  return v6.match(globalUnicast, 3) ? "public" : "reserved";
}

/** Parses an IP address (IPv4-mapped IPv6 unwrapped to IPv4); null when it is not one. */
export function parseAddress(text: string): Address | null {
  const bare = text.replace(/^\[(.*)\]$/, "$1");
  // Zone ids (fe80::1%eth0) name an interface of this host: never a webhook target.
  if (bare.includes("%") || !ipaddr.isValid(bare)) return null;
  // isValid also takes inet_aton's shorthand ("127.1", "0x7f.1", "2130706433"); the URL parser
  // already rewrote those to dotted quads, and a resolver never answers with them.
  try {
    return ipaddr.process(bare);
  } catch {
    return null;
  }
}

/**
 * "public" when `text` is a public unicast address; otherwise the reason it is not ("loopback",
 * "private", "6to4 of loopback" …), "never" for addresses no allow-list opens, "invalid" for
 * anything that is not an IP address.
 */
export function classifyAddress(text: string): AddressClass {
  const address = parseAddress(text);
  return address ? classifyParsed(address) : "invalid";
}

/** Parsed CIDR ranges (a bare address counts as a /32 or /128); throws on a malformed entry. */
export function parseNetworks(entries: readonly string[]): [Address, number][] {
  return entries.map((entry) => {
    const text = entry.trim();
    if (ipaddr.isValidCIDR(text)) {
      const [net, bits] = ipaddr.parseCIDR(text);
      // An IPv4-mapped range is the IPv4 range: addresses are compared unwrapped.
      if (net.kind() === "ipv6" && (net as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
        return [(net as ipaddr.IPv6).toIPv4Address(), bits - 96];
      }
      return [net, bits];
    }
    const address = parseAddress(text);
    if (!address) throw new Error(`not an IP address or CIDR range: ${text}`);
    return [address, address.kind() === "ipv4" ? 32 : 128];
  });
}

/** Whether `text` (an IP address) lies in one of `networks`. */
export function inNetworks(text: string, networks: readonly [Address, number][]): boolean {
  const address = parseAddress(text);
  return (
    address !== null &&
    networks.some(([net, bits]) => net.kind() === address.kind() && address.match(net, bits))
  );
}
