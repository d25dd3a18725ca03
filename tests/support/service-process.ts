import { type ChildProcess, spawn } from "node:child_process";
import { repoRoot } from "../setup/provision.js";

// A service (gateway or worker) as its own Node process, started the way production starts it:
// its main.ts, its environment, its own connections. Resolves once the process logs `ready`.

export interface ServiceProcess {
  child: ChildProcess;
  /** The first log line that matched `ready`, parsed. */
  readyLine: Record<string, unknown>;
  /** Everything the process printed so far (the last 200 kB), for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export async function startServiceProcess(
  entry: string,
  env: Record<string, string>,
  ready: (line: Record<string, unknown>) => boolean,
): Promise<ServiceProcess> {
  // Node itself with tsx's loader, not the tsx CLI: the CLI runs the service in a grandchild,
  // which a signal to the CLI would not reach reliably.
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-200_000);
  };
  child.stderr?.on("data", keep);
  const readyLine = await new Promise<Record<string, unknown>>((resolve, reject) => {
    let pending = "";
    const timer = setTimeout(() => reject(new Error(`${entry} did not start:\n${output}`)), 60_000);
    timer.unref();
    child.stdout?.on("data", (d: Buffer) => {
      keep(d);
      pending += d.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const text of lines) {
        let line: Record<string, unknown>;
        try {
          line = JSON.parse(text) as Record<string, unknown>;
        } catch {
          continue;
        }
        if (ready(line)) {
          clearTimeout(timer);
          resolve(line);
        }
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
  return {
    child,
    readyLine,
    output: () => output,
    async stop(graceMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
