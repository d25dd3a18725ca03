import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serviceEntry, serviceEnv, serviceNodeFlags } from "../../infra/local/node-flags.mjs";
import { freePort, waitForPort } from "../../infra/local/ports.mjs";

export { freePort };

// The services under test run as child processes (`node`, so the pid is the server itself: its
// RSS is measured and it can be profiled), leaving this process to the load generator. The hub's
// gateway and worker run as in production: their compiled bundle (scripts/build.mjs, built by
// main.ts) with the production heap flags and environment (hub.ts sets NODE_ENV=production);
// the bench's own servers run their TypeScript via tsx.

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const bin = (name: string) => join(repoRoot, "node_modules", ".bin", name);

export function run(
  command: string,
  args: string[],
  { env = process.env, quiet = false }: { env?: NodeJS.ProcessEnv; quiet?: boolean } = {},
) {
  const result = spawnSync(command, args, {
    cwd: repoRoot,
    env,
    stdio: quiet ? "pipe" : "inherit",
    encoding: "utf8",
  });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(" ")} failed (${result.status})\n${result.stdout ?? ""}${result.stderr ?? ""}`,
    );
  return result;
}

export interface Service {
  name: string;
  child: ChildProcess;
  pid: number;
  /** The last lines it printed, for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  env: NodeJS.ProcessEnv;
  /** Ready once this port on 127.0.0.1 accepts connections. */
  port: number;
  /** Extra flags for node, e.g. --cpu-prof. */
  nodeArgs?: string[];
  args?: string[];
  /** Standard output goes here (services log JSON lines; reading them would load this process). */
  logFile: string;
  timeoutMs?: number;
}

/** --from-source: the hub's services from their TypeScript via tsx, as before the build step (to compare). */
const fromSource = process.argv.includes("--from-source");

/** `services/gateway/src/main.ts` → how production runs it: the bundle and the heap flags. */
function production(entry: string): { file: string; flags: string[] } | null {
  if (fromSource) return null;
  const service = /^services\/(gateway|worker)\/src\/main\.ts$/.exec(entry)?.[1] as
    | "gateway"
    | "worker"
    | undefined;
  return service ? { file: serviceEntry(service), flags: serviceNodeFlags[service] } : null;
}

/**
 * Runs `entry` (a path from the repository root) from its package's directory, so tsx reads that
 * package's tsconfig.json (the worker's mail templates need its `jsx: react-jsx`).
 */
export async function startService(name: string, entry: string, options: StartOptions): Promise<Service> {
  const packageDir = join(
    repoRoot,
    entry
      .split("/")
      .slice(0, entry.startsWith("bench/") ? 1 : 2)
      .join("/"),
  );
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, "w");
  const built = production(entry);
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      ...(built ? built.flags : ["--import", "tsx"]),
      join(repoRoot, built ? built.file : entry),
      ...(options.args ?? []),
    ],
    {
      cwd: packageDir,
      env: built ? { ...serviceEnv, ...options.env } : options.env,
      stdio: ["ignore", log, "pipe"],
    },
  );
  closeSync(log);
  const lines: string[] = [];
  let pending = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const parts = pending.split("\n");
    pending = parts.pop() ?? "";
    for (const line of parts) {
      lines.push(line);
      if (lines.length > 40) lines.shift();
    }
  });
  const output = () => `${lines.join("\n")}\n(standard output: ${options.logFile})`;
  const exited = new Promise<void>((resolvePromise) => child.once("exit", () => resolvePromise()));
  const died = exited.then(() => {
    throw new Error(
      `${name} exited (${child.signalCode ?? child.exitCode}) before it was ready:\n${output()}`,
    );
  });
  try {
    // Generous: on the shared machine, under a load of 20 and more, a service took minutes to start.
    await Promise.race([waitForPort(options.port, { timeoutMs: options.timeoutMs ?? 300_000 }), died]);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  died.catch(() => undefined);
  return {
    name,
    child,
    pid: child.pid!,
    output,
    async stop(graceMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const kill = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(kill);
    },
  };
}

/** Resident set size of a process in MB (Linux /proc), or null when it is gone. */
export function rssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** The process and its children, grandchildren … (cluster workers). */
export function processTree(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    return [pid, ...children.flatMap((c) => processTree(Number(c)))];
  } catch {
    return [pid];
  }
}

/** CPU time (user + system) a process has used so far, in seconds; 0 when it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th of them.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Samples the RSS of the given processes every `everyMs` until stopped; keeps the peaks. */
export function sampleRss(pids: Record<string, number>, everyMs = 250) {
  const peaks: Record<string, number> = {};
  const tick = () => {
    for (const [name, pid] of Object.entries(pids)) {
      const mb = rssMb(pid);
      if (mb !== null) peaks[name] = Math.max(peaks[name] ?? 0, mb);
    }
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    stop(): Record<string, number> {
      clearInterval(timer);
      tick();
      return peaks;
    },
  };
}
