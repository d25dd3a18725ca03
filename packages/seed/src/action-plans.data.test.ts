import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type ActionPlanSeed, actionPlans, type MeasureSeed } from "./action-plans.data.js";

// This file lives in <repoRoot>/packages/seed/src/.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const seedsDir = path.resolve(repoRoot, "../shared/seeds");
const readSeed = (file: string): string => fs.readFileSync(path.join(seedsDir, file), "utf8");

const REGIONAL_FILE = "000_49b9188f15676cc0.txt";
const LMS_FILE = "003_2595d0d8b8361fa5.txt";

function plan(key: string): ActionPlanSeed {
  const p = actionPlans.find((x) => x.key === key);
  if (!p) throw new Error(`missing plan ${key}`);
  return p;
}
const regional = plan("hmn-rhf-2023-2027");
const lms = plan("hmr-lms-2023-2025");

function sliceBetween(text: string, start: RegExp, end: RegExp): string {
  const s = start.exec(text);
  if (!s) throw new Error(`start marker ${start} not found`);
  const rest = text.slice(s.index + s[0].length);
  const e = end.exec(rest);
  if (!e) throw new Error(`end marker ${end} not found`);
  return rest.slice(0, e.index);
}

interface Derived {
  /** per section: the item markers in document order ("1", "2", ... or "a", "b", ...) */
  markers: Record<string, string[]>;
  /** per section: the heading text on the heading line */
  headings: Record<string, string>;
}

/**
 * Walk the lines of the measures part of a document: a line starting with a three-level section number
 * opens a section; a line starting with an item marker (matched by `itemRe`, group 1) is one measure.
 */
function deriveFromLines(part: string, itemRe: RegExp): Derived {
  const markers: Record<string, string[]> = {};
  const headings: Record<string, string> = {};
  let current: string | null = null;
  for (const line of part.split("\n")) {
    const heading = /^\s*(\d+\.\d+\.\d+)\s+(\S.*?)\s*$/.exec(line);
    if (heading?.[1] && heading[2]) {
      current = heading[1];
      headings[current] = heading[2];
      markers[current] ??= [];
      continue;
    }
    const item = itemRe.exec(line);
    if (item?.[1]) {
      if (!current) throw new Error(`item before any section: ${line}`);
      markers[current]?.push(item[1]);
    }
  }
  return { markers, headings };
}

// Regional plan: measures sit between the body heading "2.0 Satsingsområde" (the table of contents
// spells it "Satsingsområder....." on one line with page dots) and the body heading "3.0 Referanser".
// Each measure row starts with "N. " (once wrapped in "<p>").
const regionalText = readSeed(REGIONAL_FILE);
const regionalPart = sliceBetween(regionalText, /^2\.0 Satsingsområde\s*$/m, /^3\.0 Referanser\s*$/m);
const regionalDerived = deriveFromLines(regionalPart, /^(?:<p>)?(\d+)\.\s/);

// LMS plan: measures sit between "2. Satsningsområder" and "Referanser:"; each starts with "x) ".
// The removed measures are listed after "Fjernet fra tiltak:" as "2.1.2 f) ..." (once "2.4.2. b)").
const lmsText = readSeed(LMS_FILE);
const lmsPart = sliceBetween(lmsText, /^2\. Satsningsområder\s*$/m, /^Referanser:\s*$/m);
const lmsDerived = deriveFromLines(lmsPart, /^\s*([a-z])\)\s/);
const lmsRemovedPart = sliceBetween(lmsText, /^Fjernet fra tiltak:\s*$/m, /^Endret\s*$/m);
const lmsRemovedDerived = [...lmsRemovedPart.matchAll(/^(\d+\.\d+\.\d+)\.?\s+([a-z])\)\s/gm)].map((m) => ({
  section: m[1] ?? "",
  letter: m[2] ?? "",
}));

const countBySection = (ms: MeasureSeed[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const m of ms) out[m.section] = (out[m.section] ?? 0) + 1;
  return out;
};
const derivedCounts = (d: Derived): Record<string, number> =>
  Object.fromEntries(Object.entries(d.markers).map(([s, ms]) => [s, ms.length]));

/** Letters and digits only, lower-cased: survives line breaks, HTML tags, bullets and dashes. */
const squash = (s: string): string =>
  s
    .replace(/<[^>]*>/g, " ")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");

const letterOrdinal = (letter: string): number => letter.charCodeAt(0) - "a".charCodeAt(0) + 1;

describe("action plan seed data", () => {
  it("has the expected number of current measures", () => {
    expect(regional.measures).toHaveLength(41);
    expect(lms.measures).toHaveLength(50);
    expect(regional.removedMeasures).toHaveLength(0);
  });

  it("derives the right totals from the raw documents (sanity check of the derivation)", () => {
    const total = (d: Derived) => Object.values(d.markers).reduce((n, ms) => n + ms.length, 0);
    expect(total(regionalDerived)).toBe(41);
    expect(total(lmsDerived)).toBe(50);
    // markers within a section run 1, 2, 3 ... / a, b, c ... without gaps in both documents
    for (const ms of Object.values(regionalDerived.markers)) {
      expect(ms).toEqual(ms.map((_, i) => String(i + 1)));
    }
    for (const ms of Object.values(lmsDerived.markers)) {
      expect(ms).toEqual(ms.map((_, i) => String.fromCharCode(97 + i)));
    }
  });

  it.each([
    ["regional", regional, regionalDerived],
    ["LMS", lms, lmsDerived],
  ] as const)("%s plan: measures per section match the document", (_name, p, derived) => {
    expect(countBySection(p.measures)).toEqual(derivedCounts(derived));
    // same section order and, within a section, ordinals 1..n in order
    expect(p.sections.map((s) => s.number)).toEqual(Object.keys(derived.markers));
    for (const [section, markers] of Object.entries(derived.markers)) {
      const ordinals = p.measures.filter((m) => m.section === section).map((m) => m.ordinal);
      expect(ordinals).toEqual(markers.map((_, i) => i + 1));
    }
  });

  it.each([
    ["regional", regional, regionalText],
    ["LMS", lms, lmsText],
  ] as const)("%s plan: section titles and measure texts come from the document", (_name, p, raw) => {
    const doc = squash(raw);
    for (const s of p.sections) {
      expect(doc, `section ${s.number}`).toContain(squash(`${s.number} ${s.title}`));
    }
    for (const m of [...p.measures, ...p.removedMeasures]) {
      const t = squash(m.text);
      // Head and tail (a table row may be interleaved with its other cells in the extraction).
      expect(doc, `${m.key} head`).toContain(t.slice(0, 40));
      expect(doc, `${m.key} tail`).toContain(t.slice(-40));
    }
  });

  it.each([
    ["regional", regional],
    ["LMS", lms],
  ] as const)("%s plan: keys, sections, texts and parsed values are consistent", (_name, p) => {
    const all = [...p.measures, ...p.removedMeasures];
    const keys = all.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    const sectionNumbers = new Set(p.sections.map((s) => s.number));
    expect(sectionNumbers.size).toBe(p.sections.length);
    for (const s of p.sections) expect(s.title.trim()).not.toBe("");

    for (const m of all) {
      expect(sectionNumbers.has(m.section), `${m.key} section ${m.section}`).toBe(true);
      expect(m.text.trim().length, m.key).toBeGreaterThan(0);
      expect(m.text).toBe(m.text.trim());
      expect(m.text, m.key).not.toMatch(/ {2}|<|>/);
      expect(Number.isInteger(m.ordinal) && m.ordinal >= 1).toBe(true);
      for (const y of [m.startYear, m.checkpointYear]) {
        if (y !== null) {
          expect(y).toBeGreaterThanOrEqual(2023);
          expect(y).toBeLessThanOrEqual(2027);
          expect(y).toBeGreaterThanOrEqual(p.periodStart);
          expect(y).toBeLessThanOrEqual(p.periodEnd);
        }
      }
      if (m.startYear !== null) expect(m.startRaw).toContain(String(m.startYear));
      if (m.checkpointYear !== null) expect(m.checkpointRaw).toContain(String(m.checkpointYear));
      if (m.startYear !== null && m.checkpointYear !== null) {
        expect(m.checkpointYear).toBeGreaterThanOrEqual(m.startYear);
      }
      if (m.cadenceMonth !== null) expect(m.cadenceMonth >= 1 && m.cadenceMonth <= 12).toBe(true);
      expect(m.cadenceYears !== null).toBe(m.cadence === "EVERY_N_YEARS");
      if (m.checkpointRaw === null) expect(m.cadence).toBeNull();
      else expect(m.cadence).not.toBeNull();
    }
    for (const m of p.measures) {
      expect(m.key).toBe(`${m.section}-${m.ordinal}`);
      expect(m.responsibleRaw.trim(), m.key).not.toBe("");
      expect(m.responsibleParties.length, m.key).toBeGreaterThan(0);
    }
  });

  it("regional plan: section titles equal the headings in the document", () => {
    expect(Object.fromEntries(regional.sections.map((s) => [s.number, s.title]))).toEqual(
      regionalDerived.headings,
    );
  });

  it("regional plan: every measure has a checkpoint year and a responsible of HF/RHF", () => {
    for (const m of regional.measures) {
      expect(m.checkpointYear, m.key).not.toBeNull();
      expect(m.cadence).toBe("ONCE");
      for (const r of m.responsibleParties) expect(["HF", "RHF"]).toContain(r);
    }
    expect(regional.measures.filter((m) => m.startYear !== null).map((m) => m.key)).toEqual([
      "2.3.1-1",
      "2.3.1-4",
      "2.4.3-3",
      "2.4.4-1",
    ]);
  });

  it("LMS plan: every schedule as written is read as its cadence, none left as OTHER", () => {
    const cadenceOf = (raw: string) =>
      /^årlig/i.test(raw)
        ? "ANNUAL"
        : /halvår/i.test(raw)
          ? "HALF_YEARLY"
          : /^etter kurs$/i.test(raw)
            ? "AFTER_EACH_COURSE"
            : /^hvert \d+ år$/i.test(raw)
              ? "EVERY_N_YEARS"
              : /^kontinuerlig$/i.test(raw)
                ? "CONTINUOUS"
                : /\b20\d\d$/.test(raw)
                  ? "ONCE"
                  : "OTHER";
    for (const m of lms.measures) {
      if (m.checkpointRaw !== null) expect(m.cadence, m.key).toBe(cadenceOf(m.checkpointRaw));
    }
    expect(lms.review).toEqual({ raw: expect.stringMatching(/to ganger i året/), cadence: "HALF_YEARLY" });
  });

  it("LMS plan: removed measures match the document's list and are not current", () => {
    expect(lms.removedMeasures.map((m) => ({ section: m.section, ordinal: m.ordinal }))).toEqual(
      lmsRemovedDerived.map((r) => ({ section: r.section, ordinal: letterOrdinal(r.letter) })),
    );
    expect(lms.removedMeasures).toHaveLength(3);

    const currentKeys = new Set(lms.measures.map((m) => m.key));
    const currentTexts = new Set(lms.measures.map((m) => squash(m.text)));
    for (const r of lms.removedMeasures) {
      expect(r.key.startsWith("removed-")).toBe(true);
      expect(currentKeys.has(r.key)).toBe(false);
      expect(currentTexts.has(squash(r.text))).toBe(false);
      // not even a near-copy: no current measure shares the removed measure's opening words
      for (const t of currentTexts) expect(t.startsWith(squash(r.text).slice(0, 30))).toBe(false);
      expect(r.note).toMatch(/Fjernet/);
    }
  });
});
