import autocannon from "autocannon";

// One measurement: 50 connections against one endpoint for a fixed time, after a warm-up run
// whose figures are thrown away. Every request gets the next variables of its scenario.

export interface LoadTarget {
  url: string;
  query: string;
  variables: (i: number) => Record<string, unknown>;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** Mean response size in bytes. */
  bytes: number;
}

export interface LoadOptions {
  connections: number;
  warmupSeconds: number;
  seconds: number;
  /** Called right before and after the measured run (not the warm-up). */
  around?: { before(): Promise<void> | void; after(): Promise<void> | void };
}

function fire(target: LoadTarget, connections: number, seconds: number): Promise<autocannon.Result> {
  let counter = 0;
  return autocannon({
    url: target.url,
    connections,
    duration: seconds,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ query: target.query, variables: target.variables(counter++) }),
        }),
      },
    ],
  });
}

export async function measure(target: LoadTarget, options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds > 0) await fire(target, options.connections, options.warmupSeconds);
  await options.around?.before();
  const r = await fire(target, options.connections, options.seconds);
  await options.around?.after();
  return {
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    bytes: r.requests.total > 0 ? Math.round(r.throughput.total / r.requests.total) : 0,
  };
}

/** One request, checked: a GraphQL error or an empty answer fails the benchmark before it measures. */
export async function probe(target: LoadTarget, i = 0): Promise<{ bytes: number; data: unknown }> {
  const response = await fetch(target.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: target.query, variables: target.variables(i) }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (!response.ok || body.errors || !body.data || Object.values(body.data).some((v) => v === null))
    throw new Error(`${target.url} answered ${response.status}: ${text.slice(0, 500)}`);
  return { bytes: Buffer.byteLength(text), data: body.data };
}
