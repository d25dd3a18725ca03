import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { createDatabase } from "@samspill/database";
import { queuePrefix } from "@samspill/events";
import { rebuildOverview } from "@samspill/read-model";
import pg from "pg";
import { buildServices } from "../../scripts/build.mjs";
import { createBenchDatabase } from "./database.js";
import { generateDataset } from "./generate/index.js";
import { httpPhase } from "./http-phase.js";
import { type Hub, type Run, startHub } from "./hub.js";
import { importPhase } from "./import-phase.js";
import { loadAverages, machine, uptime } from "./machine.js";
import { rssMb } from "./processes.js";
import { profilePhase } from "./profile-phase.js";
import { type Results, renderMarkdown, renderTable } from "./report.js";
import { searchPhase } from "./search-phase.js";
import {
  argv,
  connections,
  eventsPerSecond,
  logDir,
  profile,
  quick,
  resultsDir,
  runHttp,
  runSearch,
  runSignUps,
  runWorker,
  settings,
} from "./settings.js";
import { describeSignUps, measureSignUps } from "./sign-ups.js";
import { workerPhase } from "./worker-phase.js";

// `npm run bench`: builds a national data set in a throw-away database, starts the hub
// (gateway, worker, private Redis with AOF) and its yardsticks (raw SQL, hello), and measures.
// The flags are in settings.ts.

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

/** Sign-ups on one popular session and spread over many, through the hub gateway. */
async function signUpPhase(run: Run, hub: Hub) {
  if (hub.gateway.child.exitCode !== null || hub.gateway.child.signalCode !== null) {
    run.say("sign-ups: the hub gateway was stopped by an earlier phase (--cluster); skipped");
    return;
  }
  // A failure here (on a busy machine the setup's transactions can wait too long) costs this
  // figure, not the run: the report says it was not measured.
  const r = await measureSignUps(hub.db, `http://127.0.0.1:${hub.ports.gateway}/graphql`, {
    concurrency: connections,
  }).catch((error: unknown) => {
    run.results.notes.push(
      `Sign-ups not measured: ${error instanceof Error ? error.message : String(error)}`,
    );
    run.say(run.results.notes.at(-1) ?? "");
    return null;
  });
  if (!r) return;
  run.results.signUps = r;
  run.say(describeSignUps("sign-ups: one popular session (50 seats)", r.oneSession));
  run.say(describeSignUps("sign-ups: 100 sessions (20 seats each)", r.spread));
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
    load: {},
    rss: {},
    workerCpuMs: {},
    notes: [],
  };
  // Every step records its time and the machine's load average (1 min) as it began and ended:
  // the machine is shared, and a busy one lowers the figures of that step.
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const start = loadavg()[0]!;
    const value = await fn();
    results.timings[name] = (performance.now() - t) / 1000;
    results.load[name] = { start, end: loadavg()[0]! };
    return value;
  };
  const run: Run = { results, say, timed, cleanups };

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
  // Also the lag test's writer, which keeps up to a few dozen transactions open at 200 events/s.
  const db = createDatabase({ url: database.url, maxConnections: 24 });
  cleanups.push(() => db.$disconnect());
  say(`generating the data set (${quick ? "quick" : "national"} scale) …`);
  const dataset = await timed("generate", () => generateDataset(db, settings.scale));
  results.dataset = dataset.rows;
  say(
    `generated ${Object.values(dataset.rows)
      .reduce((a, b) => a + b, 0)
      .toLocaleString("en-US")} rows`,
  );
  // The bulk load records no events: the overview is built from the tables, as after a restore.
  const rebuilt = await timed("rebuildOverview", () => rebuildOverview(db));
  say(`overview read model built: ${rebuilt.published} published offers, ${rebuilt.counters} counters`);
  // A hub measured the day after a restore, not in the middle of one: the load's dead tuples,
  // unset hint bits and gigabyte of dirty pages would otherwise be vacuumed and written back
  // during the first phases, and a forced checkpoint stalled every commit of the lag test.
  await timed("settle", async () => {
    await client.query("VACUUM (ANALYZE)");
    // CHECKPOINT needs a superuser or pg_checkpoint: on a DATABASE_URL without it, go on.
    await client.query("CHECKPOINT").catch((error: Error) => say(`no CHECKPOINT: ${error.message}`));
  });
  say(`database vacuumed and checkpointed in ${results.timings.settle?.toFixed(1)} s`);

  // ---------------------------------------------------------------- services and phases
  // The gateway and the worker run compiled, as in production: built from the sources as they are now.
  say("building the gateway and the worker (scripts/build.mjs) …");
  await timed("build", () => buildServices());
  const namespace = "bench";
  const hub = await startHub(run, { database, client, db, dataset }, namespace, queuePrefix(namespace));
  await new Promise((r) => setTimeout(r, 3_000));
  results.rss.gatewayRest = rssMb(hub.gateway.pid) ?? 0;
  results.rss.workerRest = rssMb(hub.worker.pid) ?? 0;

  if (runHttp) await timed("http", () => httpPhase(run, hub));
  if (runSearch) await timed("search", () => searchPhase(run, hub));
  if (runWorker) await timed("worker", () => workerPhase(run, hub));
  if (runSignUps) await timed("signUps", () => signUpPhase(run, hub));
  await timed("import", () => importPhase(run, db, hub));
  if (profile && runHttp) await profilePhase(run, hub);

  results.machine["uptime at end"] = uptime();
  say(results.machine["uptime at end"]);
  results.machine["load average at end (1/5/15 min)"] = loadAverages(" / ");
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
