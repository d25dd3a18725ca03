import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { createDatabase } from "@samspill/database";
import { offerSnapshotSelect, queueNames, queuePrefix, toOfferSnapshot } from "@samspill/events";
import { startSmtpSink } from "@samspill/mail";
import { rebuildOverview } from "@samspill/read-model";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";
// @ts-expect-error: plain ESM helper shared with the start script, no type declarations
import { startRedisServer } from "../../infra/local/redis.mjs";
import { createBenchDatabase } from "./database.js";
import { addDigestSubscribers, addWeekOfChanges, measureDigests } from "./digests.js";
import { generateDataset, scales } from "./generate/index.js";
import { throughputViaOutbox, throughputViaQueue } from "./jobs.js";
import { measureLag } from "./lag.js";
import { type LoadOptions, type LoadTarget, measure, probe } from "./load.js";
import {
  cpuSeconds,
  freePort,
  processTree,
  repoRoot,
  rssMb,
  type Service,
  sampleRss,
  startService,
} from "./processes.js";
import { summariseProfile } from "./profile.js";
import { type HttpCell, type Results, renderMarkdown, renderTable, type TargetName } from "./report.js";
import {
  catalogueQuery,
  catalogueVariables,
  helloQuery,
  offerQuery,
  offerVariables,
  overviewQuery,
  overviewVariables,
  type Scenario,
} from "./workload.js";

// `npm run bench`: builds a national data set in a throw-away database, starts the hub
// (gateway, worker, private Redis with AOF) and its yardsticks (raw SQL, hello), and measures.
// Flags: --quick (smaller data, shorter runs), --no-profile, --keep-db, --only=http|worker,
// --cluster (also the hub gateway once per core behind node:cluster), --profile-worker.

const argv = new Set(process.argv.slice(2));
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const runHttp = only !== "worker";
const runWorker = only !== "http";
const quick = argv.has("--quick");
const settings = quick
  ? {
      scale: scales.quick,
      warmup: 2,
      seconds: 5,
      lagSeconds: 10,
      digests: 1_000,
      jobs: 3_000,
      profileSeconds: 5,
    }
  : {
      scale: scales.full,
      warmup: 10,
      seconds: 20,
      lagSeconds: 60,
      digests: 10_000,
      jobs: 20_000,
      profileSeconds: 15,
    };
const profile = !argv.has("--no-profile");
const connections = 50;
const eventsPerSecond = 200;
const resultsDir = join(repoRoot, "bench", "results");
const logDir = join(resultsDir, "logs");

const began = performance.now();
const elapsed = () => ((performance.now() - began) / 1000).toFixed(0).padStart(4);
const say = (message: string) => console.log(`[bench ${elapsed()} s] ${message}`);

const cleanups: (() => Promise<unknown>)[] = [];
async function cleanup() {
  for (const fn of cleanups.reverse()) await fn().catch((error: unknown) => console.error(error));
  cleanups.length = 0;
}
process.on("unhandledRejection", (error) => {
  console.error("unhandled rejection:", error);
  process.exitCode = 1;
  void cleanup().then(() => process.exit(1));
});
let interrupted = false;
process.on("SIGINT", () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  say("interrupted: stopping what was started");
  void cleanup().then(() => process.exit(130));
});

/** `uptime`: the machine is shared, so every run records how busy it was. */
const uptime = () => {
  const r = spawnSync("uptime", [], { encoding: "utf8" });
  return r.status === 0
    ? r.stdout.trim()
    : `load average: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(", ")}`;
};

function redisVersion(): string {
  const r = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
  return /v=(\S+)/.exec(r.stdout ?? "")?.[1] ?? "unknown";
}

function machine(): Record<string, string> {
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown";
  return {
    cpus: `${availableParallelism()} × ${cpu}`,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    redis: redisVersion(),
    "uptime at start": uptime(),
    "load average at start (1/5/15 min)": loadavg()
      .map((l) => l.toFixed(2))
      .join(" / "),
  };
}

async function main() {
  mkdirSync(logDir, { recursive: true });
  const results: Results = {
    startedAt: new Date().toISOString(),
    mode: quick ? "quick" : "full",
    machine: machine(),
    settings: {
      connections,
      warmupSeconds: settings.warmup,
      measureSeconds: settings.seconds,
      eventsPerSecond,
      lagSeconds: settings.lagSeconds,
    },
    dataset: {},
    timings: {},
    http: [],
    rss: {},
    workerCpuMs: {},
    notes: [],
  };
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const value = await fn();
    results.timings[name] = (performance.now() - t) / 1000;
    return value;
  };

  // ---------------------------------------------------------------- data
  say(results.machine["uptime at start"] ?? "");
  say("creating the throw-away database and migrating it …");
  const database = await timed("migrate", () => createBenchDatabase());
  cleanups.push(() =>
    argv.has("--keep-db") ? Promise.resolve(say(`kept ${database.url}`)) : database.drop(),
  );
  results.machine.database = database.description;
  say(`database: ${database.description}`);

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  cleanups.push(() => client.end());
  say(`generating the data set (${quick ? "quick" : "national"} scale) …`);
  const dataset = await timed("generate", () => generateDataset(client, settings.scale));
  results.dataset = dataset.rows;
  say(
    `generated ${Object.values(dataset.rows)
      .reduce((a, b) => a + b, 0)
      .toLocaleString("en-US")} rows`,
  );
  // Also the lag test's writer, which keeps up to a few dozen transactions open at 200 events/s.
  const db = createDatabase({ url: database.url, maxConnections: 24 });
  cleanups.push(() => db.$disconnect());
  const rebuilt = await timed("rebuildOverview", () => rebuildOverview(db));
  say(`overview read model built: ${rebuilt.published} published offers, ${rebuilt.counters} counters`);

  // ---------------------------------------------------------------- services
  const redisDir = mkdtempSync(join(tmpdir(), "samspill-bench-redis-"));
  const redisServer = await startRedisServer({ dir: redisDir });
  cleanups.push(async () => {
    await redisServer.stop();
    rmSync(redisDir, { recursive: true, force: true });
  });
  say(`redis-server with appendonly yes, appendfsync everysec on ${redisServer.url}`);
  let mailsAccepted = 0;
  const sink = await startSmtpSink({
    onMessage: async () => {
      mailsAccepted += 1;
    },
  });
  cleanups.push(() => sink.close());

  const namespace = "bench";
  const prefix = queuePrefix(namespace);
  const common = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    REDIS_URL: redisServer.url,
    QUEUE_PREFIX: namespace,
  };
  const ports = {
    gateway: await freePort(),
    worker: await freePort(),
    raw: await freePort(),
    hello: await freePort(),
    hono: await freePort(),
    yoga: await freePort(),
    cluster: await freePort(),
    uncached: await freePort(),
  };
  const services: Partial<Record<TargetName | "worker", Service>> = {};
  const launch = async (
    name: TargetName | "worker",
    entry: string,
    env: NodeJS.ProcessEnv,
    nodeArgs?: string[],
  ) => {
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
    LOG_LEVEL: "info",
  };
  say("starting gateway, worker, raw-SQL server and hello server …");
  const [gateway, worker] = await Promise.all([
    launch("gateway", "services/gateway/src/main.ts", gatewayEnv),
    launch(
      "worker",
      "services/worker/src/main.ts",
      { WORKER_METRICS_PORT: String(ports.worker), SMTP_URL: sink.url, LOG_LEVEL: "info" },
      // --profile-worker: a CPU profile of the worker's whole run, in bench/results/worker-profile.
      argv.has("--profile-worker")
        ? ["--cpu-prof", `--cpu-prof-dir=${join(resultsDir, "worker-profile")}`]
        : undefined,
    ),
    launch("raw", "bench/src/servers/raw-sql.ts", { PORT: String(ports.raw) }),
    launch("hello", "bench/src/servers/hello.ts", { PORT: String(ports.hello) }),
  ]);
  await new Promise((r) => setTimeout(r, 3_000));
  results.rss.gatewayRest = rssMb(gateway.pid) ?? 0;
  results.rss.workerRest = rssMb(worker.pid) ?? 0;

  // ---------------------------------------------------------------- HTTP
  const offerIds = dataset.publishedOfferIds.slice(0, 500);
  const variables: Record<Scenario, (i: number) => Record<string, unknown>> = {
    catalogue: catalogueVariables,
    offer: offerVariables(offerIds),
    overview: overviewVariables(dataset.hospitalTrustIds),
  };
  const queries: Record<Scenario, string> = {
    catalogue: catalogueQuery,
    offer: offerQuery,
    overview: overviewQuery,
  };
  const targetFor = (name: TargetName, scenario: Scenario | "hello"): LoadTarget =>
    scenario === "hello"
      ? { url: `http://127.0.0.1:${ports.hello}/graphql`, query: helloQuery, variables: () => ({}) }
      : {
          url:
            name === "raw"
              ? `http://127.0.0.1:${ports.raw}/${scenario}`
              : `http://127.0.0.1:${ports[name]}/graphql`,
          query: queries[scenario],
          variables: variables[scenario],
        };
  // Postgres backends serving this database (they are separate processes); none for PGlite.
  const backendPids = async () =>
    database.kind === "postgres"
      ? (
          await client.query<{ pid: number }>(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
          )
        ).rows.map((r) => r.pid)
      : [];
  const load: LoadOptions = { connections, warmupSeconds: settings.warmup, seconds: settings.seconds };
  const cell = async (name: TargetName, scenario: Scenario | "hello") => {
    const target = targetFor(name, scenario);
    const sample = await probe(target);
    const watched = services[name];
    const rss = watched ? sampleRss({ [name]: watched.pid }) : null;
    // CPU time per request of the server process and of the Postgres backends: steadier than
    // requests per second on a machine that other work shares.
    const serverCpu = () =>
      watched ? processTree(watched.pid).reduce((sum, pid) => sum + cpuSeconds(pid), 0) : 0;
    const backendCpu = async () => new Map((await backendPids()).map((pid) => [pid, cpuSeconds(pid)]));
    let cpuBefore = { server: 0, backends: new Map<number, number>() };
    let cpu = { server: 0, database: 0 };
    const result = await measure(target, {
      ...load,
      around: {
        before: async () => {
          cpuBefore = { server: serverCpu(), backends: await backendCpu() };
        },
        after: async () => {
          // Backends that closed meanwhile cannot be read any more; new ones count from zero.
          let database = 0;
          for (const [pid, seconds] of await backendCpu())
            database += seconds - (cpuBefore.backends.get(pid) ?? 0);
          cpu = { server: serverCpu() - cpuBefore.server, database };
        },
      },
    });
    const peak = rss?.stop()[name];
    if ((name === "gateway" || name === "uncached") && peak)
      results.rss[`${name}Load`] = Math.max(results.rss[`${name}Load`] ?? 0, peak);
    const perRequest = (seconds: number) => (1000 * seconds) / Math.max(1, result.requests);
    const entry: HttpCell = {
      target: name,
      scenario,
      result,
      cpuMs: { server: perRequest(cpu.server), database: perRequest(cpu.database) },
    };
    results.http.push(entry);
    say(
      `${scenario} on ${name}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${entry.cpuMs.server.toFixed(2)} + ${entry.cpuMs.database.toFixed(2)} CPU ms/request (server + Postgres), ${sample.bytes} bytes${result.errors + result.non2xx ? `, ${result.errors + result.non2xx} errors` : ""}`,
    );
    return entry;
  };

  if (runHttp)
    await timed("http", async () => {
      await cell("hello", "hello");
      for (const scenario of ["catalogue", "offer", "overview"] as const) {
        await cell("raw", scenario);
        await cell("gateway", scenario);
      }
      await services.raw?.stop();
      await services.hello?.stop();
      // The same hub gateway with its caches off: what every request costs when nothing is
      // cached (a signed-in reader, or the first reader after a change).
      const uncached = await launch("uncached", "services/gateway/src/main.ts", {
        ...gatewayEnv,
        GATEWAY_PORT: String(ports.uncached),
        OVERVIEW_CACHE_MS: "0",
        RESPONSE_CACHE_MS: "0",
      });
      for (const scenario of ["catalogue", "offer", "overview"] as const) await cell("uncached", scenario);
      await uncached.stop();
      // How the gateway is mounted: the same app and schema without sign-in, rate limit and
      // request log, on @hono/node-server and as yoga's own node:http listener.
      for (const mount of ["hono", "yoga"] as const) {
        const server = await launch(mount, "bench/src/servers/gateway-mount.ts", {
          PORT: String(ports[mount]),
          MOUNT: mount,
        });
        for (const scenario of ["catalogue", "overview"] as const) await cell(mount, scenario);
        await server.stop();
      }
      // Scaling out on the machine instead: the whole hub gateway once per core.
      if (!argv.has("--cluster")) return;
      await gateway.stop();
      const clustered = await launch("cluster", "bench/src/servers/gateway-cluster.ts", {
        ...gatewayEnv,
        GATEWAY_PORT: String(ports.cluster),
      });
      for (const scenario of ["catalogue", "overview"] as const) await cell("cluster", scenario);
      await clustered.stop();
    });

  // ---------------------------------------------------------------- worker
  if (runWorker) await workerPhases();
  async function workerPhases() {
    const publisher = new Redis(redisServer.url, { maxRetriesPerRequest: null });
    const subscriber = new Redis(redisServer.url, { maxRetriesPerRequest: null });
    cleanups.push(async () => {
      publisher.disconnect();
      subscriber.disconnect();
    });
    const workerRss = sampleRss({ worker: worker.pid });
    const events = new Queue(queueNames.events, { connection: publisher, prefix });
    const summaries = new Queue(queueNames.summaries, { connection: publisher, prefix });
    cleanups.push(() => Promise.all([events.close(), summaries.close()]));
    const workerCpu = () => processTree(worker.pid).reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    let cpuAt = workerCpu();
    const workerCpuMs = (count: number) => {
      const now = workerCpu();
      const ms = (1000 * (now - cpuAt)) / Math.max(1, count);
      cpuAt = now;
      return ms;
    };
    // Digests first, on a quiet worker and a week's worth of changes (see addWeekOfChanges).
    const published = (
      await db.offer.findMany({ where: { status: "PUBLISHED" }, select: offerSnapshotSelect })
    ).map(toOfferSnapshot);
    const weekly = await addWeekOfChanges(client, published, Math.round(settings.scale.offers * 0.05));
    say(`a week of changes: ${weekly} offers edited`);
    say(`weekly digests for ${settings.digests} subscribers …`);
    await addDigestSubscribers(client, settings.digests, dataset.municipalityNumbers);
    workerCpuMs(1);
    results.digests = await timed("digests", () =>
      measureDigests({
        summaries,
        subscribers: settings.digests,
        mailsAccepted: () => mailsAccepted,
        // Waited for to the end (within reason): a digest run still going would take the
        // worker's CPU from the lag test that follows.
        timeoutMs: 600_000,
      }),
    );
    results.workerCpuMs.perDigest = workerCpuMs(results.digests.mails);
    say(
      `digests: ${results.digests.mails} mails in ${results.digests.seconds.toFixed(1)} s${results.digests.finished ? "" : " (not finished)"}`,
    );
    say(`event-to-overview lag: ${eventsPerSecond} events/s for ${settings.lagSeconds} s …`);
    const writer = new pg.Pool({ connectionString: database.url, max: 16 });
    cleanups.push(() => writer.end());
    workerCpuMs(1);
    results.lag = await timed("lag", () =>
      measureLag({
        db,
        writer,
        subscriber,
        publisher,
        prefix,
        eventsPerSecond,
        seconds: settings.lagSeconds,
      }),
    );
    // Per event the worker got through (it may not have finished them all).
    results.workerCpuMs.perEvent = workerCpuMs(results.lag.received);
    say(
      `lag p50 ${results.lag.p50.toFixed(0)} ms, p99 ${results.lag.p99.toFixed(0)} ms (${results.lag.received}/${results.lag.published} seen, ${results.lag.rate.toFixed(0)} events/s written, ${results.workerCpuMs.perEvent?.toFixed(2)} worker CPU ms/event)`,
    );

    // Whatever the lag test left queued is worked off first, so it does not count as throughput.
    const drainUntil = performance.now() + 90_000;
    let backlog = 0;
    while (performance.now() < drainUntil) {
      const c = await events.getJobCounts("waiting", "active", "delayed", "prioritized");
      backlog = Object.values(c).reduce((a, b) => a + b, 0);
      if (backlog === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    if (backlog > 0) {
      const note = `${backlog} events of the lag test were still queued when the throughput test began: the worker was still working them off, so the throughput figures below are lower than the worker can do.`;
      results.notes.push(note);
      say(note);
    }
    const organisationIds = (await client.query<{ id: string }>(`SELECT "id" FROM "Organisation"`)).rows.map(
      (o) => o.id,
    );
    const throughput = {
      db: client,
      events,
      publisher,
      prefix,
      organisationIds,
      jobs: settings.jobs,
      timeoutMs: 90_000,
    };
    say(`job throughput: ${settings.jobs} events through outbox, relay and workers …`);
    workerCpuMs(1);
    const outbox = await timed("jobsOutbox", () => throughputViaOutbox(throughput));
    results.workerCpuMs.perJobViaOutbox = workerCpuMs(outbox.jobs);
    say(
      `outbox → worker: ${outbox.jobsPerSecond.toFixed(0)} jobs/s (${outbox.jobs} jobs, ${outbox.failed} failed)`,
    );
    say(`job throughput: ${settings.jobs} jobs straight onto the events queue …`);
    const queue = await timed("jobsQueue", () => throughputViaQueue(throughput));
    results.workerCpuMs.perJobViaQueue = workerCpuMs(queue.jobs);
    say(
      `queue → worker: ${queue.jobsPerSecond.toFixed(0)} jobs/s (${queue.jobs} jobs, ${queue.failed} failed)`,
    );
    results.jobs = { outbox, queue };

    results.rss.workerLoad = workerRss.stop().worker ?? 0;
  }

  // ---------------------------------------------------------------- profile
  if (profile && runHttp) {
    const slowest = (["catalogue", "overview", "offer"] as const)
      .map((scenario) => {
        const own = results.http.find((c) => c.target === "uncached" && c.scenario === scenario)?.result;
        const raw = results.http.find((c) => c.target === "raw" && c.scenario === scenario)?.result;
        return { scenario, ratio: own && raw ? own.requestsPerSecond / raw.requestsPerSecond : 1 };
      })
      .sort((a, b) => a.ratio - b.ratio)[0]!.scenario;
    // With its caches off: a cache hit shows nothing of where a request's time goes.
    say(`profiling the gateway, caches off, on its slowest path (${slowest}) …`);
    await gateway.stop();
    const dir = join(resultsDir, "profile");
    rmSync(dir, { recursive: true, force: true });
    const launchedAt = performance.now();
    const profiled = await launch(
      "gateway",
      "services/gateway/src/main.ts",
      { ...gatewayEnv, OVERVIEW_CACHE_MS: "0", RESPONSE_CACHE_MS: "0" },
      ["--cpu-prof", `--cpu-prof-dir=${dir}`],
    );
    const target = targetFor("gateway", slowest);
    await probe(target);
    // The profile runs from the process's start: loading and compiling modules, and the
    // warm-up, are left out of the summary so that it shows the steady state only.
    let measuredFrom = launchedAt;
    await measure(target, {
      connections,
      warmupSeconds: settings.warmup,
      seconds: settings.profileSeconds,
      around: {
        before: () => {
          measuredFrom = performance.now();
        },
        after: () => undefined,
      },
    });
    await profiled.stop();
    const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
    if (file)
      results.profile = {
        scenario: slowest,
        target: "hub gateway, caches off",
        file: join("bench", "results", "profile", file),
        summary: summariseProfile(join(dir, file), { skipMs: measuredFrom - launchedAt }),
      };
    else results.notes.push("The gateway wrote no CPU profile.");
  }

  results.machine["uptime at end"] = uptime();
  say(results.machine["uptime at end"]);
  results.machine["load average at end (1/5/15 min)"] = loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");
  results.timings.total = (performance.now() - began) / 1000;
  if (loadavg()[0]! > availableParallelism())
    results.notes.push(
      "The machine was busy with other work during the run (load average above the number of cores): figures are lower and noisier than on an idle machine.",
    );
  writeFileSync(join(resultsDir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(resultsDir, "latest.md"), renderMarkdown(results));
  console.log(`\n${renderTable(results)}\n`);
  say("written to bench/results/latest.md and bench/results/latest.json");
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
