#!/usr/bin/env node
// The one-shot step before a release starts (compose's `migrate` service, the Kubernetes Job):
// applies the committed migrations, then loads the region's reference data (regional health
// authority, hospital trusts, municipalities: only what is missing, so a rerun records nothing).
// With SEED_DEMO_DATA=true it then loads the demo region on top and rebuilds the overview from
// it, as `npm start` does; that seed is idempotent too, so a rerun updates the demo rows in place.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

function run(step, args) {
  console.log(`migrate: ${step}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`migrate: ${step} failed (${result.signal ?? result.status})`);
    process.exit(result.status ?? 1);
  }
}

run("applying migrations", ["packages/database/scripts/prisma.mjs", "migrate", "deploy"]);
run("loading the reference data", ["--import", "tsx", "packages/seed/src/reference-main.ts"]);
if (process.env.SEED_DEMO_DATA === "true") {
  run("loading the demo region", ["--import", "tsx", "packages/seed/src/main.ts"]);
  run("rebuilding the overview", ["--import", "tsx", "services/worker/src/commands/rebuild-overview.ts"]);
}
