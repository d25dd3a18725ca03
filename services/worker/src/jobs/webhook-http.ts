import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import {
  assertDeliverable,
  literalAddress,
  parseWebhookUrl,
  WebhookTargetError,
  type WebhookTargetPolicy,
  webhookLookup,
} from "@samspill/events/webhooks";

// Delivery of one webhook POST. Which addresses may receive webhooks is decided in
// @samspill/events/webhooks, by the same rule the subscription was checked with. Here it is
// applied where it counts: the agent's `lookup` checks every address the host resolves to at
// connect time, so a name that turned private since (DNS rebinding) is never connected to.
// Redirects are not followed (a 3xx is a failed attempt), and the answer's body is never read:
// what a target says must not end up in the hub's delivery log.

export interface PostOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  targets: WebhookTargetPolicy;
}

/** POSTs `body` to `target`; resolves with the answer's status, rejects when no answer came. */
export async function postWebhook(target: string, body: string, options: PostOptions): Promise<number> {
  const url = parseWebhookUrl(target);
  // Node skips `lookup` for IP literals, so those are checked here.
  const literal = literalAddress(url);
  if (literal) assertDeliverable(literal, options.targets);
  const https = url.protocol === "https:";
  // One agent per attempt, without keep-alive: no socket opened under another check is reused.
  const agent = https
    ? new HttpsAgent({ keepAlive: false, lookup: webhookLookup(options.targets) })
    : new HttpAgent({ keepAlive: false, lookup: webhookLookup(options.targets) });
  const request = https ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const req = request(url, {
      agent,
      method: "POST",
      headers: {
        ...options.headers,
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    req.on("response", (res) => {
      resolve(res.statusCode ?? 0);
      res.destroy();
    });
    req.on("error", reject);
    req.end(body);
  }).finally(() => agent.destroy());
}

/**
 * What the delivery log says about an attempt that got no answer: a short, fixed text, never an
 * error message that could carry what the target or its TLS certificate said.
 */
export function failureReason(error: unknown): string {
  if (error instanceof WebhookTargetError) return error.message.slice(0, 100);
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  if (name === "TimeoutError" || name === "AbortError" || code === "ABORT_ERR") return "timeout";
  if (typeof code === "string" && /^[A-Z][A-Z0-9_]{1,47}$/.test(code)) return `network error: ${code}`;
  return "network error";
}
