import { createOfferInput, importOfferInput } from "@samspill/domain";
import { describe, expect, it } from "vitest";
import { importColumns, notImportedFields } from "./columns.js";
import { templateCsv } from "./template.js";
import { vocabularies } from "./vocabulary.js";

// The template matches the hub's offer: every field an offer is created with is a column of the
// template, or is listed as not importable with the reason. A field added to createOfferInput
// fails here until the import reads it or says why it does not.

const columnFields = new Set<string>(importColumns.map((c) => c.field));

describe("the import template's columns", () => {
  it("cover every field of createOfferInput, or name why not", () => {
    const fields = Object.keys(createOfferInput.shape);
    const missing = fields.filter((f) => !columnFields.has(f) && !(f in notImportedFields));
    expect(missing).toEqual([]);
    for (const [field, reason] of Object.entries(notImportedFields)) {
      expect(fields, field).toContain(field);
      expect(columnFields.has(field), field).toBe(false);
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  it("name only fields of an imported offer, besides the provider's own reference", () => {
    const fields = new Set(Object.keys(importOfferInput.shape));
    expect([...columnFields].filter((f) => !fields.has(f))).toEqual(["reference"]);
  });

  it("are the CSV template's header, in order", () => {
    expect(
      templateCsv()
        .replace(/^\uFEFF/, "")
        .trim()
        .split(";"),
    ).toEqual(importColumns.map((c) => c.key));
  });

  it("take the written language of the texts as nb, nn or en, by code or by name", () => {
    const read = (word: string) => vocabularies.text_language.find(word)?.code;
    expect(["nb", "Bokmål", "nn", "nynorsk", "Nynorsk", "en", "English", "engelsk"].map(read)).toEqual([
      "nb",
      "nb",
      "nn",
      "nn",
      "nn",
      "en",
      "en",
      "en",
    ]);
    expect(read("svensk")).toBeUndefined();
  });
});
