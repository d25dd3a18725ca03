import { describe, expect, it } from "vitest";
// By path: the bench package is a tool, not a dependency of the test suites.
import type { HttpCell, Results } from "../../../bench/src/report.js";
import { renderMarkdown, renderTable } from "../../../bench/src/report.js";

// The benchmark's report names every figure of issue 16 with its target and whether it was met,
// also when a phase did not run, and the machine's load around each step.

const load = (requestsPerSecond: number, p99: number) => ({
  requestsPerSecond,
  p50: p99 / 2,
  p99,
  requests: requestsPerSecond * 5,
  errors: 0,
  non2xx: 0,
  bytes: 1_000,
});
const cell = (
  target: string,
  scenario: HttpCell["scenario"],
  rps: number,
  p99: number,
  cpu = 1,
): HttpCell => ({
  target,
  scenario,
  result: load(rps, p99),
  cpuMs: { server: cpu, database: 1 },
});

function results(): Results {
  return {
    startedAt: "2026-12-07T04:00:00.000Z",
    mode: "quick",
    machine: { cpus: "2 × test cpu" },
    settings: {},
    dataset: {},
    timings: { http: 60, worker: 30 },
    load: { http: { start: 1.5, end: 2.5 }, worker: { start: 2.5, end: 3 } },
    http: [
      cell("hello", "hello", 1_000, 10),
      cell("raw", "catalogue", 100, 100),
      cell("uncached", "catalogue", 120, 140),
      cell("raw", "offer", 100, 100),
      cell("uncached", "offer", 70, 100),
      cell("raw", "overview", 100, 100),
      cell("uncached", "overview", 450, 50, 3.5),
    ],
    lag: { published: 100, failed: 0, rate: 200, received: 100, unchanged: 0, p50: 50, p99: 300, max: 400 },
    digests: { subscribers: 1_000, mails: 1_000, empty: 0, seconds: 2, finished: true },
    rss: { gatewayRest: 150, gatewayLoad: 240, uncachedLoad: 260, workerLiveLoad: 150, workerBulkLoad: 300 },
    workerCpuMs: { perDigest: 2.5 },
    notes: [],
  };
}

const row = (table: string, figure: string) =>
  table.split("\n").find((l) => l.startsWith(`| ${figure}`)) ?? "";

describe("benchmark report", () => {
  it("judges each figure against issue 16's target", () => {
    const table = renderTable(results());
    expect(row(table, "catalogue search, caches off")).toMatch(
      /120 %, p99 1\.40×.*≥ 100 %, p99 ≤ 1\.5× \| met/,
    );
    expect(row(table, "offer detail, caches off")).toMatch(/70 %.*≥ 80 % \| \*\*missed\*\*/);
    expect(row(table, "overview (hospital trust), caches off")).toMatch(/450 %; 3\.50 ms\/req.*\| met/);
    expect(row(table, "GraphQL answers")).toMatch(/overview 45 %.*\| met/);
    expect(row(table, "gateway RSS peak")).toMatch(/260 MB \| < 250 MB \| \*\*missed\*\*/);
    // Two worker processes: each is shown, their sum is judged.
    expect(row(table, "worker RSS peak")).toMatch(
      /workerLiveLoad 150 MB, workerBulkLoad 300 MB; sum 450 MB.*\*\*missed\*\*/,
    );
    expect(row(table, "10,000 weekly digests")).toMatch(
      /20\.0 s .*2\.50 ms CPU each.*< 30 s, ≤ 3 ms CPU each \| met/,
    );
    expect(row(table, "event → overview lag")).toMatch(/p99 300 ms.*p99 < 250 ms \| \*\*missed\*\*/);
    // Phases that did not run say so rather than vanish.
    expect(row(table, "import of 10,000 rows")).toContain("not measured in this run");
    expect(row(table, "sign-ups per second on one session")).toContain("not measured in this run");
    expect(table).not.toMatch(/≥ 50 %|< 300 MB|< 60 s/);
  });

  it("records the machine's load at the start and end of each step", () => {
    const markdown = renderMarkdown(results());
    expect(markdown).toContain("| http | 60.0 | 1.50 → 2.50 |");
    expect(markdown).toContain("| worker | 30.0 | 2.50 → 3.00 |");
  });
});
