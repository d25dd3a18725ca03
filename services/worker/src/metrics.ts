import { createServer, type Server } from "node:http";
import type { Database } from "@samspill/database";
import { metricsBearerMatches, registerOutboxMetrics } from "@samspill/events";
import type { Queue } from "bullmq";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export interface WorkerMetrics {
  registry: Registry;
  jobDuration: Histogram<"queue" | "handler" | "outcome">;
  /** now − occurredAt when the projector handles an event, by what it decided. */
  eventLag: Histogram<"decision">;
  relayed: Counter<"outcome">;
}

const queueStates = [
  "waiting",
  "active",
  "delayed",
  "prioritized",
  "waiting-children",
  "paused",
  "failed",
] as const;

/** A registry per worker runtime (not prom-client's global one), so tests can run several. */
export function createWorkerMetrics(db: Database, queues: readonly Queue[]): WorkerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registerOutboxMetrics(registry, db);
  new Gauge({
    name: "samspill_queue_jobs",
    help: "Jobs per queue and state (waiting and delayed are the depth; failed are kept for re-driving).",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      const all = await Promise.all(
        queues.map(async (q) => [q.name, await q.getJobCounts(...queueStates)] as const),
      );
      for (const [queue, counts] of all)
        for (const state of queueStates) this.set({ queue, state }, counts[state] ?? 0);
    },
  });
  return {
    registry,
    jobDuration: new Histogram({
      name: "samspill_job_duration_seconds",
      help: "Time a handler took per job, by queue, handler and outcome.",
      labelNames: ["queue", "handler", "outcome"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    eventLag: new Histogram({
      name: "samspill_event_lag_seconds",
      help: "From an event's commit to the projector handling it (now − occurredAt).",
      labelNames: ["decision"],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600],
      registers: [registry],
    }),
    relayed: new Counter({
      name: "samspill_outbox_relayed_total",
      help: "Outbox events the relay handed to the queue (sent) or failed to (failed).",
      labelNames: ["outcome"],
      registers: [registry],
    }),
  };
}

/**
 * `/metrics` for Prometheus and `/healthz` for probes, on their own small port: on localhost by
 * default; opened wider (WORKER_METRICS_HOST), /metrics can require a bearer token.
 */
export function serveMetrics(
  registry: Registry,
  host: string,
  port: number,
  token?: string,
): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === "/metrics") {
      if (token && !metricsBearerMatches(req.headers.authorization, token)) {
        res.writeHead(401, { "www-authenticate": "Bearer" }).end();
        return;
      }
      registry
        .metrics()
        .then((body) => {
          res.writeHead(200, { "content-type": registry.contentType });
          res.end(body);
        })
        .catch((error: unknown) => {
          res.writeHead(500, { "content-type": "text/plain" });
          res.end(String(error));
        });
      return;
    }
    if (req.url === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"ok":true}');
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}
