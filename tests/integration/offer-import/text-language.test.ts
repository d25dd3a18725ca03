import { confirmOfferImport, runOfferImport, unitOf } from "@samspill/commands";
import type { Database } from "@samspill/database";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture } from "../../fixtures/import/generate.js";
import { testDatabase } from "../../support/db.js";
import { createImporter, type Importer, preview } from "./importer.js";

// A nynorsk municipality imports its courses: the offers' texts are marked as nynorsk unless a
// row says otherwise (text_language, by code or name), also from an HSDS file, which names no
// language of its texts; and the sheet sets the unit, referral and minimum like the hub's form.

let db: Database;
beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

/** An importer whose organisation writes nynorsk and has a unit called Frisklivssentralen. */
async function nynorskImporter(label: string) {
  const who = await createImporter(db, label);
  await db.organisation.update({ where: { id: who.providerId }, data: { language: "nn" } });
  const unit = await db.unit.create({
    data: { organisationId: who.providerId, kind: "DEPARTMENT", name: "Frisklivssentralen" },
  });
  return { who, unitId: unit.id };
}

async function importFile(who: Importer, name: string, bytes = fixture(name)) {
  const { id } = await preview(db, who, bytes, name);
  await confirmOfferImport(unitOf(db), who.viewer, { importId: id });
  return runOfferImport(unitOf(db), { importId: id });
}

const offers = (providerId: string) =>
  db.offer.findMany({
    where: { providerId },
    orderBy: { title: "asc" },
    select: {
      title: true,
      textLanguage: true,
      unitId: true,
      requiresReferral: true,
      minimumParticipants: true,
    },
  });

describe("importing a nynorsk municipality's offers", () => {
  it("marks the texts with the organisation's language unless a row names its own, and sets unit, referral and minimum", async () => {
    const { who, unitId } = await nynorskImporter("Nynorsk");
    expect(await importFile(who, "offers-nynorsk.csv")).toMatchObject({ created: 4 });
    expect(await offers(who.providerId)).toEqual([
      {
        title: "Bra liv med hjertesykdom",
        textLanguage: "nb",
        unitId: null,
        requiresReferral: false,
        minimumParticipants: null,
      },
      {
        title: "Living with diabetes",
        textLanguage: "en",
        unitId: null,
        requiresReferral: false,
        minimumParticipants: 6,
      },
      {
        title: "Lær å leve med smerte",
        textLanguage: "nn",
        unitId,
        requiresReferral: true,
        minimumParticipants: 4,
      },
      {
        title: "Meistring av kols",
        textLanguage: "nn",
        unitId,
        requiresReferral: false,
        minimumParticipants: null,
      },
    ]);
    // The same file again changes nothing.
    expect(await importFile(who, "offers-nynorsk.csv")).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 4,
    });
  });

  it("names the column of an unknown unit, language or count", async () => {
    const { who } = await nynorskImporter("Feil");
    const csv = [
      "reference;unit;title;summary;text_language;kind;diagnosis_scope;audiences;format;location;minimum_participants",
      "X-1;Sjukehuset;Kurs;Om kurset.;svensk;Gruppekurs;Diagnoseuavhengig;PATIENTS;PHYSICAL;Volda;fire",
    ].join("\n");
    const { id } = await preview(db, who, csv);
    const [row] = await db.offerImportRow.findMany({ where: { importId: id } });
    const errors = (row?.errors ?? []) as { column: string; code: string }[];
    expect(errors.map((e) => [e.column, e.code]).sort()).toEqual([
      ["minimum_participants", "bad_number"],
      ["text_language", "unknown_value"],
      ["unit", "unknown_unit"],
    ]);
  });

  it("marks HSDS services as written in the organisation's language", async () => {
    const { who } = await nynorskImporter("HSDS");
    const report = await importFile(who, "offers.hsds.json");
    expect(report.failed).toBeUndefined();
    const imported = await offers(who.providerId);
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.map((o) => o.textLanguage)).toEqual(imported.map(() => "nn"));
  });
});
