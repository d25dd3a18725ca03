import { type ChildProcess, spawn } from "node:child_process";
import { connect } from "node:net";
import pg from "pg";
import { bin, repoRoot, run } from "./processes.js";

// The throw-away database: a fresh database on the Postgres named by DATABASE_URL, else on
// 127.0.0.1:5432 when something answers there, else an embedded PGlite in a child process.
// Migrated with `migrate deploy`, dropped (or stopped) at the end.

export interface BenchDatabase {
  url: string;
  /** What it runs on, for the report. */
  kind: "postgres" | "pglite";
  description: string;
  drop(): Promise<void>;
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const server =
    process.env.DATABASE_URL ??
    ((await reachable("127.0.0.1", 5432)) ? "postgresql://postgres@127.0.0.1:5432/postgres" : null);
  const db = server ? await onPostgres(server) : await onPglite();
  run("node", ["packages/database/scripts/prisma.mjs", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: db.url },
    quiet: true,
  });
  return db;
}

async function onPostgres(server: string): Promise<BenchDatabase> {
  const name = `samspill_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const version =
    (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? "?";
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: "postgres",
    description: `PostgreSQL ${version} at ${url.host} (database ${name}, dropped afterwards)`,
    async drop() {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** PGlite in its own process: served from this one, it would compete with the load generator. */
async function onPglite(): Promise<BenchDatabase> {
  const child: ChildProcess = spawn(bin("tsx"), ["packages/database/src/embedded/serve.ts", "--port", "0"], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d) => {
      out += d;
      const match = /READY (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`embedded Postgres exited with ${code}`)));
  });
  return {
    url,
    kind: "pglite",
    description: "PGlite (PostgreSQL 18 in WebAssembly, in memory, one backend)",
    async drop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
