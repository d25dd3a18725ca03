import type { DigestResult } from "./digests.js";
import type { ImportResult } from "./import-phase.js";
import type { ThroughputResult } from "./jobs.js";
import type { LagResult } from "./lag.js";
import type { LoadResult } from "./load.js";
import type { ProfileSummary } from "./profile.js";
import type { SearchResult } from "./search-phase.js";
import type { SignUpResult } from "./sign-ups.js";
import {
  digestCheck,
  fmt,
  httpChecks,
  httpTargetText,
  lagCheck,
  mark,
  notMeasured,
  pct,
  renderTargets,
} from "./targets.js";
import type { Scenario } from "./workload.js";

// The run's results: issue 16's figures with their targets (targets.ts), the detail tables and
// the machine's load per step (printed, and written to bench/results/latest.md), plus the raw
// figures (latest.json).

export interface HttpCell {
  target: string;
  scenario: Scenario | "hello";
  result: LoadResult;
  /** CPU milliseconds per request: the server process, and the Postgres backends. */
  cpuMs: { server: number; database: number };
}

export interface Results {
  startedAt: string;
  mode: "full" | "quick";
  machine: Record<string, string>;
  settings: Record<string, string | number>;
  dataset: Record<string, number>;
  timings: Record<string, number>;
  http: HttpCell[];
  lag?: LagResult;
  jobs?: { outbox: ThroughputResult; queue: ThroughputResult };
  digests?: DigestResult;
  /** The catalogue search test set: recall and latency over the national data set. */
  search?: SearchResult;
  /** The offer import of the 10,000-row sample: rows per second, peak memory, and the all-or-nothing rule. */
  offerImport?: ImportResult;
  /** Sign-ups through the hub gateway: one popular session, and spread over many. */
  signUps?: SignUpResult;
  /** The machine's 1-minute load average as each step began and ended (the machine is shared). */
  load: Record<string, { start: number; end: number }>;
  rss: Record<string, number>;
  /** The worker's CPU milliseconds per event (lag test), per job and per digest. */
  workerCpuMs: Record<string, number>;
  profile?: { scenario: string; target: string; file: string; summary: ProfileSummary };
  notes: string[];
}

export const targets = {
  gateway: "hub gateway (hono on @hono/node-server, full middleware, caches on)",
  uncached: "hub gateway, caches off",
  hono: "gateway app, no auth/rate limit/log (hono on @hono/node-server)",
  yoga: "gateway app, no auth/rate limit/log (yoga on node:http)",
  cluster: "hub gateway, one process per core (node:cluster)",
  raw: "raw SQL (pg + node:http)",
  hello: "hono + yoga hello (ceiling)",
} as const;
export type TargetName = keyof typeof targets;

const scenarioTitle: Record<Scenario | "hello", string> = {
  catalogue: "catalogue search (20/page, 2 filters, text)",
  offer: "offer detail",
  overview: "full overview (hospital trust)",
  hello: "{ hello }",
};

/** The target of a row of the HTTP table: issue 16 sets them for the caches-off gateway. */
function httpTarget(r: Results, cell: HttpCell): string {
  if (cell.target !== "uncached" || cell.scenario === "hello") return "";
  const vsRaw = `${httpTargetText[cell.scenario]}: ${mark(httpChecks[cell.scenario](r) ?? false)}`;
  if (cell.scenario !== "overview") return vsRaw;
  return `${vsRaw}; ${httpTargetText.overviewVsHello}: ${mark(httpChecks.overviewVsHello(r) ?? false)}`;
}

export function renderTable(r: Results): string {
  const out: string[] = [renderTargets(r), ""];
  const find = (target: string, scenario: string) =>
    r.http.find((c) => c.target === target && c.scenario === scenario)?.result;
  const hello = find("hello", "hello");

  out.push(
    "| what | req/s | p50 ms | p99 ms | CPU ms/req (server + Postgres) | req/s vs raw SQL | p99 vs raw SQL | req/s vs hello | target |",
  );
  out.push("|---|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const cell of r.http) {
    const raw = cell.scenario === "hello" ? undefined : find("raw", cell.scenario);
    const isRaw = cell.target === "raw" || cell.target === "hello";
    const x = cell.result;
    const rpsRatio = raw && !isRaw ? x.requestsPerSecond / raw.requestsPerSecond : Number.NaN;
    const p99Ratio = raw && !isRaw ? x.p99 / Math.max(1, raw.p99) : Number.NaN;
    const target = httpTarget(r, cell);
    const errors = x.errors + x.non2xx > 0 ? ` (${x.errors + x.non2xx} errors)` : "";
    out.push(
      `| ${scenarioTitle[cell.scenario]} — ${targets[cell.target as TargetName] ?? cell.target}${errors} | ${fmt(x.requestsPerSecond)} | ${fmt(x.p50)} | ${fmt(x.p99)} | ${fmt(cell.cpuMs.server, 2)} + ${fmt(cell.cpuMs.database, 2)} | ${Number.isNaN(rpsRatio) ? "" : pct(rpsRatio)} | ${Number.isNaN(p99Ratio) ? "" : `${fmt(p99Ratio, 2)}×`} | ${hello && cell.target !== "hello" ? pct(x.requestsPerSecond / hello.requestsPerSecond) : ""} | ${target} |`,
    );
  }
  out.push("");
  out.push("| what | figure | target |");
  out.push("|---|---|---|");
  if (r.lag) {
    const l = r.lag;
    out.push(
      `| event → overview lag at ${fmt(l.rate)} events/s (${fmt(l.received)} of ${fmt(l.published)} seen${l.unchanged ? `, ${fmt(l.unchanged)} changed nothing` : ""}${l.failed ? `, ${fmt(l.failed)} writes failed` : ""}) | p50 ${fmt(l.p50)} ms, p99 ${fmt(l.p99)} ms, max ${fmt(l.max)} ms | p99 < 250 ms: ${mark(lagCheck(r) ?? false)} |`,
    );
  }
  if (r.jobs) {
    const { outbox, queue } = r.jobs;
    out.push(
      `| job throughput, outbox → relay → queue → worker, AOF everysec (${fmt(outbox.jobs)} jobs${outbox.failed ? `, ${outbox.failed} failed` : ""}) | ${fmt(outbox.jobsPerSecond)} jobs/s | ≥ 1,000 jobs/s: ${mark(outbox.jobsPerSecond >= 1000)} |`,
    );
    out.push(
      `| job throughput, queue → worker only, AOF everysec (${fmt(queue.jobs)} jobs${queue.failed ? `, ${queue.failed} failed` : ""}) | ${fmt(queue.jobsPerSecond)} jobs/s | ≥ 1,000 jobs/s: ${mark(queue.jobsPerSecond >= 1000)} |`,
    );
  }
  if (r.digests) {
    const d = r.digests;
    const check = digestCheck(r)!;
    const scaled = d.subscribers >= 10_000 ? "" : ` (10,000 projected: ${fmt(check.projected)} s)`;
    out.push(
      `| weekly digests rendered and handed to SMTP: ${fmt(d.mails)} mails for ${fmt(d.subscribers)} subscribers (${fmt(d.empty)} with nothing to tell)${d.finished ? "" : " — **not finished**"} | ${fmt(d.seconds, 1)} s${scaled}; ${check.cpu === undefined ? "–" : fmt(check.cpu, 2)} ms CPU each | 10,000 in < 30 s, ≤ 3 ms CPU each: ${mark(check.met)} |`,
    );
  }
  if (r.search) {
    const s = r.search;
    const errors = s.load.errors + s.load.non2xx > 0 ? `, ${s.load.errors + s.load.non2xx} errors` : "";
    out.push(
      `| catalogue search test set, ${s.queries} Norwegian queries (gateway, caches off, 10/page): recall@5 / recall@10; latency under load${errors} | ${pct(s.recallAt5)} / ${pct(s.recallAt10)}; p50 ${fmt(s.load.p50)} ms, p99 ${fmt(s.load.p99)} ms | |`,
    );
  }
  if (r.offerImport) {
    const i = r.offerImport;
    out.push(
      `| offer import of ${fmt(i.rows)} rows (CSV): preview / write in one transaction; write latency per ${fmt(i.step.rows)} rows; bench process peak RSS | ${fmt(i.previewRowsPerSecond)} / ${fmt(i.runRowsPerSecond)} rows/s; p50 ${fmt(i.step.p50)} ms, p99 ${fmt(i.step.p99)} ms; ${fmt(i.peakRssMb)} MB | one invalid row writes nothing: ${mark(i.invalidRowWrote === 0)} |`,
    );
  }
  if (r.signUps) {
    for (const [label, s] of [
      ["one popular session (50 seats)", r.signUps.oneSession],
      ["100 sessions (20 seats each)", r.signUps.spread],
    ] as const)
      out.push(
        `| sign-ups through the hub gateway, ${r.signUps.concurrency} clients: ${label}${s.failed ? ` (${fmt(s.failed)} of ${fmt(s.signUps)} not signed up)` : ""} | ${fmt(s.perSecond)}/s; p50 ${fmt(s.p50)} ms, p99 ${fmt(s.p99)} ms | |`,
      );
  }
  const rss = (k: string) => (r.rss[k] === undefined ? "–" : `${fmt(r.rss[k]!)} MB`);
  /** The gateway's RSS target for a peak: judged only when the run measured it. */
  const under250 = (k: string) =>
    `< 250 MB${r.rss[k] === undefined ? ` (${notMeasured})` : `: ${mark(r.rss[k]! < 250)}`}`;
  out.push(
    `| gateway RSS: at rest / peak under load | ${rss("gatewayRest")} / ${rss("gatewayLoad")} | ${under250("gatewayLoad")} |`,
  );
  out.push(
    `| gateway RSS, caches off: peak under load | ${rss("uncachedLoad")} | ${under250("uncachedLoad")} |`,
  );
  // Every worker process the run measured (one, or one per role once the worker is split).
  const workers = new Set(
    Object.keys(r.rss)
      .filter((k) => k.startsWith("worker"))
      .map((k) => k.replace(/(Rest|Load)$/, "")),
  );
  for (const worker of workers)
    out.push(
      `| ${worker} RSS: at rest / peak under load | ${rss(`${worker}Rest`)} / ${rss(`${worker}Load`)} | |`,
    );
  const cpu = (k: string) => (r.workerCpuMs[k] === undefined ? "–" : `${fmt(r.workerCpuMs[k]!, 2)} ms`);
  out.push(
    `| worker CPU per offer event (lag test) / per job via outbox / via queue / per digest | ${cpu("perEvent")} / ${cpu("perJobViaOutbox")} / ${cpu("perJobViaQueue")} / ${cpu("perDigest")} | |`,
  );
  out.push("", renderLoad(r));
  return out.join("\n");
}

/** The machine's load during the run: each step's time and the 1-minute load average around it. */
function renderLoad(r: Results): string {
  const cores = /^(\d+)/.exec(r.machine.cpus ?? "")?.[1] ?? "?";
  return [
    `| step | seconds | load average (1 min, ${cores} cores) at start → end |`,
    "|---|---:|---|",
    ...Object.entries(r.load ?? {}).map(
      ([step, l]) =>
        `| ${step} | ${fmt(r.timings[step] ?? Number.NaN, 1)} | ${fmt(l.start, 2)} → ${fmt(l.end, 2)} |`,
    ),
  ].join("\n");
}

export function renderMarkdown(r: Results): string {
  const lines = [
    `# Benchmark run ${r.startedAt} (${r.mode})`,
    "",
    ...Object.entries(r.machine).map(([k, v]) => `- ${k}: ${v}`),
    `- settings: ${Object.entries(r.settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")}`,
    `- data set: ${Object.entries(r.dataset)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(", ")}`,
    `- timings: ${Object.entries(r.timings)
      .map(([k, v]) => `${k} ${fmt(v, 1)} s`)
      .join(", ")}`,
    "",
    renderTable(r),
    "",
  ];
  if (r.profile) {
    const p = r.profile.summary;
    lines.push(
      `## CPU profile: ${scenarioTitle[r.profile.scenario as Scenario]} on the ${r.profile.target}`,
      "",
      `${fmt(p.totalMs / 1000, 1)} s sampled, ${fmt(p.busyPercent)} % busy. Profile: \`${r.profile.file}\`.`,
      "",
      "| self time by package | % of busy |",
      "|---|---:|",
      ...p.packages.map((l) => `| ${l.name} | ${fmt(l.percent, 1)} |`),
      "",
      "| self time by function | % of busy |",
      "|---|---:|",
      ...p.functions.map((l) => `| \`${l.name.replace(/\|/g, "\\|")}\` | ${fmt(l.percent, 1)} |`),
      "",
    );
  }
  if (r.notes.length > 0) lines.push("## Notes", "", ...r.notes.map((n) => `- ${n}`), "");
  return lines.join("\n");
}
