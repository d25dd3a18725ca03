import { BlockList, isIP } from "node:net";

// The address of the client behind a request. Behind a load balancer or the web container's
// nginx every request comes from the proxy, so anonymous clients would share one rate-limit
// bucket; the proxies name the client in X-Forwarded-For. That header is believed only when the
// peer is a configured trusted proxy (TRUSTED_PROXIES), and then only as far back as the chain
// of trusted proxies goes: anything a client writes into the header itself sits to the left of
// what the trusted proxies appended, and is never reached.

export interface TrustedProxies {
  /** True when `address` (IPv4 or IPv6, as written by Node or a proxy) is a trusted proxy. */
  has(address: string): boolean;
  readonly size: number;
}

/** A matcher for IPv4/IPv6 addresses and CIDR ranges such as "10.0.0.0/8" or "fd00::/8". */
export function trustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", bits] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (isIP(address) === 0) throw new RangeError(`not an IP address or CIDR range: ${entry}`);
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return {
    size: entries.length,
    has(address) {
      const plain = normaliseAddress(address);
      if (!plain) return false;
      return list.check(plain, isIP(plain) === 6 ? "ipv6" : "ipv4");
    },
  };
}

/**
 * An address in its plain form: IPv4-mapped IPv6 ("::ffff:10.0.0.1") as IPv4, a port or
 * brackets some proxies add ("10.0.0.1:5123", "[::1]:5123") removed; null when not an address.
 */
export function normaliseAddress(value: string): string | null {
  let v = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) v = bracketed[1]!;
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(v);
  if (withPort) v = withPort[1]!;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(v);
  if (mapped) v = mapped[1]!;
  return isIP(v) === 0 ? null : v.toLowerCase();
}

/**
 * The client's address: the socket peer, unless the peer is a trusted proxy; then the
 * X-Forwarded-For entries from the right, skipping trusted proxies, up to the first address that
 * is not one. A malformed entry ends the walk at the last address known to be good.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trusted: TrustedProxies,
): string | undefined {
  const direct = peer ? normaliseAddress(peer) : null;
  if (!direct) return peer;
  if (trusted.size === 0 || !trusted.has(direct) || !forwardedFor) return direct;
  const hops = forwardedFor.split(",");
  let client = direct;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]!);
    if (!hop) return client;
    client = hop;
    if (!trusted.has(hop)) return hop;
  }
  return client;
}

/** The socket peer's address of a request served by @hono/node-server; undefined in-process. */
export function socketAddress(env: unknown): string | undefined {
  return (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
    ?.remoteAddress;
}
