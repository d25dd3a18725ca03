import { z } from "zod";
import { isIcd10Code } from "./diagnoses.js";
import { isLanguageCode } from "./languages.js";

// Building blocks shared by the entity input schemas.

export const uuid = z.uuid();

// Postgres text cannot hold NUL, nor UTF-16 surrogates without their pair, and no person types
// them or the other control characters (tab and line breaks aside): text that holds one is
// refused with an input error rather than met as a database error deep in a write.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Whether `value` is text a person could have typed: no NUL, no other control character, no broken surrogate pair. */
export function isPlainText(value: string): boolean {
  // isWellFormed is ES2024, newer than the lib we compile against; Node 20 has it.
  return !controlCharacter.test(value) && (value as string & { isWellFormed(): boolean }).isWellFormed();
}

/** A string of at most `max` characters, trimmed, without control characters (see `isPlainText`). */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(isPlainText, {
      message: "Contains characters that are not text (NUL, control characters or a broken surrogate pair)",
      params: {
        code: "not_plain_text",
        nb: "Inneholder tegn som ikke er tekst (NUL, kontrolltegn eller et ødelagt surrogatpar)",
        nn: "Inneheld teikn som ikkje er tekst (NUL, kontrollteikn eller eit øydelagt surrogatpar)",
      },
    });
export const nonEmptyText = (max: number) => plainText(max).min(1);
export const optionalText = (max: number) => plainText(max).nullish();
/** The catalogue's free-text search, in GraphQL and in the export URLs alike. */
export const searchText = plainText(200);
/** A catalogue filter's ICD-10 code or prefix, e.g. E11 or J44. */
export const diagnosisCodePrefix = z.string().regex(/^[A-Za-z]\d{0,2}(\.\w{0,2})?$/, {
  message: "Expected an ICD-10 code or prefix such as E11 or J44",
});
/** A catalogue filter's language code: checked only for being text, since it matches nothing otherwise. */
export const languageFilter = plainText(10);
export const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);
export const email = z.email().max(320);
export const norwegianPhone = z
  .string()
  .trim()
  .regex(/^(\+47\s?)?\d{2}\s?\d{2}\s?\d{2}\s?\d{2}$|^(\+47\s?)?\d{3}\s?\d{2}\s?\d{3}$/, {
    message: "Expected a Norwegian phone number such as +47 73 86 80 00",
  });
export const municipalityNumber = z
  .string()
  .regex(/^\d{4}$/, { message: "Expected a four-digit municipality number" });
export const organisationNumber = z
  .string()
  .regex(/^\d{9}$/, { message: "Expected a nine-digit organisation number" });
export const icd10Code = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isIcd10Code, {
    message: "Expected an ICD-10 code such as E11 or J44.1",
    params: {
      nb: "Forventet en ICD-10-kode som E11 eller J44.1",
      nn: "Venta ein ICD-10-kode som E11 eller J44.1",
    },
  });
export const languageCode = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isLanguageCode, {
    message: "Unknown ISO 639 language code",
    params: { nb: "Ukjent ISO 639-språkkode", nn: "Ukjend ISO 639-språkkode" },
  });
export const version = z.number().int().positive();
export const nonNegativeCount = z.number().int().min(0).max(1_000_000);

/** A calendar date written as YYYY-MM-DD. */
export const isoDate = z.iso.date();
