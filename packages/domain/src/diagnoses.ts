import type { DiagnosisGroup } from "./enums.js";

// ICD-10 chapters and blocks the plans name, mapped to the diagnosis groups the overview
// counts by. Ranges are inclusive on three-character categories.
const groupRanges: ReadonlyArray<readonly [from: string, to: string, group: DiagnosisGroup]> = [
  ["C00", "D48", "CANCER"],
  ["E10", "E14", "DIABETES"],
  ["E66", "E66", "OBESITY"],
  ["F00", "F03", "DEMENTIA"],
  ["F10", "F19", "SUBSTANCE_USE"],
  ["F20", "F99", "MENTAL_ILLNESS"],
  ["G00", "G99", "NEUROLOGICAL"],
  ["G30", "G30", "DEMENTIA"],
  ["I20", "I52", "HEART_DISEASE"],
  ["I60", "I69", "STROKE"],
  ["J44", "J44", "COPD"],
  ["J45", "J46", "ASTHMA"],
  ["K50", "K51", "IBD"],
  ["M05", "M14", "RHEUMATIC_DISEASE"],
  ["M30", "M36", "RHEUMATIC_DISEASE"],
  ["M79", "M79", "CHRONIC_PAIN"],
  ["N17", "N19", "KIDNEY_DISEASE"],
  ["R52", "R52", "CHRONIC_PAIN"],
];

/** ICD-10 code: a letter, two digits, optionally a dot and one to two more characters. */
export const icd10Pattern = /^[A-TV-Z][0-9]{2}(\.[0-9A-Z]{1,2})?$/;

export function isIcd10Code(code: string): boolean {
  return icd10Pattern.test(code);
}

/** The diagnosis group an ICD-10 code belongs to; more specific ranges win over chapters. */
export function diagnosisGroupOf(code: string): DiagnosisGroup {
  const category = code.slice(0, 3).toUpperCase();
  let best: { group: DiagnosisGroup; width: number } | undefined;
  for (const [from, to, group] of groupRanges) {
    if (category >= from && category <= to) {
      const width = rangeWidth(from, to);
      if (!best || width < best.width) best = { group, width };
    }
  }
  return best?.group ?? "OTHER";
}

function rangeWidth(from: string, to: string): number {
  const n = (c: string) => (c.charCodeAt(0) - 65) * 100 + Number(c.slice(1, 3));
  return n(to) - n(from);
}

/** Groups for a set of codes, deduplicated, in the order of first appearance. */
export function diagnosisGroupsOf(codes: readonly string[]): DiagnosisGroup[] {
  return [...new Set(codes.map(diagnosisGroupOf))];
}
