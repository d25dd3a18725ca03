import { defaultWrittenLanguage, type WrittenLanguage, writtenLanguages } from "./enums.js";

// Which written standard someone reads. Public bodies write both bokmål and nynorsk (språklova)
// and each municipality has chosen one, so a person's mail follows, in order: their own choice,
// their organisation's (the first membership), else bokmål.

export function isWrittenLanguage(value: unknown): value is WrittenLanguage {
  return typeof value === "string" && (writtenLanguages as readonly string[]).includes(value);
}

export function writtenLanguageOf(
  own: WrittenLanguage | null | undefined,
  organisations: readonly (WrittenLanguage | null | undefined)[],
): WrittenLanguage {
  return own ?? organisations.find((l) => l != null) ?? defaultWrittenLanguage;
}

/**
 * The best of nb, nn and en for an Accept-Language header or navigator.languages, in the
 * reader's order of preference; "no" (Norwegian, unspecified) is bokmål. Null when none fits.
 */
export function pickWrittenLanguage(wanted: readonly string[]): WrittenLanguage | null {
  for (const tag of wanted) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
    if (primary === "no") return "nb";
    if (isWrittenLanguage(primary)) return primary;
  }
  return null;
}

/** The tags of an Accept-Language header, highest q first (ties keep their order). */
export function acceptLanguageTags(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((t) => t.tag !== "" && t.tag !== "*" && t.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((t) => t.tag);
}
