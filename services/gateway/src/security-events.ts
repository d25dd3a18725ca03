import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "pino";
import { Counter, Registry } from "prom-client";

// Refused requests are what someone probing the hub produces: authorisation refusals, rate-limit
// hits and requests without the CSRF header. Each one is logged (a warning with the request id,
// the kind and a short reason; never who asked or what they sent, which may be personal data)
// and counted on the gateway's /metrics, so an alert can fire on a burst of them.
//
// The places that refuse (a Pothos scope check, a command's ForbiddenError, the rate limiter, the
// CSRF guard) sit deep inside libraries' hooks that know nothing of the request. The gateway runs
// every request inside a scope holding its logger and the counter, and `recordSecurityEvent`
// finds them there.

export type SecurityEventKind = "denied" | "rate_limited" | "csrf_failed";

export const securityEventsMetric = "samspill_gateway_security_events_total";

export type SecurityCounter = Counter<"kind" | "reason">;

interface RequestScope {
  log: Logger;
  counter: SecurityCounter;
}

const requestScope = new AsyncLocalStorage<RequestScope>();

/** The counter on `registry` (one per registry, so two gateways on one registry share it). */
export function securityEventCounter(registry: Registry = new Registry()): SecurityCounter {
  const existing = registry.getSingleMetric(securityEventsMetric);
  if (existing) return existing as SecurityCounter;
  return new Counter({
    name: securityEventsMetric,
    help: "Requests refused: denied (authorisation), rate_limited, csrf_failed; by reason",
    labelNames: ["kind", "reason"],
    registers: [registry],
  });
}

/** Runs `fn` (the rest of a request) with its logger and counter in scope. */
export function inRequestScope<T>(log: Logger, counter: SecurityCounter, fn: () => T): T {
  return requestScope.run({ log, counter }, fn);
}

/**
 * Logs and counts one refusal of the current request. `reason` is a short fixed word (a metric
 * label, so never anything a caller chose); `details` may name the GraphQL field or the route,
 * never a person, an address or a credential.
 */
export function recordSecurityEvent(
  kind: SecurityEventKind,
  reason: string,
  details: Record<string, string | undefined> = {},
): void {
  const scope = requestScope.getStore();
  if (!scope) return;
  scope.counter.inc({ kind, reason });
  scope.log.warn({ security: kind, reason, ...details }, `request refused: ${kind}`);
}

/**
 * `recordSecurityEvent` held to the current request, for a refusal that comes after the request's
 * own work, when the scope may be gone: an open subscription stream ended (subscription-guard.ts).
 */
export function securityEventsOfThisRequest(): typeof recordSecurityEvent {
  const scope = requestScope.getStore();
  return (kind, reason, details) => {
    if (scope) requestScope.run(scope, () => recordSecurityEvent(kind, reason, details));
  };
}
