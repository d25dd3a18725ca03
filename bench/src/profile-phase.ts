import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { targetFor } from "./http-phase.js";
import type { Hub, Run } from "./hub.js";
import { measure, probe } from "./load.js";
import { summariseProfile } from "./profile.js";
import { connections, resultsDir, settings } from "./settings.js";

// A CPU profile of the hub gateway on the scenario where it trails raw SQL the most, with its
// caches off: a cache hit shows nothing of where a request's time goes.

export async function profilePhase(run: Run, hub: Hub): Promise<void> {
  const { results, say } = run;
  const slowest = (["catalogue", "overview", "offer"] as const)
    .map((scenario) => {
      const own = results.http.find((c) => c.target === "uncached" && c.scenario === scenario)?.result;
      const raw = results.http.find((c) => c.target === "raw" && c.scenario === scenario)?.result;
      return { scenario, ratio: own && raw ? own.requestsPerSecond / raw.requestsPerSecond : 1 };
    })
    .sort((a, b) => a.ratio - b.ratio)[0]!.scenario;
  say(`profiling the gateway, caches off, on its slowest path (${slowest}) …`);
  await hub.gateway.stop();
  const dir = join(resultsDir, "profile");
  rmSync(dir, { recursive: true, force: true });
  const launchedAt = performance.now();
  const profiled = await hub.launch(
    "gateway",
    "services/gateway/src/main.ts",
    { ...hub.gatewayEnv, OVERVIEW_CACHE_MS: "0", RESPONSE_CACHE_MS: "0" },
    ["--cpu-prof", `--cpu-prof-dir=${dir}`],
  );
  const target = targetFor(hub, "gateway", slowest);
  await probe(target);
  // The profile runs from the process's start: loading and compiling modules, and the
  // warm-up, are left out of the summary so that it shows the steady state only.
  let measuredFrom = launchedAt;
  await measure(target, {
    connections,
    warmupSeconds: settings.warmup,
    seconds: settings.profileSeconds,
    around: {
      before: () => {
        measuredFrom = performance.now();
      },
      after: () => undefined,
    },
  });
  await profiled.stop();
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (file)
    results.profile = {
      scenario: slowest,
      target: "hub gateway, caches off",
      file: join("bench", "results", "profile", file),
      summary: summariseProfile(join(dir, file), { skipMs: measuredFrom - launchedAt }),
    };
  else results.notes.push("The gateway wrote no CPU profile.");
}
