import { confirmOfferImport, runOfferImport, unitOf } from "@samspill/commands";
import type { Database } from "@samspill/database";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture } from "../../fixtures/import/generate.js";
import { testDatabase } from "../../support/db.js";
import { createImporter, offersOf, preview, recordsOf } from "./importer.js";

// Confirming and running an import (what the worker's job does), against the real database:
// the rows become offers, all in one transaction; importing the same file again changes nothing.

let db: Database;
beforeAll(async () => {
  db = testDatabase();
  // The demo region: the municipalities the sample files name (Molde, Ålesund, Aukra …).
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

async function importFile(who: Awaited<ReturnType<typeof createImporter>>, name: string) {
  const { id } = await preview(db, who, fixture(name), name);
  await confirmOfferImport(unitOf(db), who.viewer, { importId: id });
  return { id, report: await runOfferImport(unitOf(db), { importId: id }) };
}

/** A confirmed import of `count` digital courses in Molde, referenced `${prefix}-0` onwards. */
async function confirmedCourses(
  who: Awaited<ReturnType<typeof createImporter>>,
  prefix: string,
  count: number,
) {
  const csv = `reference;title;summary;kind;diagnosis_scope;format;municipalities\n${Array.from(
    { length: count },
    (_, i) => `${prefix}-${i};Kurs ${i};Om kurset;LECTURE;DIAGNOSIS_INDEPENDENT;DIGITAL;Molde`,
  ).join("\n")}\n`;
  const { id } = await preview(db, who, csv);
  await confirmOfferImport(unitOf(db), who.viewer, { importId: id });
  return id;
}

describe("running a confirmed import", () => {
  it("creates the offers of the good CSV, and the same file again changes nothing", async () => {
    const who = await createImporter(db, "CSV");
    const first = await importFile(who, "offers-good.csv");
    expect(first.report).toMatchObject({ created: 4, updated: 0, unchanged: 0 });
    expect(await offersOf(db, who.providerId)).toBe(4);
    const published = await db.offer.findMany({ where: { providerId: who.providerId, status: "PUBLISHED" } });
    expect(published.map((o) => o.title)).toEqual(["Bra liv med diabetes type 2"]);
    const before = await recordsOf(db, who.providerId);
    expect(before).toEqual({ audit: 4, events: 4 });

    const again = await importFile(who, "offers-good.csv");
    expect(again.report).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(await offersOf(db, who.providerId)).toBe(4);
    expect(await recordsOf(db, who.providerId)).toEqual(before);
    // The XLSX twin holds the same rows: it matches the same offers and changes nothing either.
    const xlsx = await importFile(who, "offers-good.xlsx");
    expect(xlsx.report).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
  });

  it("imports HSDS services, matched on their ids", async () => {
    const who = await createImporter(db, "HSDS");
    expect((await importFile(who, "offers.hsds.json")).report).toMatchObject({ created: 2 });
    expect((await importFile(who, "offers.hsds.json")).report).toMatchObject({ unchanged: 2 });
    const offers = await db.offer.findMany({
      where: { providerId: who.providerId },
      orderBy: { title: "asc" },
    });
    expect(offers.map((o) => [o.title, o.status, o.format, o.languages])).toEqual([
      ["Hjertekurs i Molde", "PUBLISHED", "PHYSICAL", ["nb"]],
      ["Søvnskolen", "DRAFT", "DIGITAL", ["nn"]],
    ]);
  });

  it("writes nothing when the transaction fails part-way, and nothing when a row has gone bad", async () => {
    const who = await createImporter(db, "Alt eller intet");
    const id = await confirmedCourses(who, "R", 600);
    // The job dies after 500 rows are written in its transaction: they are rolled back.
    const dying = runOfferImport(unitOf(db), { importId: id }, async (n) => {
      if (n >= 500) throw new Error("worker lost");
    });
    await expect(dying).rejects.toThrow("worker lost");
    expect(await offersOf(db, who.providerId)).toBe(0);
    expect(await recordsOf(db, who.providerId)).toEqual({ audit: 0, events: 0 });

    // A row broken since the preview (here: its municipality) stops the whole import.
    await db.offerImportRow.update({
      where: { importId_line: { importId: id, line: 301 } },
      data: {
        values: {
          reference: "R-299",
          title: "Kurs",
          summary: "Om",
          kind: "LECTURE",
          diagnosis_scope: "DIAGNOSIS_INDEPENDENT",
          format: "DIGITAL",
          municipalities: "Atlantis",
        },
      },
    });
    const report = await runOfferImport(unitOf(db), { importId: id });
    expect(report.failed).toEqual([
      expect.objectContaining({ line: 301, column: "municipalities", code: "unknown_municipality" }),
    ]);
    expect(await offersOf(db, who.providerId)).toBe(0);
    expect((await db.offerImport.findUniqueOrThrow({ where: { id } })).status).toBe("FAILED");
  });

  it("runs an import once when two runs of it overlap (a job taken over after a stall)", async () => {
    const who = await createImporter(db, "To på en gang");
    const id = await confirmedCourses(who, "T", 300);
    // The first holds its transaction open after 250 rows while the second starts. It goes on once
    // the second has written rows too (two runs at once) or after 1.5 s (the second waits for it).
    let holding: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (holding = resolve));
    let secondWrote: () => void = () => undefined;
    const secondWriting = new Promise<void>((resolve) => (secondWrote = resolve));
    let secondRows = 0;
    const first = runOfferImport(unitOf(db), { importId: id }, async () => {
      holding();
      await Promise.race([secondWriting, new Promise((r) => setTimeout(r, 1_500))]);
    });
    await held;
    // The second as another worker process runs it: its own connections.
    const other = testDatabase();
    const second = runOfferImport(unitOf(other), { importId: id }, async (n) => {
      secondRows = n;
      secondWrote();
    }).finally(() => other.$disconnect());
    const [a, b] = await Promise.all([first, second]);
    expect(a).toMatchObject({ created: 300, updated: 0, unchanged: 0 });
    expect(secondRows).toBe(0);
    expect(b).toMatchObject(a);
    expect(await offersOf(db, who.providerId)).toBe(300);
    expect(await recordsOf(db, who.providerId)).toEqual({ audit: 300, events: 300 });
    expect(await db.offerImport.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "DONE",
      processed: 300,
    });
  });
});
