import { join } from "node:path";
import { scales } from "./generate/index.js";
import { repoRoot } from "./processes.js";

// The run's flags and sizes: --quick (smaller data, shorter runs), --no-profile, --keep-db,
// --only=http|worker|search|sign-ups|import (the offer import phase runs in every run; --only=import
// runs nothing else; sign-ups run with the HTTP phase), --cluster (also the hub gateway once per core behind node:cluster),
// --profile-worker, --lag-without-digests (the worker phase's lag alone), --scenarios=catalogue,offer,overview (a subset of the HTTP scenarios),
// --from-source (the hub's gateway and worker via tsx instead of their compiled bundle, read in
// processes.ts).

export const argv = new Set(process.argv.slice(2));
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
export const runHttp = only === undefined || only === "http";
export const runWorker = only === undefined || only === "worker";
/** The search test set: with the HTTP phase, or alone (--only=search). */
export const runSearch = only === undefined || only === "http" || only === "search";
/** Sign-ups through the hub gateway: with the HTTP phase, or alone (--only=sign-ups). */
export const runSignUps = only === undefined || only === "http" || only === "sign-ups";
export const quick = argv.has("--quick");
/** --lag-without-digests: the worker phase measures the lag with no digest run beside it. */
export const lagWithoutDigests = argv.has("--lag-without-digests");
/** --scenarios=overview,offer: only these HTTP scenarios (all three by default), to measure one path while working on it. */
const scenarioFlag = process.argv.find((a) => a.startsWith("--scenarios="))?.slice("--scenarios=".length);
export const scenarios = (["catalogue", "offer", "overview"] as const).filter(
  (s) => scenarioFlag === undefined || scenarioFlag.split(",").includes(s),
);
export const settings = quick
  ? {
      scale: scales.quick,
      warmup: 2,
      seconds: 5,
      lagSeconds: 10,
      digests: 1_000,
      jobs: 3_000,
      profileSeconds: 5,
    }
  : {
      scale: scales.full,
      warmup: 10,
      seconds: 20,
      lagSeconds: 60,
      digests: 10_000,
      jobs: 20_000,
      profileSeconds: 15,
    };
export const profile = !argv.has("--no-profile");
export const connections = 50;
export const eventsPerSecond = 200;
export const resultsDir = join(repoRoot, "bench", "results");
export const logDir = join(resultsDir, "logs");
