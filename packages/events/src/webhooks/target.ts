import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import { z } from "zod";
import { classifyAddress, inNetworks, parseAddress, parseNetworks } from "./address.js";

// Webhook URLs come from integrators, so the hub must not become a way into its own network
// (server-side request forgery). Only http(s) is spoken, and every address a target host
// resolves to must be public unicast (address.ts) unless the operator allow-listed its network.
// The check runs when a subscription is made (to refuse it early) and again, through
// `webhookLookup`, inside the connection itself: a name that answered with a public address
// then and a private one now (DNS rebinding) is refused before any byte is sent.

/** A refused target. `message` is short and fixed, fit for the delivery log. */
export class WebhookTargetError extends Error {}

/** All addresses of a host name, as the system resolver gives them. */
export type Resolver = (host: string) => Promise<readonly { address: string; family: number }[]>;

const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

export interface WebhookTargetPolicy {
  /** Non-public networks webhooks may reach all the same (WEBHOOK_ALLOWED_PRIVATE_CIDRS). */
  readonly allowedPrivate: ReturnType<typeof parseNetworks>;
  readonly resolve: Resolver;
}

/**
 * The rule webhooks go by: public addresses, plus the networks in `allowedPrivateCidrs`
 * (addresses or CIDR ranges). `resolve` stands in for DNS in tests.
 */
export function webhookTargetPolicy(
  allowedPrivateCidrs: readonly string[] = [],
  resolve: Resolver = systemResolver,
): WebhookTargetPolicy {
  return { allowedPrivate: parseNetworks(allowedPrivateCidrs), resolve };
}

/**
 * WEBHOOK_ALLOWED_PRIVATE_CIDRS, for the gateway's and the worker's environment: comma-separated
 * addresses or CIDR ranges. Empty (the default) allows public addresses only.
 */
export const allowedPrivateCidrsSetting = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .superRefine((entries, ctx) => {
    for (const entry of entries) {
      try {
        parseNetworks([entry]);
      } catch {
        ctx.addIssue({ code: "custom", message: `not an IP address or CIDR range: ${entry}` });
      }
    }
  });

/** Throws unless `address` may receive webhooks under `policy`. */
export function assertDeliverable(address: string, policy: WebhookTargetPolicy): void {
  const kind = classifyAddress(address);
  if (kind === "public") return;
  if (kind !== "never" && kind !== "invalid" && inNetworks(address, policy.allowedPrivate)) return;
  throw new WebhookTargetError("refused: not a public address");
}

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

/** The URL's host as an IP address literal (brackets off), or null when it is a name. */
export function literalAddress(url: URL): string | null {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  // The WHATWG parser has already turned 2130706433, 0x7f.1 and 017700000001 into 127.0.0.1.
  return parseAddress(host) ? host : null;
}

async function resolveChecked(host: string, policy: WebhookTargetPolicy) {
  let answers: readonly { address: string; family: number }[];
  try {
    answers = await policy.resolve(host);
  } catch {
    throw new WebhookTargetError("refused: host does not resolve");
  }
  if (answers.length === 0) throw new WebhookTargetError("refused: host does not resolve");
  // Every answer, not the first: a connection may try any of them (happy eyeballs, retries).
  for (const answer of answers) assertDeliverable(answer.address, policy);
  return answers;
}

/**
 * Checks a webhook URL as a subscription is made: its form, and every address its host resolves
 * to now. Delivery checks again at connect time (`webhookLookup`).
 */
export async function checkWebhookTarget(value: string, policy: WebhookTargetPolicy): Promise<URL> {
  const url = parseWebhookUrl(value);
  const literal = literalAddress(url);
  if (literal) assertDeliverable(literal, policy);
  else await resolveChecked(url.hostname, policy);
  return url;
}

/**
 * A `lookup` for http(s) agents: resolves through the policy's resolver and refuses the
 * connection unless every address is deliverable. Node calls it for host names only, so IP
 * literals are checked before the request (`literalAddress` + `assertDeliverable`).
 */
export function webhookLookup(policy: WebhookTargetPolicy): LookupFunction {
  return (hostname, options, callback) => {
    resolveChecked(hostname, policy).then(
      (answers) => {
        const asked = options.family;
        const family = asked === 4 || asked === "IPv4" ? 4 : asked === 6 || asked === "IPv6" ? 6 : 0;
        const usable = answers.filter((a) => family === 0 || a.family === family);
        if (usable.length === 0) {
          callback(new WebhookTargetError("refused: host does not resolve"), "", 0);
        } else if (options.all) {
          callback(
            null,
            usable.map((a) => ({ address: a.address, family: a.family })),
          );
        } else {
          const first = usable[0] as { address: string; family: number };
          callback(null, first.address, first.family);
        }
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, "", 0),
    );
  };
}
