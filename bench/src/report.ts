import type { DigestResult } from "./digests.js";
import type { ThroughputResult } from "./jobs.js";
import type { LagResult } from "./lag.js";
import type { LoadResult } from "./load.js";
import type { ProfileSummary } from "./profile.js";
import type { Scenario } from "./workload.js";

// The run's results as one table (printed, and written to bench/results/latest.md) plus the
// raw figures (latest.json).

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

const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : "–";
const pct = (n: number) => `${fmt(100 * n)} %`;
const mark = (ok: boolean) => (ok ? "met" : "**missed**");

export function renderTable(r: Results): string {
  const out: string[] = [];
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
    const target =
      (cell.target === "gateway" || cell.target === "uncached") &&
      (cell.scenario === "catalogue" || cell.scenario === "overview")
        ? `≥ 50 % and ≤ 2×: ${mark(rpsRatio >= 0.5 && p99Ratio <= 2)}`
        : "";
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
      `| event → overview lag at ${fmt(l.rate)} events/s (${fmt(l.received)} of ${fmt(l.published)} seen${l.failed ? `, ${fmt(l.failed)} writes failed` : ""}) | p50 ${fmt(l.p50)} ms, p99 ${fmt(l.p99)} ms, max ${fmt(l.max)} ms | p99 < 250 ms: ${mark(l.p99 < 250 && l.received === l.published && l.failed === 0)} |`,
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
    const scaled =
      d.subscribers >= 10_000 ? "" : ` (10,000 projected: ${fmt((d.seconds * 10_000) / d.subscribers)} s)`;
    out.push(
      `| weekly digests rendered and handed to SMTP: ${fmt(d.mails)} mails for ${fmt(d.subscribers)} subscribers (${fmt(d.empty)} with nothing to tell)${d.finished ? "" : " — **not finished**"} | ${fmt(d.seconds, 1)} s${scaled} | 10,000 in < 60 s: ${mark(d.finished && (d.seconds * 10_000) / d.subscribers < 60)} |`,
    );
  }
  const rss = (k: string) => (r.rss[k] === undefined ? "–" : `${fmt(r.rss[k]!)} MB`);
  out.push(
    `| gateway RSS: at rest / peak under load | ${rss("gatewayRest")} / ${rss("gatewayLoad")} | < 300 MB: ${mark((r.rss.gatewayLoad ?? Number.POSITIVE_INFINITY) < 300)} |`,
  );
  out.push(
    `| gateway RSS, caches off: peak under load | ${rss("uncachedLoad")} | < 300 MB: ${mark((r.rss.uncachedLoad ?? Number.POSITIVE_INFINITY) < 300)} |`,
  );
  out.push(`| worker RSS: at rest / peak under load | ${rss("workerRest")} / ${rss("workerLoad")} | |`);
  const cpu = (k: string) => (r.workerCpuMs[k] === undefined ? "–" : `${fmt(r.workerCpuMs[k]!, 2)} ms`);
  out.push(
    `| worker CPU per offer event (lag test) / per job via outbox / via queue / per digest | ${cpu("perEvent")} / ${cpu("perJobViaOutbox")} / ${cpu("perJobViaQueue")} / ${cpu("perDigest")} | |`,
  );
  return out.join("\n");
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
