import { BlockList, isIP } from "node:net";

// Webhook URLs come from integrators, so the hub must not become a way into the hub's own
// network (server-side request forgery). Only http(s) is spoken; in production the host must
// resolve to public addresses only, and the connection goes to the address that was checked
// (no second DNS answer can swap it for an internal one). Redirects are not followed.

const privateV4 = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  privateV4.addSubnet(net, bits, "ipv4");
}
const privateV6 = new BlockList();
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  privateV6.addSubnet(net, bits, "ipv6");
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return privateV4.check(mapped, "ipv4");
  return isIP(address) === 4 ? privateV4.check(address, "ipv4") : privateV6.check(address, "ipv6");
}

export class WebhookTargetError extends Error {}

/** The URL if it may receive webhooks (http or https, no credentials in it); throws otherwise. */
export function parseWebhookUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new WebhookTargetError("not a URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new WebhookTargetError("only http and https URLs receive webhooks");
  }
  if (url.username || url.password) throw new WebhookTargetError("credentials in the URL are not allowed");
  return url;
}
