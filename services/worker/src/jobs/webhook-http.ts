import { lookup } from "node:dns/promises";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockList, isIP } from "node:net";

// Webhook URLs come from integrators, so the worker must not become a way into the hub's own
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

export interface PostResult {
  status: number;
  /** The start of the answer, for the delivery log. */
  bodyExcerpt: string;
}

export interface PostOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  allowPrivateNetworks: boolean;
}

/** POSTs `body` to `target` at an address checked against the private ranges. */
export async function postWebhook(target: string, body: string, options: PostOptions): Promise<PostResult> {
  const url = parseWebhookUrl(target);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true, verbatim: true });
  if (addresses.length === 0) throw new WebhookTargetError(`${host} does not resolve`);
  if (!options.allowPrivateNetworks && addresses.some((a) => isPrivateAddress(a.address))) {
    throw new WebhookTargetError(`${host} resolves to a private or loopback address`);
  }
  const address = addresses[0]?.address as string;
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<PostResult>((resolve, reject) => {
    const req = request(
      {
        host: address,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: "POST",
        servername: isIP(host) ? undefined : host,
        headers: {
          ...options.headers,
          host: url.host,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (res) => {
        let excerpt = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          if (excerpt.length < 500) excerpt += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, bodyExcerpt: excerpt.slice(0, 500) }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
