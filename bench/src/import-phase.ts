import { randomUUID } from "node:crypto";
import {
  confirmOfferImport,
  previewOfferImport,
  runOfferImport,
  systemActor,
  unitOf,
  upsertMembership,
  upsertOrganisation,
  upsertPerson,
} from "@samspill/commands";
import type { Database } from "@samspill/database";
import { queueNames } from "@samspill/events";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { largeOfferCsv } from "../../tests/fixtures/import/generate.js";
import type { Hub, Run } from "./hub.js";
import { percentile } from "./stats.js";

// The import of the 10,000-row sample (tests/fixtures/import): the preview (read and check every
// row) and the run (all rows in one transaction, as the worker's job does it), in rows per
// second and the bench process's peak memory; then the same file with one invalid row, which
// must write nothing (the worker's own refusal at run time is tested in tests/integration). The
// write reports its progress every few hundred rows: the time between two reports is its latency
// per step, whose p99 shows a stall that the average over 10,000 rows would hide.

export interface ImportResult {
  rows: number;
  previewRowsPerSecond: number;
  runRowsPerSecond: number;
  peakRssMb: number;
  invalidRowWrote: number;
  /** The write's progress steps (every few hundred rows): rows per step and its p50/p99 in ms. */
  step: { rows: number; p50: number; p99: number };
}

export async function importPhase(run: Run, db: Database, hub: Hub): Promise<ImportResult> {
  // The confirmation's event also hands the import to the bulk worker. The bench runs it itself
  // (to time it and read its progress), so the worker's imports queue is paused meanwhile: two
  // runs of one import take turns (run-offer-import.ts), and the bench would time the wait.
  const connection = new Redis(hub.redisUrl, { maxRetriesPerRequest: null });
  const imports = new Queue(queueNames.imports, { connection, prefix: hub.queuePrefix });
  await imports.pause();
  try {
    return await importRuns(run, db);
  } finally {
    await imports.resume();
    await imports.close();
    connection.disconnect();
  }
}

async function importRuns(run: Run, db: Database): Promise<ImportResult> {
  const unit = unitOf(db);
  const system = systemActor("bench");
  const providerId = randomUUID();
  const personId = randomUUID();
  await upsertOrganisation(unit, system, {
    id: providerId,
    kind: "USER_ORGANISATION",
    name: "Bench importforening",
  });
  await upsertPerson(unit, system, { id: personId, name: "Bench Importør", email: "import@bench.example" });
  await upsertMembership(unit, system, {
    id: randomUUID(),
    personId,
    organisationId: providerId,
    role: "EDITOR",
  });
  const editor = {
    ...system,
    kind: "PERSON" as const,
    personId,
    memberships: [{ organisationId: providerId, role: "EDITOR" as const }],
  };
  const municipalities = (await db.municipality.findMany({ take: 6, select: { number: true } })).map(
    (m) => m.number,
  );
  const rows = 10_000;

  let peak = process.memoryUsage().rss;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  // Sampled while the import awaits the database, and after each step (a long synchronous parse
  // lets no timer run, but what it built is still held when it returns).
  const sampler = setInterval(sample, 20);
  try {
    const file = new TextEncoder().encode(largeOfferCsv(rows, { municipalities }));
    run.say(
      `import: previewing ${rows.toLocaleString("en-US")} rows (${(file.length / 1e6).toFixed(1)} MB CSV) …`,
    );
    let t = performance.now();
    const { id } = await previewOfferImport(unit, editor, { providerId, fileName: "offers-10000.csv" }, file);
    const previewSeconds = (performance.now() - t) / 1000;
    sample();
    await confirmOfferImport(unit, editor, { importId: id });
    t = performance.now();
    const steps: number[] = [];
    let last = { at: t, processed: 0, rows: 0 };
    const report = await runOfferImport(unit, { importId: id }, async (processed) => {
      const at = performance.now();
      steps.push(at - last.at);
      last = { at, processed, rows: processed - last.processed };
    });
    const runSeconds = (performance.now() - t) / 1000;
    sample();
    if (report.created !== rows)
      throw new Error(`import: expected ${rows} created, got ${JSON.stringify(report)}`);

    // One invalid row (a date that does not exist): the preview names it, the confirmation is
    // refused, and not one of the 10,000 offers is written.
    const broken = new TextEncoder().encode(
      largeOfferCsv(rows, { municipalities, prefix: "BAD", broken: [rows] }),
    );
    const before = await db.offer.count({ where: { providerId } });
    const second = await previewOfferImport(
      unit,
      editor,
      { providerId, fileName: "offers-broken.csv" },
      broken,
    );
    const refused = await confirmOfferImport(unit, editor, { importId: second.id }).then(
      () => false,
      () => true,
    );
    const wrote = (await db.offer.count({ where: { providerId } })) - before;
    if (!refused || wrote !== 0) throw new Error("import: a single invalid row was not refused");

    run.results.timings.importPreview = previewSeconds;
    run.results.timings.importRun = runSeconds;
    const result: ImportResult = {
      rows,
      previewRowsPerSecond: Math.round(rows / previewSeconds),
      runRowsPerSecond: Math.round(rows / runSeconds),
      peakRssMb: Math.round(peak / 1024 / 1024),
      invalidRowWrote: wrote,
      step: {
        rows: last.rows,
        p50: percentile(
          steps.sort((a, b) => a - b),
          50,
        ),
        p99: percentile(steps, 99),
      },
    };
    run.results.notes.push(
      `Offer import of ${rows.toLocaleString("en-US")} rows: preview ${result.previewRowsPerSecond} rows/s, write ${result.runRowsPerSecond} rows/s (one transaction; per ${result.step.rows} rows p50 ${result.step.p50.toFixed(0)} ms, p99 ${result.step.p99.toFixed(0)} ms), bench process peak RSS ${result.peakRssMb} MB; the same file with one invalid row wrote ${wrote} offers.`,
    );
    run.say(run.results.notes.at(-1) ?? "");
    run.results.offerImport = result;
    return result;
  } finally {
    clearInterval(sampler);
  }
}
