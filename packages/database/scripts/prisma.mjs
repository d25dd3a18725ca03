#!/usr/bin/env node
// Runs this package's Prisma CLI with the wasm stand-in for the native schema engine (see
// scripts/schema-engine.mjs): `node scripts/prisma.mjs migrate dev --name init` etc. Arguments,
// stdio and the exit code pass through; the working directory is packages/database, so the
// CLI finds prisma.config.ts and relative paths are relative to this package.
//
// Setting PRISMA_SCHEMA_ENGINE_BINARY yourself (e.g. to a native binary) takes precedence.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const cli = join(dirname(createRequire(import.meta.url).resolve("prisma/package.json")), "build/index.js");

const child = spawn(process.execPath, [cli, ...process.argv.slice(2)], {
  cwd: packageDir,
  stdio: "inherit",
  env: {
    ...process.env,
    // Generators named by command (`provider = "prisma-pothos-types"`) are this package's bins, found
    // on PATH when run as a package script; put them there for direct runs too.
    PATH: [join(packageDir, "node_modules", ".bin"), process.env.PATH].filter(Boolean).join(delimiter),
    PRISMA_SCHEMA_ENGINE_BINARY:
      process.env.PRISMA_SCHEMA_ENGINE_BINARY ||
      fileURLToPath(new URL("./schema-engine.mjs", import.meta.url)),
    // No update check or telemetry request: the machines this exists for are offline.
    CHECKPOINT_DISABLE: process.env.CHECKPOINT_DISABLE ?? "1",
    PRISMA_HIDE_UPDATE_MESSAGE: process.env.PRISMA_HIDE_UPDATE_MESSAGE ?? "1",
  },
});

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("error", (error) => {
  console.error(`Could not start the Prisma CLI (${cli}): ${error.message}`);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  process.exit(code ?? (signal ? 128 + (signal === "SIGINT" ? 2 : signal === "SIGHUP" ? 1 : 15) : 1));
});
