#!/usr/bin/env node
// `npm run bench`: installs and generates like `npm test`, then runs the benchmark (bench/src/main.ts).
// Arguments pass through: `npm run bench -- --quick`. Needs redis-server on PATH (Debian/Ubuntu:
// `sudo apt-get install redis-server`); Postgres from DATABASE_URL, 127.0.0.1:5432 or embedded PGlite.
import { bin, ensureInstalled, generate, root, run } from "./workspace.mjs";

ensureInstalled();
generate();
try {
  run(bin("tsx"), ["src/main.ts", ...process.argv.slice(2)], { cwd: `${root}/bench` });
} catch {
  process.exit(1);
}
