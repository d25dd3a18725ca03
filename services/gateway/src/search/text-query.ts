import { Prisma } from "@samspill/database";
import { conditionsNamed } from "./diagnosis-names.js";
import { corrections, diagnosisGroupsNamed, isCourseWord, splitCompound } from "./search-vocabulary.js";

// A patient's words, made forgiving: hyphenated and compound words are split ("kols-skole",
// "diabeteskurs" -> diabetes + kurs), every word also matches as a prefix, a word one letter
// off a known word is corrected ("diabetis"), provider names, diagnosis names (nb, nn, en) and
// the ICD-10 codes of a named condition count as matches. Offers whose title holds every word
// (in any of those forms) rank above offers that only say it in their text; within each, by
// weighted full-text rank (title > summary and codes > description) over the document's
// length, so a short offer about the query beats a long one that only mentions it.
// Queries using websearch operators (quotes, OR, -word) keep the strict full-text meaning.

const stopWords = new Set([
  "og",
  "i",
  "for",
  "med",
  "på",
  "av",
  "til",
  "om",
  "en",
  "et",
  "ei",
  "the",
  "and",
  "of",
  "with",
  "in",
]);
const maxWords = 8;

interface WordMatch {
  /** Prefix terms that match without correction: the word itself and its compound heads. */
  terms: string[];
  /** Terms from spelling correction, ranked below. */
  corrected: string[];
  /** Other names of the conditions the word names: they rank like the word itself. */
  synonyms: string[];
  groups: string[];
  /** ICD-10 categories of the named conditions ("g35"), matched as words of the search vector. */
  codes: string[];
}

export interface TextQuery {
  /** Every word must match one of its terms (in the offer, its provider's name or its diagnoses). */
  required: WordMatch[];
  /** All terms as one OR query, for ranking (course words included). */
  rankQuery: string;
  /** Every required word in the title (weight A), in any of its forms. */
  titleQuery: string;
  /** The same with each word only as typed (and its compound heads): exact titles first. */
  typedTitleQuery: string;
}

const usesOperators = (text: string) => /"|(^|\s)-\S|\sOR\s/.test(text);
const prefixOr = (terms: readonly string[]) => terms.map((t) => `${t}:*`).join(" | ");

export function parseTextQuery(text: string): TextQuery | undefined {
  if (usesOperators(text)) return undefined;
  const words = text
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !stopWords.has(w))
    .slice(0, maxWords);
  if (words.length === 0) return undefined;
  const matches: WordMatch[] = [];
  const ranking = new Set<string>();
  for (const word of words) {
    const heads = splitCompound(word)?.heads ?? [];
    const terms = [word, ...heads];
    const corrected = terms.flatMap(corrections).filter((c) => !terms.includes(c));
    const groups = [...new Set(terms.flatMap(diagnosisGroupsNamed))];
    const { synonyms, codes } = conditionsNamed(terms);
    for (const t of [...terms, ...corrected, ...synonyms, ...codes]) ranking.add(t);
    matches.push({ terms, corrected, synonyms, groups, codes });
  }
  // Course words narrow nothing in a catalogue of courses; they only rank, unless they are all
  // the patient typed.
  const narrowing = matches.filter((_, i) => !isCourseWord(words[i]!));
  const required = narrowing.length > 0 ? narrowing : matches;
  const inTitle = (w: WordMatch) =>
    `(${[...w.terms, ...w.corrected, ...w.synonyms].map((t) => `${t}:*A`).join(" | ")})`;
  const asTyped = (w: WordMatch) => `(${w.terms.map((t) => `${t}:*A`).join(" | ")})`;
  return {
    required,
    rankQuery: prefixOr([...ranking]),
    titleQuery: required.map(inTitle).join(" & "),
    typedTitleQuery: required.map(asTyped).join(" & "),
  };
}

/**
 * One word's condition: its terms in the offer's text, its provider's name, its diagnosis groups
 * or the ICD-10 codes of the condition it names (held in the search vector as words). A
 * stop word of Postgres's Norwegian dictionary ("etter", "hvordan", …) gives an empty query that
 * matches nothing, so it narrows nothing instead: "Livet etter kreft" finds «Livet etter kreft».
 */
function wordCondition(w: WordMatch): Prisma.Sql {
  const all = prefixOr([...w.terms, ...w.corrected]);
  // An offer's groups include those of its codes (offer-rows.ts), so a word that names a group
  // finds the coded offers already; only a condition outside the word's groups needs its codes.
  const inVector = w.codes.length > 0 && w.groups.length === 0 ? `${all} | ${prefixOr(w.codes)}` : all;
  const parts = [
    // A subquery, so it is evaluated once rather than per offer.
    Prisma.sql`(SELECT numnode(to_tsquery('norwegian', ${w.terms[0]})) = 0)`,
    Prisma.sql`o."searchVector" @@ to_tsquery('norwegian', ${inVector})`,
    Prisma.sql`EXISTS (SELECT 1 FROM "Organisation" p WHERE p."id" = o."providerId"
      AND to_tsvector('simple', p."name") @@ to_tsquery('simple', ${all}))`,
  ];
  if (w.groups.length > 0)
    parts.push(Prisma.sql`o."diagnosisGroups" && ${w.groups}::text[]::"DiagnosisGroup"[]`);
  return Prisma.sql`(${Prisma.join(parts, " OR ")})`;
}

export function textCondition(text: string): Prisma.Sql {
  const q = parseTextQuery(text);
  if (!q) return Prisma.sql`o."searchVector" @@ websearch_to_tsquery('norwegian', ${text})`;
  return Prisma.join(q.required.map(wordCondition), " AND ");
}

/**
 * Title matches first: every word in the title as typed (or a compound's head), then in any of
 * its forms (a correction, another name), then by the weighted rank
 * of every form, divided by the document's length (normalisation 2), then the shorter document:
 * among offers equally about a word, the one that says little else first. Offers found only by
 * their provider's name rank 0 and so fall to that last rule.
 */
export function textOrder(text: string): Prisma.Sql {
  const q = parseTextQuery(text);
  if (!q) return Prisma.sql`ts_rank_cd(o."searchVector", websearch_to_tsquery('norwegian', ${text})) DESC`;
  return Prisma.sql`o."searchVector" @@ to_tsquery('norwegian', ${q.typedTitleQuery}) DESC,
    o."searchVector" @@ to_tsquery('norwegian', ${q.titleQuery}) DESC,
    ts_rank_cd(o."searchVector", to_tsquery('norwegian', ${q.rankQuery}), 2) DESC,
    length(o."searchVector")`;
}
