import { spawn, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { freePort, waitForPort } from "./ports.mjs";

export const redisMissingMessage =
  "Samspill needs Redis: install it (Debian/Ubuntu: `sudo apt-get install redis-server`, macOS: `brew install redis`) or set REDIS_URL to a running Redis.";

/** The redis-server executable on PATH, or null. */
export function findRedisServer() {
  const found = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : null;
}

/**
 * Starts a private redis-server. AOF with fsync every second and noeviction are what the hub
 * needs from Redis: queued jobs must survive a restart and must never be evicted.
 */
/** @param {{ dir?: string, port?: number, persistent?: boolean }} [options] */
export async function startRedisServer({ dir, port, persistent = true } = {}) {
  const binary = findRedisServer();
  if (!binary) throw new Error(redisMissingMessage);
  const chosen = port ?? (await freePort());
  const args = [
    "--port",
    String(chosen),
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    "--maxmemory-policy",
    "noeviction",
  ];
  if (persistent && dir) {
    mkdirSync(dir, { recursive: true });
    args.push("--dir", dir, "--appendonly", "yes", "--appendfsync", "everysec");
  } else {
    args.push("--appendonly", "no");
  }
  // Its own process group, so Ctrl-C in a terminal leaves it to the caller to stop it after the
  // processes that use it.
  const child = spawn(binary, args, { stdio: ["ignore", "ignore", "pipe"], detached: true });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  // Detached, it would outlive a caller that exits without stopping it.
  const orphanGuard = () => child.exitCode === null && child.kill("SIGTERM");
  process.once("exit", orphanGuard);
  child.once("exit", () => process.off("exit", orphanGuard));
  try {
    await Promise.race([
      waitForPort(chosen, { timeoutMs: 15_000 }),
      exited.then((code) => {
        throw new Error(`redis-server exited with ${code}: ${stderr.trim()}`);
      }),
    ]);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    pid: child.pid,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
