import { pickWrittenLanguage } from "@samspill/domain";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Catalogue } from "./catalogue.js";

// One catalogue folder per language in ./locales, its index.ts merging the texts kept by area,
// found at build time: adding nynorsk is adding locales/nn/ (typed as Catalogue), nothing else.
// Bokmål is the default and the fallback.

const modules = import.meta.glob<{ default: Catalogue }>("./locales/*/index.ts", { eager: true });
const catalogues = Object.fromEntries(
  Object.entries(modules).map(([path, module]) => [
    path.replace(/^.*\/(.+)\/index\.ts$/, "$1"),
    module.default,
  ]),
);

export const defaultLanguage = "nb";
const preferenceKey = "samspill.language";

/** The languages there is a catalogue for, bokmål first, each named in its own language. */
export const availableLanguages = Object.keys(catalogues)
  .sort((a, b) => (a === defaultLanguage ? -1 : b === defaultLanguage ? 1 : a.localeCompare(b)))
  .map((code) => ({ code, name: catalogues[code]?.meta.name ?? code }));

function storedLanguage(): string | null {
  try {
    const stored = localStorage.getItem(preferenceKey);
    if (stored && stored in catalogues) return stored;
  } catch {
    // Storage may be blocked (private mode, strict settings): the browser's languages will do.
  }
  return null;
}

/**
 * The language to start in: the reader's own choice from the switcher when they made one, else
 * the first of the browser's languages we have (nn, nb or "no", en), else bokmål. A nynorsk
 * reader in Volda gets nynorsk on the first visit without looking for a switch.
 */
export function initialLanguage(
  stored: string | null,
  browserLanguages: readonly string[],
  available: readonly string[],
): string {
  if (stored && available.includes(stored)) return stored;
  const picked = pickWrittenLanguage(browserLanguages);
  return picked && available.includes(picked) ? picked : defaultLanguage;
}

function browserLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

function applyToDocument(language: string) {
  document.documentElement.lang = language;
}

export async function initI18n() {
  await i18next.use(initReactI18next).init({
    resources: Object.fromEntries(Object.entries(catalogues).map(([lng, c]) => [lng, { translation: c }])),
    lng: initialLanguage(storedLanguage(), browserLanguages(), Object.keys(catalogues)),
    fallbackLng: defaultLanguage,
    supportedLngs: Object.keys(catalogues),
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyToDocument(i18next.language);
  i18next.on("languageChanged", (language) => applyToDocument(language));
  return i18next;
}

/** Switches the UI language on the reader's deliberate choice and remembers it across visits. */
export async function chooseLanguage(language: string): Promise<void> {
  await i18next.changeLanguage(language);
  try {
    localStorage.setItem(preferenceKey, language);
  } catch {
    // Not remembered across visits; the choice still holds for this page.
  }
}

/** BCP 47 locale for dates and numbers in the current language, e.g. nb-NO. */
export function currentLocale(): string {
  return catalogues[i18next.language]?.meta.locale ?? "nb-NO";
}
