// ISO 639 codes the hub offers for course languages. Sami languages are listed separately
// because the plans single out South Sami (sma) for equal access.

export interface LanguageInfo {
  code: string;
  nb: string;
  en: string;
}

export const languages: readonly LanguageInfo[] = [
  { code: "nb", nb: "Bokmål", en: "Norwegian Bokmål" },
  { code: "nn", nb: "Nynorsk", en: "Norwegian Nynorsk" },
  { code: "sma", nb: "Sørsamisk", en: "South Sami" },
  { code: "se", nb: "Nordsamisk", en: "Northern Sami" },
  { code: "smj", nb: "Lulesamisk", en: "Lule Sami" },
  { code: "en", nb: "Engelsk", en: "English" },
  { code: "ar", nb: "Arabisk", en: "Arabic" },
  { code: "so", nb: "Somali", en: "Somali" },
  { code: "ti", nb: "Tigrinja", en: "Tigrinya" },
  { code: "uk", nb: "Ukrainsk", en: "Ukrainian" },
  { code: "pl", nb: "Polsk", en: "Polish" },
  { code: "lt", nb: "Litauisk", en: "Lithuanian" },
  { code: "fa", nb: "Persisk", en: "Persian" },
  { code: "prs", nb: "Dari", en: "Dari" },
  { code: "ur", nb: "Urdu", en: "Urdu" },
  { code: "ru", nb: "Russisk", en: "Russian" },
  { code: "es", nb: "Spansk", en: "Spanish" },
  { code: "tr", nb: "Tyrkisk", en: "Turkish" },
  { code: "ku", nb: "Kurdisk", en: "Kurdish" },
  { code: "th", nb: "Thai", en: "Thai" },
  { code: "vi", nb: "Vietnamesisk", en: "Vietnamese" },
  { code: "sgn-no", nb: "Norsk tegnspråk", en: "Norwegian Sign Language" },
];

export const languageCodes: ReadonlySet<string> = new Set(languages.map((l) => l.code));

export function isLanguageCode(code: string): boolean {
  return languageCodes.has(code);
}
