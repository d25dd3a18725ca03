import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { freePort } from "../../../infra/local/ports.mjs";
import { repoRoot } from "../../setup/provision.js";
import { type Child, startChild } from "../../support/processes.js";

// A Postgres of the test's own that it may kill and start again on the same data directory:
// a private server from this machine's binaries (initdb/postgres) when they exist, else the
// project's embedded PGlite in a child process. SAMSPILL_FAULTS_POSTGRES=pglite forces the
// latter, so the embedded path can be checked on a machine that has both.

export interface PrivatePostgres {
  kind: "postgres" | "pglite";
  url: string;
  port: number;
  /** Kills the server without warning (SIGKILL of every server process), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data directory. */
  start(): Promise<void>;
  /** Stops it cleanly (no-op when it is down). */
  stop(): Promise<void>;
}

/** The directory holding initdb and postgres, or null when this machine has none. */
export function findPostgresBinaries(): string | null {
  if (process.env.SAMSPILL_FAULTS_POSTGRES === "pglite") return null;
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  const candidates = [
    ...(onPath ? [join(onPath, "..")] : []),
    ...(existsSync("/usr/lib/postgresql")
      ? readdirSync("/usr/lib/postgresql")
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ];
  return candidates.find((d) => existsSync(join(d, "initdb")) && existsSync(join(d, "postgres"))) ?? null;
}

/**
 * Postgres refuses to run as root. As root, the server runs as the `postgres` system user when
 * there is one (Debian's packages create it); without one the embedded server is used instead.
 */
function serverUser(): { uid: number; gid: number } | null | undefined {
  if (userInfo().uid !== 0) return undefined;
  const entry = spawnSync("getent", ["passwd", "postgres"], { encoding: "utf8" }).stdout.trim();
  const [, , uid, gid] = entry.split(":");
  return uid && gid ? { uid: Number(uid), gid: Number(gid) } : null;
}

export type PostgresKind = "postgres" | "pglite";

/** Which server this machine can run for the fault tests. */
export function postgresKind(): PostgresKind {
  return findPostgresBinaries() && serverUser() !== null ? "postgres" : "pglite";
}

/** Creates an empty cluster in `dataDir` (initdb; PGlite creates its own on first start). */
export function initCluster(kind: PostgresKind, dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  if (kind === "pglite") return;
  const user = serverUser() ?? undefined;
  if (user) {
    // Every directory above the cluster must be passable for the server's own user.
    chmodSync(join(dataDir, ".."), 0o755);
    chownSync(dataDir, user.uid, user.gid);
  }
  const init = spawnSync(
    join(findPostgresBinaries() as string, "initdb"),
    ["-D", dataDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"],
    { encoding: "utf8", ...user },
  );
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`);
}

/** Copies a cleanly stopped cluster with its owner and modes (Postgres insists on both). */
export function copyCluster(from: string, to: string): void {
  if (serverUser()) chmodSync(join(to, ".."), 0o755);
  const copy = spawnSync("cp", ["-a", from, to], { encoding: "utf8" });
  if (copy.status !== 0) throw new Error(`copying ${from} failed: ${copy.stderr}`);
}

/** Serves the cluster in `dataDir` on a free port. */
export async function startPostgres(kind: PostgresKind, dataDir: string): Promise<PrivatePostgres> {
  const port = await freePort();
  if (kind === "pglite") return startEmbeddedPostgres(dataDir, port);
  return startNativePostgres(findPostgresBinaries() as string, serverUser() ?? undefined, dataDir, port);
}

async function startNativePostgres(
  binaries: string,
  user: { uid: number; gid: number } | undefined,
  dataDir: string,
  port: number,
): Promise<PrivatePostgres> {
  let child: ChildProcess | null = null;
  const start = async () => {
    // Its own process group, so kill() reaches the postmaster and every backend at once.
    child = spawn(
      join(binaries, "postgres"),
      [
        "-D",
        dataDir,
        "-p",
        String(port),
        "-h",
        "127.0.0.1",
        "-k",
        dataDir,
        "-c",
        "fsync=off",
        "-c",
        "max_connections=100",
      ],
      { stdio: ["ignore", "ignore", "pipe"], detached: true, ...user },
    );
    let log = "";
    // The port opens before crash recovery ends ("not yet accepting connections"); this line
    // comes once it has.
    const ready = new Promise<void>((resolve) =>
      child?.stderr?.on("data", (d: Buffer) => {
        log = (log + d.toString()).slice(-4000);
        if (log.includes("ready to accept connections")) resolve();
      }),
    );
    const exited = new Promise<never>((_, reject) =>
      child?.once("exit", (code) => reject(new Error(`postgres exited (${code}):\n${log}`))),
    );
    exited.catch(() => undefined);
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`postgres did not start within 30 s:\n${log}`)), 30_000).unref(),
    );
    await Promise.race([ready, exited, timeout]);
  };
  const kill = async () => {
    const c = child;
    if (!c?.pid || c.exitCode !== null || c.signalCode !== null) return;
    const gone = new Promise((r) => c.once("exit", r));
    process.kill(-c.pid, "SIGKILL");
    await gone;
    // Backends may outlive the postmaster by a moment; the group must be empty before a restart.
    for (let i = 0; i < 100 && groupAlive(c.pid); i++) await new Promise((r) => setTimeout(r, 50));
  };
  await start();
  return {
    kind: "postgres",
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    kill,
    start,
    async stop() {
      // SIGINT is Postgres's "fast" shutdown: a checkpoint, then exit; the cluster stays copyable.
      const c = child;
      if (!c?.pid || c.exitCode !== null || c.signalCode !== null) return;
      const gone = new Promise((r) => c.once("exit", r));
      c.kill("SIGINT");
      await gone;
    },
  };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function startEmbeddedPostgres(dataDir: string, port: number): Promise<PrivatePostgres> {
  let child: Child | null = null;
  const start = async () => {
    child = await startChild({
      name: "embedded Postgres",
      args: ["--import", "tsx", join(repoRoot, "packages/database/src/embedded/serve.ts")],
      extraArgs: ["--data", dataDir, "--port", String(port)],
      env: {},
      ready: /READY /,
    });
  };
  await start();
  return {
    kind: "pglite",
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    port,
    async kill() {
      await child?.kill("SIGKILL");
    },
    start,
    async stop() {
      await child?.stop();
    },
  };
}
