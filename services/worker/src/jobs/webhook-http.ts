import { lookup } from "node:dns/promises";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { isPrivateAddress, parseWebhookUrl, WebhookTargetError } from "@samspill/events/webhooks";

// Delivery of one webhook POST. Which URLs and addresses may receive webhooks is decided in
// @samspill/events/webhooks, so the gateway checks a subscription's URL by the same rule.

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
