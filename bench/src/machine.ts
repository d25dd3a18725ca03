import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg, totalmem } from "node:os";

// What the run ran on. The machine is shared, so every run records how busy it was.

/** `uptime`, or the load averages where there is no `uptime`. */
export const uptime = () => {
  const r = spawnSync("uptime", [], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : `load average: ${loadAverages(", ")}`;
};

export const loadAverages = (separator: string) =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(separator);

function redisVersion(): string {
  const r = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
  return /v=(\S+)/.exec(r.stdout ?? "")?.[1] ?? "unknown";
}

export function machine(): Record<string, string> {
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown";
  return {
    cpus: `${availableParallelism()} × ${cpu}`,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    redis: redisVersion(),
    "uptime at start": uptime(),
    "load average at start (1/5/15 min)": loadAverages(" / "),
  };
}
