import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// Shared by the two README commands. Plain Node, no dependencies: they run before install.

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const pnpmVersion = "9.15.9";

/** Runs pnpm (fetched by npx from the npm registry when it is not cached) and waits. */
export function pnpm(args, options = {}) {
  return run("npx", ["-y", `pnpm@${pnpmVersion}`, ...args], options);
}

export function run(command, args, { cwd = root, env = process.env, quiet = false } = {}) {
  const result = spawnSync(command, args, { cwd, env, stdio: quiet ? "pipe" : "inherit", encoding: "utf8" });
  if (result.status !== 0) {
    const detail = quiet ? `\n${result.stdout ?? ""}${result.stderr ?? ""}` : "";
    throw new Error(`${command} ${args.join(" ")} failed with exit code ${result.status}${detail}`);
  }
  return result;
}

/** A long-running child whose output is prefixed with its name. */
export function start(name, command, args, { cwd = root, env = process.env } = {}) {
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let pending = "";
    stream.on("data", (chunk) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
    });
  }
  return child;
}

export const bin = (name) => join(root, "node_modules", ".bin", name);

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export function ensureInstalled() {
  const marker = join(root, "node_modules", ".modules.yaml");
  const lock = join(root, "pnpm-lock.yaml");
  const fresh = existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
  if (fresh) return;
  console.log("Installing dependencies (pnpm install) …");
  pnpm(["install", "--frozen-lockfile", "--reporter=append-only"]);
}

/** Generates the Prisma client and Pothos types (offline: no engine download). */
export function generate() {
  run("node", ["packages/database/scripts/prisma.mjs", "generate"], { quiet: true });
}
