import type { Hub, Run } from "./hub.js";
import { type LoadOptions, type LoadTarget, measure, probe } from "./load.js";
import { cpuSeconds, processTree, sampleRss } from "./processes.js";
import type { HttpCell, TargetName } from "./report.js";
import { argv, connections, scenarios, settings } from "./settings.js";
import {
  catalogueQuery,
  catalogueVariables,
  helloQuery,
  offerQuery,
  offerVariables,
  overviewQuery,
  overviewVariables,
  type Scenario,
} from "./workload.js";

// The HTTP phase: each scenario on the hub gateway and on its yardsticks (raw SQL, a bare hello
// query), the gateway with its caches off, mounted other ways, and (--cluster) once per core.

export function targetFor(hub: Hub, name: TargetName, scenario: Scenario | "hello"): LoadTarget {
  if (scenario === "hello")
    return { url: `http://127.0.0.1:${hub.ports.hello}/graphql`, query: helloQuery, variables: () => ({}) };
  const variables: Record<Scenario, (i: number) => Record<string, unknown>> = {
    catalogue: catalogueVariables,
    offer: offerVariables(hub.dataset.publishedOfferIds.slice(0, 500)),
    overview: overviewVariables(hub.dataset.hospitalTrustIds),
  };
  const queries: Record<Scenario, string> = {
    catalogue: catalogueQuery,
    offer: offerQuery,
    overview: overviewQuery,
  };
  return {
    url:
      name === "raw"
        ? `http://127.0.0.1:${hub.ports.raw}/${scenario}`
        : `http://127.0.0.1:${hub.ports[name]}/graphql`,
    query: queries[scenario],
    variables: variables[scenario],
  };
}

/** Measures one scenario on one target, with the CPU time per request it cost. */
async function cell(run: Run, hub: Hub, name: TargetName, scenario: Scenario | "hello") {
  const { results } = run;
  const target = targetFor(hub, name, scenario);
  const sample = await probe(target);
  const watched = hub.services[name];
  const rss = watched ? sampleRss({ [name]: watched.pid }) : null;
  // Postgres backends serving this database (they are separate processes); none for PGlite.
  const backendPids = async () =>
    hub.database.kind === "postgres"
      ? (
          await hub.client.query<{ pid: number }>(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
          )
        ).rows.map((r) => r.pid)
      : [];
  // CPU time per request of the server process and of the Postgres backends: steadier than
  // requests per second on a machine that other work shares.
  const serverCpu = () =>
    watched ? processTree(watched.pid).reduce((sum, pid) => sum + cpuSeconds(pid), 0) : 0;
  const backendCpu = async () => new Map((await backendPids()).map((pid) => [pid, cpuSeconds(pid)]));
  let cpuBefore = { server: 0, backends: new Map<number, number>() };
  let cpu = { server: 0, database: 0 };
  const load: LoadOptions = { connections, warmupSeconds: settings.warmup, seconds: settings.seconds };
  const result = await measure(target, {
    ...load,
    around: {
      before: async () => {
        cpuBefore = { server: serverCpu(), backends: await backendCpu() };
      },
      after: async () => {
        // Backends that closed meanwhile cannot be read any more; new ones count from zero.
        let database = 0;
        for (const [pid, seconds] of await backendCpu())
          database += seconds - (cpuBefore.backends.get(pid) ?? 0);
        cpu = { server: serverCpu() - cpuBefore.server, database };
      },
    },
  });
  const peak = rss?.stop()[name];
  if ((name === "gateway" || name === "uncached") && peak)
    results.rss[`${name}Load`] = Math.max(results.rss[`${name}Load`] ?? 0, peak);
  const perRequest = (seconds: number) => (1000 * seconds) / Math.max(1, result.requests);
  const entry: HttpCell = {
    target: name,
    scenario,
    result,
    cpuMs: { server: perRequest(cpu.server), database: perRequest(cpu.database) },
  };
  results.http.push(entry);
  run.say(
    `${scenario} on ${name}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${entry.cpuMs.server.toFixed(2)} + ${entry.cpuMs.database.toFixed(2)} CPU ms/request (server + Postgres), ${sample.bytes} bytes${result.errors + result.non2xx ? `, ${result.errors + result.non2xx} errors` : ""}`,
  );
  return entry;
}

export async function httpPhase(run: Run, hub: Hub): Promise<void> {
  const measureOn = (name: TargetName, scenario: Scenario | "hello") => cell(run, hub, name, scenario);
  await measureOn("hello", "hello");
  for (const scenario of scenarios) {
    await measureOn("raw", scenario);
    await measureOn("gateway", scenario);
  }
  await hub.services.raw?.stop();
  await hub.services.hello?.stop();
  // The same hub gateway with its caches off: what every request costs when nothing is
  // cached (a signed-in reader, or the first reader after a change).
  const uncached = await hub.launch("uncached", "services/gateway/src/main.ts", {
    ...hub.gatewayEnv,
    GATEWAY_PORT: String(hub.ports.uncached),
    OVERVIEW_CACHE_MS: "0",
    RESPONSE_CACHE_MS: "0",
  });
  for (const scenario of scenarios) await measureOn("uncached", scenario);
  await uncached.stop();
  // How the gateway is mounted: the same app and schema without sign-in, rate limit and
  // request log, on @hono/node-server and as yoga's own node:http listener.
  for (const mount of ["hono", "yoga"] as const) {
    const server = await hub.launch(mount, "bench/src/servers/gateway-mount.ts", {
      PORT: String(hub.ports[mount]),
      MOUNT: mount,
    });
    for (const scenario of scenarios.filter((s) => s !== "offer")) await measureOn(mount, scenario);
    await server.stop();
  }
  // Scaling out on the machine instead: the whole hub gateway once per core.
  if (!argv.has("--cluster")) return;
  await hub.gateway.stop();
  const clustered = await hub.launch("cluster", "bench/src/servers/gateway-cluster.ts", {
    ...hub.gatewayEnv,
    GATEWAY_PORT: String(hub.ports.cluster),
  });
  for (const scenario of scenarios.filter((s) => s !== "offer")) await measureOn("cluster", scenario);
  await clustered.stop();
}
