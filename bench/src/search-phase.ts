import { graphql } from "@samspill/graphql";
import { print } from "graphql";
import type { Hub, Run } from "./hub.js";
import { type LoadResult, type LoadTarget, measure, probe } from "./load.js";
import { addSearchSet, missesAt, recallAt, searchSet } from "./search-set.js";
import { connections, settings } from "./settings.js";

// The search test set at national scale: its offers added as needles among the generated ones,
// each query asked once for recall, then all of them in rotation under load for latency. On the
// gateway with its caches off: a few dozen queries repeated would otherwise measure the cache.

export interface SearchResult {
  queries: number;
  recallAt5: number;
  recallAt10: number;
  /** Expected offers not in the first 10, so a drop in recall names its queries. */
  missesAt10: string[];
  load: LoadResult;
}

const search = graphql(`query SearchSetBench($filter: OfferFilter, $first: Int) {
  offers(filter: $filter, first: $first) {
    totalCount
    edges { node { id title summary format languages provider { id name } } }
  }
}`);

export async function searchPhase(run: Run, hub: Hub): Promise<void> {
  const ids = await addSearchSet(hub.db);
  const gateway = await hub.launch("uncached", "services/gateway/src/main.ts", {
    ...hub.gatewayEnv,
    GATEWAY_PORT: String(hub.ports.uncached),
    OVERVIEW_CACHE_MS: "0",
    RESPONSE_CACHE_MS: "0",
  });
  try {
    const { queries } = searchSet;
    const target: LoadTarget = {
      url: `http://127.0.0.1:${hub.ports.uncached}/graphql`,
      query: print(search),
      variables: (i) => ({ first: 10, filter: { text: queries[i % queries.length]!.q } }),
    };
    const found = new Map<string, string[]>();
    for (const [i, query] of queries.entries()) {
      const { data } = await probe(target, i);
      const edges = (data as { offers: { edges: { node: { id: string } }[] } }).offers.edges;
      found.set(
        query.q,
        edges.map((e) => e.node.id),
      );
    }
    const load = await measure(target, {
      connections,
      warmupSeconds: settings.warmup,
      seconds: settings.seconds,
    });
    const result: SearchResult = {
      queries: queries.length,
      recallAt5: recallAt(5, found, ids),
      recallAt10: recallAt(10, found, ids),
      missesAt10: missesAt(10, found, ids),
      load,
    };
    run.results.search = result;
    run.say(
      `search test set (${result.queries} queries): recall@5 ${(100 * result.recallAt5).toFixed(0)} %, recall@10 ${(100 * result.recallAt10).toFixed(0)} %; under load ${load.requestsPerSecond.toFixed(0)} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms${load.errors + load.non2xx ? `, ${load.errors + load.non2xx} errors` : ""}`,
    );
    if (result.missesAt10.length > 0) run.say(`not in the first 10: ${result.missesAt10.join("; ")}`);
  } finally {
    await gateway.stop();
  }
}
