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

function storedLanguage(): string {
  try {
    const stored = localStorage.getItem(preferenceKey);
    if (stored && stored in catalogues) return stored;
  } catch {
    // Storage may be blocked (private mode, strict settings): the default will do.
  }
  return defaultLanguage;
}

function applyToDocument(language: string) {
  document.documentElement.lang = language;
}

export async function initI18n() {
  await i18next.use(initReactI18next).init({
    resources: Object.fromEntries(Object.entries(catalogues).map(([lng, c]) => [lng, { translation: c }])),
    lng: storedLanguage(),
    fallbackLng: defaultLanguage,
    supportedLngs: Object.keys(catalogues),
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyToDocument(i18next.language);
  i18next.on("languageChanged", (language) => {
    applyToDocument(language);
    try {
      localStorage.setItem(preferenceKey, language);
    } catch {
      // Not remembered across visits; the choice still holds for this page.
    }
  });
  return i18next;
}

/** BCP 47 locale for dates and numbers in the current language, e.g. nb-NO. */
export function currentLocale(): string {
  return catalogues[i18next.language]?.meta.locale ?? "nb-NO";
}
