import type { WrittenLanguage } from "@samspill/domain";
import en from "./en.js";
import type { MailTexts } from "./mail-texts.js";
import nb from "./nb.js";
import nn from "./nn.js";

// What the summaries and reminders say, in bokmål, nynorsk and English (texts.test.ts compares
// the key sets at run time too).

export type { MailTexts };

export const mailTextsByLanguage: Record<WrittenLanguage, MailTexts> = { nb, nn, en };

export function mailTexts(language: WrittenLanguage = "nb"): MailTexts {
  return mailTextsByLanguage[language];
}
