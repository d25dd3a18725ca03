import { createHash, timingSafeEqual } from "node:crypto";
import type { Database } from "@samspill/database";
import { Gauge, type Registry } from "prom-client";
import { outboxBacklog } from "./relay.js";

/**
 * How far the relay is behind, read from the outbox at scrape time. Any process with a database
 * connection can report it (gateway and worker both do), so an alert does not depend on the
 * worker being up.
 */
export function registerOutboxMetrics(registry: Registry, db: Database): void {
  let last: Promise<{ pending: number; oldestAgeSeconds: number }> | null = null;
  // One query per scrape serves both gauges.
  const read = () => {
    last ??= outboxBacklog(db).finally(() => {
      setTimeout(() => {
        last = null;
      }, 500).unref();
    });
    return last;
  };
  new Gauge({
    name: "samspill_outbox_pending_events",
    help: "Events committed to the outbox and not yet accepted by the queue.",
    registers: [registry],
    async collect() {
      this.set((await read()).pending);
    },
  });
  new Gauge({
    name: "samspill_outbox_oldest_pending_age_seconds",
    help: "Age of the oldest event not yet relayed to the queue (0 when none): the relay's lag.",
    registers: [registry],
    async collect() {
      this.set((await read()).oldestAgeSeconds);
    },
  });
}

/**
 * True when an Authorization header carries `Bearer <token>`: how a scraper proves itself to a
 * /metrics endpoint that is not on localhost only. Digests are compared in constant time, so
 * neither the token's length nor a matching prefix leaks.
 */
export function metricsBearerMatches(authorization: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (given === undefined) return false;
  const digest = (v: string) => createHash("sha256").update(v).digest();
  return timingSafeEqual(digest(given), digest(token));
}
