import type { Database } from "@samspill/database";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, formulaXlsx, millionRowCsv, zipBomb } from "../../fixtures/import/generate.js";
import { testDatabase } from "../../support/db.js";
import { type TestGateway, testGateway } from "../../support/gateway.js";
import { createImporter, type Importer, offersOf } from "./importer.js";

// The upload route and the preview through the gateway, as the web page uses them: row errors
// name their column with suggestions for near-misses, a row is fixed in the preview, and
// hostile files are refused (or neutralised) with a message naming the file, while the hub
// keeps answering.

const Preview = graphql(`
  query ImportPreview($id: ID!, $onlyErrors: Boolean) {
    offerImport(id: $id) {
      status rowCount errorCount encoding
      rows(onlyErrors: $onlyErrors) { line cells { column value } errors { column code value suggestion } warnings { column code } }
    }
  }
`);
const Edit = graphql(`
  mutation FixImportRow($importId: ID!, $line: Int!, $cells: [OfferImportCellInput!]!) {
    editOfferImportRow(importId: $importId, line: $line, cells: $cells) {
      __typename
      ... on MutationEditOfferImportRowSuccess { data { errorCount } }
    }
  }
`);
const Confirm = graphql(`
  mutation ConfirmImport($importId: ID!) {
    confirmOfferImport(importId: $importId) {
      __typename
      ... on MutationConfirmOfferImportSuccess { data { status } }
      ... on ValidationError { issues { field code } }
    }
  }
`);

let db: Database;
let who: Importer;
let gateway: TestGateway;
beforeAll(async () => {
  db = testDatabase();
  // The demo region: the municipalities the sample files name (Molde, Ålesund, Aukra …).
  await seedDemoData(db);
  who = await createImporter(db, "Opplasting");
  gateway = testGateway(db, who.viewer);
});
afterAll(() => db.$disconnect());

async function upload(
  body: BodyInit,
  query: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  const params = new URLSearchParams({ organisationId: who.providerId, fileName: "tilbud.csv", ...query });
  const response = await gateway.app.fetch(
    new Request(`http://gateway.test/imports/offers?${params}`, {
      method: "POST",
      body,
      headers: { "x-samspill-csrf": "1", ...headers },
    }),
  );
  return {
    status: response.status,
    body: (await response.json()) as {
      id?: string;
      issues?: { field: string; code: string; message: string }[];
    },
  };
}

describe("the preview of an upload", () => {
  it("names the column and the problem of each broken row, suggests near-misses, and lets a row be fixed", async () => {
    const { status, body } = await upload(fixture("offers-broken.csv"));
    expect(status).toBe(201);
    const id = String(body.id);
    const preview = (await gateway.query(Preview, { id, onlyErrors: true })).data?.offerImport;
    expect(preview).toMatchObject({ status: "PREVIEW", rowCount: 4, errorCount: 4 });
    const byLine = new Map(preview?.rows.map((r) => [r.line, r]));
    expect(byLine.get(2)?.errors).toEqual([
      { column: "municipalities", code: "unknown_municipality", value: "Aalesund", suggestion: "Ålesund" },
    ]);
    expect(byLine.get(3)?.errors).toEqual(
      expect.arrayContaining([
        { column: "kind", code: "unknown_value", value: "Grupekurs", suggestion: "Gruppekurs" },
        { column: "diagnosis_codes", code: "unknown_diagnosis", value: "E1L", suggestion: "E11" },
        { column: "diagnosis_groups", code: "unknown_diagnosis", value: "Diabetis", suggestion: "Diabetes" },
        { column: "review_due_on", code: "bad_date", value: "31.02.2027", suggestion: null },
      ]),
    );
    // Formulas are refused cell by cell; markup is kept as text, with a warning.
    expect(byLine.get(4)?.errors.map((e) => [e.column, e.code])).toEqual([
      ["title", "formula"],
      ["summary", "formula"],
    ]);
    expect(byLine.get(5)?.warnings.map((w) => [w.column, w.code])).toEqual([
      ["title", "markup"],
      ["summary", "markup"],
    ]);
    expect(byLine.get(5)?.errors.map((e) => [e.column, e.code])).toEqual([["contact_email", "invalid"]]);

    // Nothing is written before the confirmation, and a preview with errors cannot be confirmed.
    expect(await offersOf(db, who.providerId)).toBe(0);
    const refused = await gateway.query(Confirm, { importId: id });
    expect(refused.data?.confirmOfferImport).toMatchObject({
      issues: [{ field: "importId", code: "rows_have_errors" }],
    });

    // Taking the suggestion fixes row 2.
    const fixed = await gateway.query(Edit, {
      importId: id,
      line: 2,
      cells: [{ column: "municipalities", value: "Ålesund" }],
    });
    expect(fixed.data?.editOfferImportRow).toEqual({
      __typename: "MutationEditOfferImportRowSuccess",
      data: { errorCount: 3 },
    });
  });

  it("reads a Windows-1252 file and says so", async () => {
    const { status, body } = await upload(fixture("offers-windows-1252.csv"));
    expect(status).toBe(201);
    const preview = (await gateway.query(Preview, { id: String(body.id), onlyErrors: false })).data
      ?.offerImport;
    expect(preview?.encoding).toBe("windows-1252");
    expect(preview?.rows[0]?.cells).toContainEqual({ column: "title", value: "Kurs på Frøya" });
  });
});

describe("hostile files", () => {
  const refusedWith = async (body: BodyInit, status: number, code: string) => {
    const answer = await upload(body);
    expect(answer.status).toBe(status);
    expect(answer.body.issues?.[0]).toMatchObject({ field: "file", code });
    expect(answer.body.issues?.[0]?.message.length).toBeGreaterThan(10);
  };

  it(
    "refuses a 50 MB file before reading it",
    () => refusedWith(new Uint8Array(50 * 1024 * 1024).fill(65), 413, "file_too_large"),
    60_000,
  );
  it("refuses a million rows", () => refusedWith(millionRowCsv(), 400, "too_many_rows"));
  // Making and inflating the bomb takes a while on a busy machine.
  it("refuses a zip bomb dressed as XLSX", () => refusedWith(zipBomb(), 400, "archive_too_large"), 120_000);
  it("refuses a binary file", () => refusedWith(new Uint8Array([1, 0, 2, 0, 3, 255, 0]), 400, "not_text"));
  it("refuses an old .xls", () =>
    refusedWith(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 400, "old_xls"));
  it("refuses JSON that is not HSDS", () => refusedWith('{"services": 5}', 400, "bad_hsds"));

  it("reads a UTF-16 file (Excel's Unicode text) and says so", async () => {
    const text = new TextDecoder().decode(fixture("offers-good.csv"));
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, "utf16le"))]);
    const { status, body } = await upload(utf16);
    expect(status).toBe(201);
    const preview = (await gateway.query(Preview, { id: String(body.id), onlyErrors: false })).data
      ?.offerImport;
    expect(preview).toMatchObject({ encoding: "utf-16", rowCount: 4, errorCount: 0 });
    expect(preview?.rows[0]?.cells).toContainEqual({ column: "title", value: "Bra liv med diabetes type 2" });
  });

  it("takes an XLSX formula cell as the value Excel computed, and refuses text that starts like one", async () => {
    const { status, body } = await upload(formulaXlsx(), { fileName: "tilbud.xlsx" });
    expect(status).toBe(201);
    const preview = (await gateway.query(Preview, { id: String(body.id), onlyErrors: false })).data
      ?.offerImport;
    const byLine = new Map(preview?.rows.map((r) => [r.line, r]));
    expect(byLine.get(2)?.cells).toContainEqual({ column: "title", value: "Klikk her" });
    expect(byLine.get(2)?.errors).toEqual([]);
    expect(byLine.get(3)?.errors.map((e) => [e.column, e.code])).toEqual([["title", "formula"]]);
  });

  it("refuses callers who may not import, and names a bad parameter", async () => {
    expect((await upload("x", {}, { "x-samspill-csrf": "" })).status).toBe(403);
    expect((await upload("x", { organisationId: "molde" })).body.issues?.[0]).toMatchObject({
      field: "organisationId",
    });
    const outsider = testGateway(db, { ...who.viewer, memberships: [] });
    const response = await outsider.app.fetch(
      new Request(`http://gateway.test/imports/offers?organisationId=${who.providerId}&fileName=a.csv`, {
        method: "POST",
        body: "reference;title\nR;T\n",
        headers: { "x-samspill-csrf": "1" },
      }),
    );
    expect(response.status).toBe(403);
  });

  it("keeps serving after all of them", async () => {
    const health = await gateway.app.fetch(new Request("http://gateway.test/healthz"));
    expect(health.status).toBe(200);
    const template = await gateway.app.fetch(new Request("http://gateway.test/imports/offers/template.csv"));
    expect((await template.text()).trim()).toMatch(/^\uFEFF?reference;id;title;summary/);
  });
});
