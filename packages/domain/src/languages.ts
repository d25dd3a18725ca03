// ISO 639 codes the hub offers for course languages. Sami languages are listed separately
// because the plans single out South Sami (sma) for equal access.

export interface LanguageInfo {
  code: string;
  nb: string;
  /** The name in nynorsk: the same as in bokmål but for a few. */
  nn: string;
  en: string;
}

export const languages: readonly LanguageInfo[] = [
  { code: "nb", nb: "Bokmål", nn: "Bokmål", en: "Norwegian Bokmål" },
  { code: "nn", nb: "Nynorsk", nn: "Nynorsk", en: "Norwegian Nynorsk" },
  { code: "sma", nb: "Sørsamisk", nn: "Sørsamisk", en: "South Sami" },
  { code: "se", nb: "Nordsamisk", nn: "Nordsamisk", en: "Northern Sami" },
  { code: "smj", nb: "Lulesamisk", nn: "Lulesamisk", en: "Lule Sami" },
  { code: "en", nb: "Engelsk", nn: "Engelsk", en: "English" },
  { code: "ar", nb: "Arabisk", nn: "Arabisk", en: "Arabic" },
  { code: "so", nb: "Somali", nn: "Somali", en: "Somali" },
  { code: "ti", nb: "Tigrinja", nn: "Tigrinja", en: "Tigrinya" },
  { code: "uk", nb: "Ukrainsk", nn: "Ukrainsk", en: "Ukrainian" },
  { code: "pl", nb: "Polsk", nn: "Polsk", en: "Polish" },
  { code: "lt", nb: "Litauisk", nn: "Litauisk", en: "Lithuanian" },
  { code: "fa", nb: "Persisk", nn: "Persisk", en: "Persian" },
  { code: "prs", nb: "Dari", nn: "Dari", en: "Dari" },
  { code: "ur", nb: "Urdu", nn: "Urdu", en: "Urdu" },
  { code: "ru", nb: "Russisk", nn: "Russisk", en: "Russian" },
  { code: "es", nb: "Spansk", nn: "Spansk", en: "Spanish" },
  { code: "tr", nb: "Tyrkisk", nn: "Tyrkisk", en: "Turkish" },
  { code: "ku", nb: "Kurdisk", nn: "Kurdisk", en: "Kurdish" },
  { code: "th", nb: "Thai", nn: "Thai", en: "Thai" },
  { code: "vi", nb: "Vietnamesisk", nn: "Vietnamesisk", en: "Vietnamese" },
  { code: "sgn-no", nb: "Norsk tegnspråk", nn: "Norsk teiknspråk", en: "Norwegian Sign Language" },
];

export const languageCodes: ReadonlySet<string> = new Set(languages.map((l) => l.code));

export function isLanguageCode(code: string): boolean {
  return languageCodes.has(code);
}
