import type { LoadResult } from "./load.js";
import type { HttpCell, Results } from "./report.js";

// The figures issue 16 asks for, each with its target: one row per figure, measured or not, so a
// run that skipped a phase says so instead of leaving the figure out. The detail tables of
// report.ts use the same checks.

export interface TargetRow {
  figure: string;
  measured: string;
  target: string;
  /** undefined: not measured in this run, or a figure reported without a target. */
  met?: boolean;
}

export const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : "–";
export const pct = (n: number) => `${fmt(100 * n)} %`;
export const mark = (ok: boolean) => (ok ? "met" : "**missed**");

export const notMeasured = "not measured in this run";
const find = (r: Results, target: string, scenario: string): HttpCell | undefined =>
  r.http.find((c) => c.target === target && c.scenario === scenario);
const ratio = (a: LoadResult, b: LoadResult) => ({
  rps: a.requestsPerSecond / b.requestsPerSecond,
  p99: a.p99 / Math.max(1, b.p99),
});

/** The caches-off gateway against raw SQL, per scenario (undefined when either was not measured). */
export function uncachedVsRaw(r: Results, scenario: "catalogue" | "offer" | "overview") {
  const cell = find(r, "uncached", scenario);
  const raw = find(r, "raw", scenario);
  return cell && raw ? { cell, ...ratio(cell.result, raw.result) } : undefined;
}

export const httpChecks = {
  catalogue: (r: Results) => {
    const x = uncachedVsRaw(r, "catalogue");
    return x && x.rps >= 1 && x.p99 <= 1.5;
  },
  offer: (r: Results) => {
    const x = uncachedVsRaw(r, "offer");
    return x && x.rps >= 0.8;
  },
  overview: (r: Results) => {
    const x = uncachedVsRaw(r, "overview");
    return x && x.rps >= 3 && x.cell.cpuMs.server <= 4;
  },
  overviewVsHello: (r: Results) => {
    const x = vsHello(r, "overview");
    return x === undefined ? undefined : x >= 0.4;
  },
};
export const httpTargetText = {
  catalogue: "≥ 100 %, p99 ≤ 1.5×",
  offer: "≥ 80 %",
  overview: "≥ 300 %, gateway CPU ≤ 4 ms/req",
  overviewVsHello: "vs hello ≥ 40 %",
};

/** The caches-off gateway's answer against the bare hello of the same stack. */
export function vsHello(r: Results, scenario: string) {
  const cell = find(r, "uncached", scenario);
  const hello = find(r, "hello", "hello");
  return cell && hello ? cell.result.requestsPerSecond / hello.result.requestsPerSecond : undefined;
}

/** Peaks of every worker process (`worker…Load`: one key, or one per process once it is split). */
export function workerPeaks(r: Results): [string, number][] {
  const peaks = Object.entries(r.rss).filter(([k]) => k.startsWith("worker") && k.endsWith("Load"));
  // With a process per role, `workerLoad` is the larger of theirs: counting it too would count one twice.
  return peaks.length > 1 ? peaks.filter(([k]) => k !== "workerLoad") : peaks;
}

export const digestCheck = (r: Results) => {
  const d = r.digests;
  if (!d) return undefined;
  const projected = (d.seconds * 10_000) / Math.max(1, d.subscribers);
  const cpu = r.workerCpuMs.perDigest;
  return { projected, cpu, met: d.finished && projected < 30 && cpu !== undefined && cpu <= 3 };
};

/** Every event written must be announced, whether or not it changed the overview. */
export const lagCheck = (r: Results) =>
  r.lag && r.lag.p99 < 250 && r.lag.received === r.lag.published && r.lag.failed === 0;

export const gatewayPeak = (r: Results) => {
  const peaks = [r.rss.gatewayLoad, r.rss.uncachedLoad].filter((x): x is number => x !== undefined);
  return peaks.length > 0 ? Math.max(...peaks) : undefined;
};

export function targetRows(r: Results): TargetRow[] {
  const rows: TargetRow[] = [];
  const http = (
    figure: string,
    key: "catalogue" | "offer" | "overview",
    show: (x: NonNullable<ReturnType<typeof uncachedVsRaw>>) => string,
  ) => {
    const x = uncachedVsRaw(r, key);
    rows.push({
      figure,
      measured: x ? show(x) : notMeasured,
      target: httpTargetText[key],
      met: x ? httpChecks[key](r) : undefined,
    });
  };
  http(
    "catalogue search, caches off, req/s and p99 vs raw SQL",
    "catalogue",
    (x) => `${pct(x.rps)}, p99 ${fmt(x.p99, 2)}×`,
  );
  http(
    "overview (hospital trust), caches off, req/s vs raw SQL from base tables; gateway CPU",
    "overview",
    (x) => `${pct(x.rps)}; ${fmt(x.cell.cpuMs.server, 2)} ms/req`,
  );
  http("offer detail, caches off, req/s vs raw SQL", "offer", (x) => pct(x.rps));

  const answers = (["catalogue", "offer", "overview"] as const)
    .map((s) => [s, vsHello(r, s)] as const)
    .filter(([, v]) => v !== undefined);
  rows.push({
    figure: "GraphQL answers (caches off) vs the bare hello of the same stack",
    measured: answers.length > 0 ? answers.map(([s, v]) => `${s} ${pct(v!)}`).join(", ") : notMeasured,
    target: `reported; overview ${httpTargetText.overviewVsHello.replace("vs hello ", "")}`,
    met: httpChecks.overviewVsHello(r),
  });

  const gateway = gatewayPeak(r);
  rows.push({
    figure: "gateway RSS peak under load (caches on and off)",
    measured: gateway === undefined ? notMeasured : `${fmt(gateway)} MB`,
    target: "< 250 MB",
    met: gateway === undefined ? undefined : gateway < 250,
  });

  const workers = workerPeaks(r);
  const workerSum = workers.reduce((sum, [, mb]) => sum + mb, 0);
  rows.push({
    figure: `worker RSS peak${workers.length > 1 ? " (each process; the sum is judged)" : ""}`,
    measured:
      workers.length === 0
        ? notMeasured
        : workers.length === 1
          ? `${fmt(workerSum)} MB`
          : `${workers.map(([k, mb]) => `${k} ${fmt(mb)} MB`).join(", ")}; sum ${fmt(workerSum)} MB`,
    target: "< 400 MB",
    met: workers.length === 0 ? undefined : workerSum < 400,
  });

  const digests = digestCheck(r);
  rows.push({
    figure: "10,000 weekly digests rendered and handed to SMTP",
    measured: digests
      ? `${fmt(digests.projected, 1)} s${r.digests!.subscribers < 10_000 ? ` (projected from ${fmt(r.digests!.subscribers)})` : ""}; ${digests.cpu === undefined ? "–" : fmt(digests.cpu, 2)} ms CPU each${r.digests!.finished ? "" : "; **not finished**"}`
      : notMeasured,
    target: "all in < 30 s, ≤ 3 ms CPU each",
    met: digests?.met,
  });

  rows.push({
    figure: `event → overview lag at ${fmt(r.lag?.rate ?? 200)} events/s while digests run`,
    measured: r.lag
      ? `p99 ${fmt(r.lag.p99)} ms (${fmt(r.lag.received)} of ${fmt(r.lag.published)} seen${r.lag.unchanged ? `, ${fmt(r.lag.unchanged)} changed nothing` : ""})`
      : notMeasured,
    target: "p99 < 250 ms",
    met: r.lag ? lagCheck(r) : undefined,
  });

  const i = r.offerImport;
  rows.push({
    figure: "import of 10,000 rows (preview / write in one transaction)",
    measured: i
      ? `${fmt(i.previewRowsPerSecond)} / ${fmt(i.runRowsPerSecond)} rows/s; p99 ${fmt(i.step.p99)} ms per ${fmt(i.step.rows)} rows`
      : notMeasured,
    target: "reported, with p99",
  });
  const s = r.signUps?.oneSession;
  rows.push({
    figure: "sign-ups per second on one session",
    measured: s
      ? `${fmt(s.perSecond)}/s, p50 ${fmt(s.p50)} ms, p99 ${fmt(s.p99)} ms${s.failed ? ` (${fmt(s.failed)} not signed up)` : ""}`
      : notMeasured,
    target: "reported, with p99",
  });
  return rows;
}

export function renderTargets(r: Results): string {
  return [
    "| issue 16 figure | measured | target | |",
    "|---|---|---|---|",
    ...targetRows(r).map(
      (row) =>
        `| ${row.figure} | ${row.measured} | ${row.target} | ${row.met === undefined ? "" : mark(row.met)} |`,
    ),
  ].join("\n");
}
