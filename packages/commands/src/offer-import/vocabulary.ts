import {
  accessibilityFeatures,
  accessibilityLabels,
  audienceLabels,
  audiences,
  diagnosisGroupLabels,
  diagnosisGroups,
  diagnosisScopeLabels,
  diagnosisScopes,
  languages,
  offerFormatLabels,
  offerFormats,
  offerKindLabels,
  offerKinds,
  offerStatuses,
  offerStatusLabels,
  priorityGroupLabels,
  priorityGroups,
  topicLabels,
  topics,
} from "@samspill/domain";
import { distance } from "fastest-levenshtein";

// Words a cell may hold for each closed vocabulary: the hub's code (GROUP_COURSE) or its
// bokmål label (Gruppekurs), in any case. A near-miss gets the closest word as a suggestion:
// spellings are compared folded (æ→ae, ø→oe, å→aa, accents dropped), so "Aalesund" meets
// "Ålesund" at distance 0, and a typo of one letter in four still finds its word.

export interface Term {
  code: string;
  /** The word a suggestion offers. */
  label: string;
}

export function fold(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[\s_-]+/g, " ");
}

export class Vocabulary {
  private readonly exact = new Map<string, Term>();
  private readonly folded: { key: string; term: Term }[] = [];
  constructor(terms: readonly (Term & { aliases?: readonly string[] })[]) {
    for (const term of terms) {
      for (const word of [term.code, term.label, ...(term.aliases ?? [])]) {
        this.exact.set(word.trim().toLowerCase(), term);
        this.folded.push({ key: fold(word), term });
      }
    }
  }
  /** The words a suggestion would offer, one per term, for the template's help sheet. */
  labels(): string[] {
    return [...new Set([...this.exact.values()].map((t) => t.label))];
  }
  /** The term a cell names exactly (case aside), if any. */
  find(word: string): Term | undefined {
    return this.exact.get(word.trim().toLowerCase());
  }
  /** The closest term to a word that matched none, when it is close enough to be meant. */
  closest(word: string): Term | undefined {
    const key = fold(word);
    let best: { d: number; term: Term } | undefined;
    for (const candidate of this.folded) {
      const d = distance(key, candidate.key);
      if (!best || d < best.d) best = { d, term: candidate.term };
    }
    return best && best.d <= Math.max(1, Math.floor(key.length / 4)) ? best.term : undefined;
  }
}

const labelled = (codes: readonly string[], labels: Record<string, string>) =>
  new Vocabulary(codes.map((code) => ({ code, label: labels[code] ?? code })));

export const vocabularies = {
  kind: labelled(offerKinds, offerKindLabels),
  diagnosis_scope: labelled(diagnosisScopes, diagnosisScopeLabels),
  diagnosis_groups: labelled(diagnosisGroups, diagnosisGroupLabels),
  topics: labelled(topics, topicLabels),
  audiences: labelled(audiences, audienceLabels),
  priority_groups: labelled(priorityGroups, priorityGroupLabels),
  format: labelled(offerFormats, offerFormatLabels),
  accessibility: labelled(accessibilityFeatures, accessibilityLabels),
  status: labelled(offerStatuses, offerStatusLabels),
  // The written language of the offer's texts: the code, or its name in bokmål, nynorsk or English.
  text_language: new Vocabulary([
    { code: "nb", label: "nb", aliases: ["bokmål", "norsk bokmål", "Norwegian Bokmål"] },
    { code: "nn", label: "nn", aliases: ["nynorsk", "norsk nynorsk", "Norwegian Nynorsk"] },
    { code: "en", label: "en", aliases: ["engelsk", "English"] },
  ]),
  languages: new Vocabulary(languages.map((l) => ({ code: l.code, label: l.code, aliases: [l.nb, l.en] }))),
} as const;

export type VocabularyColumn = keyof typeof vocabularies;
