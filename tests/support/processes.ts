import { type ChildProcess, spawn } from "node:child_process";
import { repoRoot } from "../setup/provision.js";

// Node services run as real child processes, so a test can SIGKILL or SIGTERM them like an
// orchestrator would. Node itself with tsx's loader, not the tsx CLI: the CLI runs the script
// in a grandchild, which a SIGKILL of the CLI would leave running.

export interface Child {
  process: ChildProcess;
  /** Everything it printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Resolves with the exit code (null after a signal) once it has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
  /** Sends `signal` and waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartChildOptions {
  name: string;
  /** Node arguments, e.g. ["--import", "tsx", "services/worker/src/main.ts"]. */
  args: string[];
  /** Arguments for the script itself. */
  extraArgs?: string[];
  /** Added to this process's environment. */
  env: Record<string, string>;
  /** Resolves once the output matches. */
  ready: RegExp;
  timeoutMs?: number;
}

export async function startChild(options: StartChildOptions): Promise<Child> {
  const proc = spawn(process.execPath, [...options.args, ...(options.extraArgs ?? [])], {
    cwd: repoRoot,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const running = () => proc.exitCode === null && proc.signalCode === null;
  const child: Child = {
    process: proc,
    output: () => output,
    exited,
    running,
    async kill(signal) {
      if (running()) proc.kill(signal);
      return exited;
    },
    async stop(graceMs = 20_000) {
      if (!running()) return;
      const timer = setTimeout(() => proc.kill("SIGKILL"), graceMs);
      proc.kill("SIGTERM");
      await exited;
      clearTimeout(timer);
    },
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill("SIGKILL");
      reject(new Error(`${options.name} did not start within ${options.timeoutMs ?? 60_000} ms:\n${output}`));
    }, options.timeoutMs ?? 60_000);
    const onData = (d: Buffer) => {
      // Bounded: a chatty service must not grow the test's memory without limit.
      output = (output + d.toString()).slice(-200_000);
      if (options.ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout?.on("data", onData);
    proc.stderr?.on("data", onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
  return child;
}

/** Starts `services/worker/src/main.ts`; resolves once it reports that it runs. */
export function startWorkerProcess(env: Record<string, string>): Promise<Child> {
  return startChild({
    name: "worker",
    args: ["--import", "tsx", "services/worker/src/main.ts"],
    env: { NODE_ENV: "test", LOG_LEVEL: "info", WORKER_METRICS_PORT: "0", ...env },
    ready: /"msg":"worker started"/,
  });
}

/** Starts `services/gateway/src/main.ts`; resolves once it listens. */
export function startGatewayProcess(env: Record<string, string>): Promise<Child> {
  return startChild({
    name: "gateway",
    args: ["--import", "tsx", "services/gateway/src/main.ts"],
    env: { NODE_ENV: "test", LOG_LEVEL: "info", ...env },
    ready: /gateway listening on/,
  });
}
