import { z } from "zod";
import { isIcd10Code } from "./diagnoses.js";
import { isLanguageCode } from "./languages.js";

// Building blocks shared by the entity input schemas.

export const uuid = z.uuid();
export const nonEmptyText = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).nullish();
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
  .refine(isIcd10Code, { message: "Expected an ICD-10 code such as E11 or J44.1" });
export const languageCode = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isLanguageCode, { message: "Unknown ISO 639 language code" });
export const version = z.number().int().positive();
export const nonNegativeCount = z.number().int().min(0).max(1_000_000);

/** A calendar date written as YYYY-MM-DD. */
export const isoDate = z.iso.date();
