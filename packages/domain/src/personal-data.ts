import { z } from "zod";
import { bilingualIssue } from "./validation.js";

// The hub holds aggregates only (no personal health data). Free text next to aggregates is
// where personal data slips in, so such fields refuse what looks like it. Names cannot be
// told from ordinary words and are not detected; the field's description asks for none.

export type PersonalDataKind = "NATIONAL_IDENTITY_NUMBER" | "EMAIL" | "PHONE";

const patterns: readonly [PersonalDataKind, RegExp][] = [
  // Fødselsnummer, D- and H-numbers: eleven digits, sometimes split 6+5. Any such run is
  // refused, checksum or not: an eleven-digit number (an account number, say) is personal too.
  ["NATIONAL_IDENTITY_NUMBER", /(?<!\d)\d{6}[ .]?\d{5}(?!\d)/],
  ["EMAIL", /[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]{2,}/],
  // Norwegian numbers as people write them: 8 digits, 2-2-2-2 or 3-2-3 with spaces, optional
  // +47/0047. Only spaces separate groups, so times and dates ("10.00-12.00") do not match.
  ["PHONE", /(?<![\d+])(?:(?:\+|00)47 ?)?(?:\d{8}|\d{2}(?: \d{2}){3}|\d{3} \d{2} \d{3})(?!\d)/],
];

/** The kinds of personal data `text` appears to contain, in a fixed order. */
export function personalDataIn(text: string): PersonalDataKind[] {
  return patterns.filter(([, re]) => re.test(text)).map(([kind]) => kind);
}

const what: Record<PersonalDataKind, { en: string; nb: string; nn: string }> = {
  NATIONAL_IDENTITY_NUMBER: {
    en: "a national identity number (11 digits)",
    nb: "et fødselsnummer (11 siffer)",
    nn: "eit fødselsnummer (11 siffer)",
  },
  EMAIL: { en: "an e-mail address", nb: "en e-postadresse", nn: "ei e-postadresse" },
  PHONE: { en: "a phone number", nb: "et telefonnummer", nn: "eit telefonnummer" },
};

/** Optional free text beside aggregates: trimmed, bounded, and free of personal data. */
export function aggregateNotes(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .nullish()
    .superRefine((text, ctx) => {
      if (!text) return;
      for (const kind of personalDataIn(text)) {
        ctx.addIssue(
          bilingualIssue(
            [],
            "personal_data",
            `The text looks like it contains ${what[kind].en}. Reports hold aggregates only: remove personal data.`,
            `Teksten ser ut til å inneholde ${what[kind].nb}. Rapporter skal bare ha samletall: fjern personopplysninger.`,
            `Teksten ser ut til å innehalde ${what[kind].nn}. Rapportar skal berre ha samletal: fjern personopplysningar.`,
          ),
        );
      }
    });
}

// Log lines and error messages are scrubbed rather than refused: an SMTP server's rejection
// names the address, a database error may quote a row. E-mail addresses and national identity
// numbers anywhere; phone numbers only as people write them to be read as phone numbers (with
// +47/0047 or in groups), since a bare run of eight digits in a log is far more often an id,
// a job number or a count.
const inLogs: readonly [string, RegExp][] = [
  // Host names only after the @, ending in letters: "runner@4.1.12/dist" in a stack trace is a path.
  ["[e-mail]", /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu],
  ["[national-id]", /(?<!\d)\d{6}[ .]?\d{5}(?!\d)/g],
  [
    "[phone]",
    /(?<![\d+])(?:(?:\+|00)47 ?\d{8}|(?:(?:\+|00)47 ?)?(?:\d{2}(?: \d{2}){3}|\d{3} \d{2} \d{3}))(?!\d)/g,
  ],
];

/** `text` with e-mail addresses, national identity numbers and written-out phone numbers replaced. */
export function scrubPersonalData(text: string): string {
  let out = text;
  for (const [marker, re] of inLogs) out = out.replace(re, marker);
  return out;
}
