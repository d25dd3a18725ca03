import { z } from "zod";
import { uuid } from "./common.js";
import { pamLevelRanges } from "./participation.js";
import { personalDataIn } from "./personal-data.js";
import { bilingualIssue } from "./validation.js";

// PAM results per participant of one course run (session), entered by the provider from the
// licensed evaluation tool (the hub administers no questionnaire). A participant is known only by
// a pseudonym the provider chooses: a code, never a name.
//
// Pseudonym rule: 3–20 characters of capital letters A–Z and digits, groups joined by "-", "_"
// or "."; at least two digits; no run of more than four letters (a code like "KOLS-07" passes,
// "KARIN-1" or "OLANORDMANN" does not); no run of more than four digits (a phone number, national
// identity number or birth date is a run of 6–11 digits); and nothing personalDataIn finds.
// Lower-case letters are refused rather than upper-cased, so "Kari01" is refused as it was typed.
// A short name in capitals with digits ("OLA-12") cannot be told from a code: the page asks for
// the tool's participant code, never a name.

export const pamPhases = ["START", "END"] as const;
export type PamPhase = (typeof pamPhases)[number];

export const MAX_PAM_RESULTS_PER_CALL = 200;

const pseudonymShape = /^[A-Z0-9]+(?:[-_.][A-Z0-9]+)*$/;

/** Why a pseudonym is refused (English, bokmål, nynorsk), or null when it is a fine code. */
export function pseudonymProblem(code: string): { code: string; en: string; nb: string; nn: string } | null {
  if (code.length < 3 || code.length > 20)
    return {
      code: "pseudonym_length",
      en: "Use 3–20 characters",
      nb: "Bruk 3–20 tegn",
      nn: "Bruk 3–20 teikn",
    };
  if (personalDataIn(code).length > 0 || /@/.test(code))
    return {
      code: "pseudonym_personal",
      en: "This looks like an e-mail address, phone number or national identity number: use the participant code from the evaluation tool",
      nb: "Dette ser ut som en e-postadresse, et telefonnummer eller et fødselsnummer: bruk deltakerkoden fra evalueringsverktøyet",
      nn: "Dette ser ut som ei e-postadresse, eit telefonnummer eller eit fødselsnummer: bruk deltakarkoden frå evalueringsverktøyet",
    };
  if (!pseudonymShape.test(code))
    return {
      code: "pseudonym_shape",
      en: "Use capital letters A–Z and digits, groups joined by - _ or . (for example K7-014)",
      nb: "Bruk store bokstaver A–Z og sifre, grupper skilt med - _ eller . (for eksempel K7-014)",
      nn: "Bruk store bokstavar A–Z og siffer, grupper skilde med - _ eller . (til dømes K7-014)",
    };
  if (/\d{5,}/.test(code))
    return {
      code: "pseudonym_personal",
      en: "More than four digits in a row can be a phone number, birth date or national identity number: use a shorter code",
      nb: "Mer enn fire sifre på rad kan være et telefonnummer, en fødselsdato eller et fødselsnummer: bruk en kortere kode",
      nn: "Meir enn fire siffer på rad kan vere eit telefonnummer, ein fødselsdato eller eit fødselsnummer: bruk ein kortare kode",
    };
  if (/[A-Z]{5,}/.test(code))
    return {
      code: "pseudonym_name",
      en: "More than four letters in a row can be a name: use a code, never the participant's name",
      nb: "Mer enn fire bokstaver på rad kan være et navn: bruk en kode, aldri deltakerens navn",
      nn: "Meir enn fire bokstavar på rad kan vere eit namn: bruk ein kode, aldri namnet til deltakaren",
    };
  if ((code.match(/\d/g) ?? []).length < 2)
    return {
      code: "pseudonym_name",
      en: "A code has at least two digits, so that it cannot be a name",
      nb: "En kode har minst to sifre, slik at den ikke kan være et navn",
      nn: "Ein kode har minst to siffer, slik at han ikkje kan vere eit namn",
    };
  return null;
}

export const pamPseudonym = z
  .string()
  .trim()
  .superRefine((code, ctx) => {
    const problem = pseudonymProblem(code);
    if (problem) ctx.addIssue(bilingualIssue([], problem.code, problem.en, problem.nb, problem.nn));
  });

/** The level (1–4) a PAM score falls in, by the instrument's cut points. */
export function pamLevelOfScore(score: number): number {
  const i = pamLevelRanges.findIndex(([, hi]) => score <= hi);
  return i === -1 ? 4 : i + 1;
}

const pamResultEntry = z
  .object({
    pseudonym: pamPseudonym,
    phase: z.enum(pamPhases),
    level: z.number().int().min(1).max(4),
    score: z
      .number()
      .min(0)
      .max(100)
      .transform((v) => Math.round(v * 10) / 10)
      .nullish(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.score == null) return;
    const level = pamLevelOfScore(v.score);
    if (level !== v.level)
      ctx.addIssue(
        bilingualIssue(
          ["score"],
          "score_outside_level",
          `A score of ${v.score} is level ${level}, not level ${v.level}`,
          `En skår på ${v.score} er nivå ${level}, ikke nivå ${v.level}`,
          `Ein skår på ${v.score} er nivå ${level}, ikkje nivå ${v.level}`,
        ),
      );
  });
export type PamResultEntry = z.output<typeof pamResultEntry>;

export const recordPamResultsInput = z
  .object({
    sessionId: uuid,
    results: z.array(pamResultEntry).min(1).max(MAX_PAM_RESULTS_PER_CALL),
  })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.results.forEach((r, i) => {
      const key = `${r.pseudonym}|${r.phase}`;
      if (seen.has(key))
        ctx.addIssue(
          bilingualIssue(
            ["results", String(i), "pseudonym"],
            "duplicate_result",
            `${r.pseudonym} has two ${r.phase === "START" ? "start" : "end"} results in this entry`,
            `${r.pseudonym} har to resultater ved ${r.phase === "START" ? "start" : "slutt"} i denne registreringen`,
            `${r.pseudonym} har to resultat ved ${r.phase === "START" ? "start" : "slutt"} i denne registreringa`,
          ),
        );
      seen.add(key);
    });
  });
export type RecordPamResultsInput = z.output<typeof recordPamResultsInput>;

export const deletePamResultInput = z.object({ id: uuid }).strict();
