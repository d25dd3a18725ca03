import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "@samspill/database";
import { startSmtpSink } from "@samspill/mail";
import type pg from "pg";
import { startRedisServer } from "../../infra/local/redis.mjs";
import type { BenchDatabase } from "./database.js";
import type { GeneratedDataset } from "./generate/index.js";
import { freePort, type Service, startService } from "./processes.js";
import type { Results, TargetName } from "./report.js";
import { argv, logDir, resultsDir } from "./settings.js";

// The hub under test and its yardsticks: a private Redis with AOF, an SMTP sink that counts,
// the gateway and the worker as in production, the raw-SQL server and the hello server. The
// phases of the run share it, and every phase may start and stop gateways of its own.

/** What the phases of one run share. */
export interface Run {
  results: Results;
  say(message: string): void;
  timed<T>(name: string, fn: () => Promise<T>): Promise<T>;
  cleanups: (() => Promise<unknown>)[];
}

export type ServiceName = TargetName | "worker" | "workerBulk";

export interface Hub {
  database: BenchDatabase;
  /** Plain `pg`, for the bench's own queries and its load writers. */
  client: pg.Client;
  db: Database;
  dataset: GeneratedDataset;
  redisUrl: string;
  gateway: Service;
  /** The live worker (events, projection, outbox relay). */
  worker: Service;
  /** The bulk worker (summaries, mail, webhooks, imports, housekeeping), as production runs it apart. */
  workerBulk: Service;
  services: Partial<Record<ServiceName, Service>>;
  ports: Record<ServiceName, number>;
  gatewayEnv: NodeJS.ProcessEnv;
  queuePrefix: string;
  mailsAccepted(): number;
  launch(name: ServiceName, entry: string, env: NodeJS.ProcessEnv, nodeArgs?: string[]): Promise<Service>;
}

export async function startHub(
  run: Run,
  data: Pick<Hub, "database" | "client" | "db" | "dataset">,
  namespace: string,
  queuePrefix: string,
): Promise<Hub> {
  const { cleanups, say } = run;
  const redisDir = mkdtempSync(join(tmpdir(), "samspill-bench-redis-"));
  const redisServer = await startRedisServer({ dir: redisDir });
  cleanups.push(async () => {
    await redisServer.stop();
    rmSync(redisDir, { recursive: true, force: true });
  });
  say(`redis-server with appendonly yes, appendfsync everysec on ${redisServer.url}`);
  let mailsAccepted = 0;
  let mailBytes = 0;
  // Accepting without parsing, as a relaying MTA does: parsing cost more than building the mail.
  const sink = await startSmtpSink({
    parse: false,
    onMessage: async ({ size }) => {
      mailsAccepted += 1;
      mailBytes += size;
    },
  });
  cleanups.push(() => sink.close());
  // The size of what the worker hands to SMTP: its encoding and the sink's parsing grow with it.
  cleanups.push(async () => {
    if (mailsAccepted > 0)
      say(
        `SMTP sink: ${mailsAccepted} mails, ${(mailBytes / mailsAccepted / 1024).toFixed(1)} KB on average`,
      );
  });

  const common = {
    ...process.env,
    NODE_ENV: "production",
    // Production requires it; a throw-away value for the throw-away hub.
    MAIL_LINK_SECRET: process.env.MAIL_LINK_SECRET || "benchmark-only-mail-link-secret-not-for-production",
    DATABASE_URL: data.database.url,
    REDIS_URL: redisServer.url,
    QUEUE_PREFIX: namespace,
  };
  const ports = {
    gateway: await freePort(),
    worker: await freePort(),
    workerBulk: await freePort(),
    raw: await freePort(),
    hello: await freePort(),
    hono: await freePort(),
    yoga: await freePort(),
    cluster: await freePort(),
    uncached: await freePort(),
  };
  const services: Hub["services"] = {};
  const launch: Hub["launch"] = async (name, entry, env, nodeArgs) => {
    const service = await startService(name, entry, {
      env: { ...common, ...env },
      port: ports[name],
      logFile: join(logDir, `${name}.log`),
      nodeArgs,
    });
    services[name] = service;
    cleanups.push(() => service.stop());
    return service;
  };
  const gatewayEnv = {
    GATEWAY_PORT: String(ports.gateway),
    // The limiter still runs (a Redis round trip per request) but never refuses the load generator.
    RATE_LIMIT_POINTS: "1000000000",
    // The bench's overview asks for every cell's providers, more than the web page does (about
    // 108,000 nodes at national scale against the default limit of 100,000).
    GRAPHQL_MAX_COST: "250000",
    LOG_LEVEL: "info",
  };
  say("starting gateway, worker, raw-SQL server and hello server …");
  // --profile-worker: a CPU profile of each worker's whole run, in bench/results/worker-profile.
  const workerArgs = argv.has("--profile-worker")
    ? ["--cpu-prof", `--cpu-prof-dir=${join(resultsDir, "worker-profile")}`]
    : undefined;
  const workerEnv = (role: "live" | "bulk", port: number) => ({
    WORKER_ROLE: role,
    WORKER_METRICS_PORT: String(port),
    SMTP_URL: sink.url,
    LOG_LEVEL: "info",
  });
  const [gateway, worker, workerBulk] = await Promise.all([
    launch("gateway", "services/gateway/src/main.ts", gatewayEnv),
    // Two worker processes as in production (infra/): bulk work never takes the live one's turn.
    launch("worker", "services/worker/src/main.ts", workerEnv("live", ports.worker), workerArgs),
    launch("workerBulk", "services/worker/src/main.ts", workerEnv("bulk", ports.workerBulk), workerArgs),
    launch("raw", "bench/src/servers/raw-sql.ts", { PORT: String(ports.raw) }),
    launch("hello", "bench/src/servers/hello.ts", { PORT: String(ports.hello) }),
  ]);
  return {
    ...data,
    redisUrl: redisServer.url,
    gateway,
    worker,
    workerBulk,
    services,
    ports,
    gatewayEnv,
    queuePrefix,
    mailsAccepted: () => mailsAccepted,
    launch,
  };
}
