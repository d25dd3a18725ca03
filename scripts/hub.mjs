#!/usr/bin/env node
// `npm start`: brings the whole hub up from a fresh clone on an embedded default —
// install, generate, (embedded Postgres), (private Redis), migrate, seed, gateway, worker, web.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { serviceEntry, serviceEnv, serviceNodeFlags } from "../infra/local/node-flags.mjs";
import { freePort, waitForPort } from "../infra/local/ports.mjs";
import { findRedisServer, redisMissingMessage, startRedisServer } from "../infra/local/redis.mjs";
import { startSmtpSink } from "../infra/local/smtp-sink.mjs";
import { bin, ensureInstalled, generate, root, run, start } from "./workspace.mjs";

const children = [];
const stoppers = [];
let stopping = false;

async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping Samspill …");
  for (const child of children.reverse()) {
    if (child.exitCode === null) child.kill("SIGTERM");
  }
  await Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null)),
  );
  for (const stop of stoppers.reverse()) await stop();
  console.log("Stopped.");
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

function watch(child, name, { backing = false } = {}) {
  // Backing services (the database) stop after the processes that use them, so a worker never
  // sees its connection vanish while it shuts down.
  if (backing) {
    stoppers.push(() =>
      child.exitCode === null
        ? new Promise((resolve) => {
            child.once("exit", resolve);
            child.kill("SIGTERM");
          })
        : undefined,
    );
    process.once("exit", () => child.exitCode === null && child.kill("SIGTERM"));
  } else children.push(child);
  child.once("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping the hub.`);
      void stopAll(1);
    }
  });
  return child;
}

async function main() {
  if (!process.env.REDIS_URL && !findRedisServer()) {
    console.error(redisMissingMessage);
    process.exit(1);
  }
  ensureInstalled();
  console.log("Generating the Prisma client …");
  generate();

  const dataDir = join(root, ".data");
  const env = { ...process.env };

  if (!env.DATABASE_URL) {
    const port = Number(process.env.PGLITE_PORT ?? (await freePort()));
    console.log(`Starting embedded Postgres (PGlite, data in .data/pglite) on port ${port} …`);
    const pglite = watch(
      spawn(
        bin("tsx"),
        [
          "packages/database/src/embedded/serve.ts",
          "--data",
          join(dataDir, "pglite"),
          "--port",
          String(port),
        ],
        {
          cwd: root,
          stdio: ["ignore", "pipe", "inherit"],
          // Its own process group: Ctrl-C in the terminal reaches the hub and the app processes,
          // and the hub stops the database once they are gone.
          detached: true,
        },
      ),
      "embedded Postgres",
      { backing: true },
    );
    env.DATABASE_URL = await new Promise((resolve, reject) => {
      let out = "";
      pglite.stdout.on("data", (d) => {
        out += d;
        const match = /READY (\S+)/.exec(out);
        if (match) resolve(match[1]);
      });
      pglite.once("exit", (code) => reject(new Error(`embedded Postgres exited with ${code}`)));
    });
  }

  if (!env.REDIS_URL) {
    const redis = await startRedisServer({
      dir: join(dataDir, "redis"),
      port: Number(process.env.REDIS_PORT ?? 0) || undefined,
    });
    console.log(`Started redis-server on port ${redis.port} (append-only file in .data/redis).`);
    env.REDIS_URL = redis.url;
    stoppers.push(() => redis.stop());
  }

  console.log("Migrating the database …");
  run("node", ["packages/database/scripts/prisma.mjs", "migrate", "deploy"], { env, quiet: true });
  console.log("Seeding demo data …");
  run(bin("tsx"), ["packages/seed/src/main.ts"], { env });
  // The overview is computed from the tables: the seed's events may not have been projected yet.
  console.log("Building the overview …");
  run(bin("tsx"), ["services/worker/src/commands/rebuild-overview.ts"], { env });

  // No mail server configured: a local SMTP sink keeps every mail for admins to read in the web app.
  if (!env.SMTP_URL) {
    const sink = await startSmtpSink({
      root,
      tsx: bin("tsx"),
      env,
      port: Number(process.env.SMTP_SINK_PORT ?? 0),
    });
    watch(sink.child, "SMTP sink");
    console.log(
      `Started the local SMTP sink on port ${sink.port} (mails are kept in the database, never delivered).`,
    );
    env.SMTP_URL = sink.url;
  }

  const gatewayPort = Number(process.env.GATEWAY_PORT ?? 4000);
  const webPort = Number(process.env.WEB_PORT ?? 5173);
  const webOrigin = `http://127.0.0.1:${webPort}`;
  const servicesEnv = {
    ...serviceEnv,
    ...env,
    GATEWAY_PORT: String(gatewayPort),
    WEB_ORIGIN: webOrigin,
    PUBLIC_URL: webOrigin,
    // The local demo sign-in (anyone can be any demo user), unless a real issuer is configured.
    ...(env.OIDC_ISSUER ? {} : { DEMO_SIGN_IN: env.DEMO_SIGN_IN ?? "on" }),
  };

  // The gateway and the worker run compiled, as in production (scripts/build.mjs, which needs the
  // installed esbuild: imported only now), with the production heap limits.
  console.log("Building the gateway and the worker …");
  await (await import("./build.mjs")).buildServices();
  watch(
    start("gateway", process.execPath, [...serviceNodeFlags.gateway, serviceEntry("gateway")], {
      env: servicesEnv,
    }),
    "gateway",
  );
  // Two workers as in production (infra/): the live one keeps the overview current, the bulk one
  // (at a lower CPU priority) sends summaries and mail and runs imports, so neither waits on the other.
  const workerPort = Number(process.env.WORKER_METRICS_PORT ?? 9464);
  for (const [role, port] of [
    ["live", workerPort],
    ["bulk", workerPort === 0 ? 0 : workerPort + 1],
  ]) {
    const workerEnv = { ...servicesEnv, WORKER_ROLE: role, WORKER_METRICS_PORT: String(port) };
    watch(
      start(`worker (${role})`, process.execPath, [...serviceNodeFlags.worker, serviceEntry("worker")], {
        env: workerEnv,
      }),
      `worker (${role})`,
    );
  }
  await waitForPort(gatewayPort, { timeoutMs: 60_000 });
  watch(
    start("web", join(root, "web", "node_modules", ".bin", "vite"), [], {
      cwd: join(root, "web"),
      env: { ...servicesEnv, GATEWAY_URL: `http://127.0.0.1:${gatewayPort}`, WEB_PORT: String(webPort) },
    }),
    "web",
  );
  await waitForPort(webPort, { timeoutMs: 60_000 });

  console.log(`
Samspill is running.
  Web app:          ${webOrigin}/
  GraphQL endpoint: http://127.0.0.1:${gatewayPort}/graphql
  Queue dashboard:  http://127.0.0.1:${gatewayPort}/admin/queues (RHF admins)
  Outgoing mail:    ${env.SMTP_URL}
Press Ctrl-C to stop.
`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  void stopAll(1);
});
