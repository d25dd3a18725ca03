import { join } from "node:path";
import { scales } from "./generate/index.js";
import { repoRoot } from "./processes.js";

// The run's flags and sizes: --quick (smaller data, shorter runs), --no-profile, --keep-db,
// --only=http|worker, --cluster (also the hub gateway once per core behind node:cluster),
// --profile-worker.

export const argv = new Set(process.argv.slice(2));
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
export const runHttp = only !== "worker";
export const runWorker = only !== "http";
export const quick = argv.has("--quick");
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
