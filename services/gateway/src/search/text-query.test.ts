import { describe, expect, it } from "vitest";
import { conditionsNamed } from "./diagnosis-names.js";
import { parseTextQuery } from "./text-query.js";

describe("condition names in a query", () => {
  it("names a condition by any of its names, a near-complete prefix or a one-letter typo", () => {
    for (const word of ["multippel", "sklerose", "ms", "skleros", "multipel"])
      expect(conditionsNamed([word]).codes, word).toEqual(["g35"]);
    expect(conditionsNamed(["hjerneslag"]).synonyms).toEqual(
      expect.arrayContaining(["slag", "stroke", "hjerneinfarkt"]),
    );
  });

  it("lets no short start name a condition, and leaves out names the word already prefixes", () => {
    // "hjerte" starts hjertesvikt, hjerteinfarkt and hjertekrampe: it names none of them.
    expect(conditionsNamed(["hjerte"])).toEqual({ synonyms: [], codes: [] });
    expect(conditionsNamed(["xylofon"])).toEqual({ synonyms: [], codes: [] });
    expect(conditionsNamed(["parkinso"]).synonyms).toEqual([]);
    expect(conditionsNamed(["parkinso"]).codes).toEqual(["g20"]);
  });
});

describe("parsing a patient's query", () => {
  it("asks for every narrowing word in the title, in its own, corrected and synonym forms", () => {
    const q = parseTextQuery("hjerneslag kurs")!;
    expect(q.required).toHaveLength(1);
    expect(q.titleQuery).toMatch(/^\(hjerneslag:\*A \| .*slag:\*A.*\)$/);
    expect(q.rankQuery).toContain("kurs:*");
    expect(q.rankQuery).toContain("i63:*");
  });

  it("joins the words' title conditions with AND, compound heads included", () => {
    const q = parseTextQuery("diabeteskurs vaksne")!;
    expect(q.titleQuery).toBe(
      "(diabeteskurs:*A | diabetes:*A | diabete:*A | sukkersyke:*A | sukkersjuke:*A) & (vaksne:*A)",
    );
  });

  it("leaves queries with websearch operators to strict full-text search", () => {
    expect(parseTextQuery('"diabetes type 2" -kurs')).toBeUndefined();
  });
});
