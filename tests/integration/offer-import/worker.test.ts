import { confirmOfferImport, unitOf } from "@samspill/commands";
import type { Database } from "@samspill/database";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { largeOfferCsv } from "../../fixtures/import/generate.js";
import { testDatabase } from "../../support/db.js";
import { startTestWorker, type TestWorker } from "../../support/worker.js";
import { createImporter, offersOf, preview } from "./importer.js";

// A 10,000-row file goes through the worker: the confirmation's event reaches the import
// queue, the job writes every row in one transaction, and the import shows its progress on the
// way (what the web page's progress bar reads) before it ends in its report.

let db: Database;
let worker: TestWorker;
beforeAll(async () => {
  db = testDatabase();
  // The demo region: the municipalities the sample files name (Molde, Ålesund, Aukra …).
  await seedDemoData(db);
  worker = await startTestWorker(db, "offer-import", { relay: true });
});
afterAll(async () => {
  await worker.stop();
  await db.$disconnect();
});

describe("a large import through the worker", () => {
  it("writes 10,000 rows, reporting progress, and ends in a report", async () => {
    const who = await createImporter(db, "Stor");
    const { id } = await preview(db, who, largeOfferCsv(10_000));
    expect((await db.offerImport.findUniqueOrThrow({ where: { id } })).errorCount).toBe(0);
    await confirmOfferImport(unitOf(db), who.viewer, { importId: id });

    const seen = new Set<number>();
    const deadline = Date.now() + 280_000;
    let status = "QUEUED";
    while (status !== "DONE" && status !== "FAILED" && Date.now() < deadline) {
      const row = await db.offerImport.findUniqueOrThrow({ where: { id } });
      status = row.status;
      if (row.status === "RUNNING") seen.add(row.processed);
      await new Promise((r) => setTimeout(r, 200));
    }
    const done = await db.offerImport.findUniqueOrThrow({ where: { id } });
    expect(done.status).toBe("DONE");
    expect(done.report).toMatchObject({ created: 10_000, updated: 0, unchanged: 0 });
    expect(done.processed).toBe(10_000);
    // Progress was visible while the transaction was still open.
    expect([...seen].some((n) => n > 0 && n < 10_000)).toBe(true);
    expect(await offersOf(db, who.providerId)).toBe(10_000);
  }, 300_000);
});
