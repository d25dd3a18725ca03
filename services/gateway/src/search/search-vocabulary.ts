import type { DiagnosisGroup } from "@samspill/domain";
import { distance } from "fastest-levenshtein";

// Words a patient types for each diagnosis group, in bokmål, nynorsk and English. A query word
// naming a group finds offers tagged with it, even when their text uses another word
// ("hjertesykdom" finds "Hjerteskolen", "COPD" finds "KOLS-skole").
const diagnosisWords: Record<DiagnosisGroup, string[]> = {
  DIABETES: ["diabetes", "sukkersyke", "sukkersjuke"],
  HEART_DISEASE: ["hjertesykdom", "hjartesjukdom", "hjerte", "hjarte", "heart", "cardiac", "infarkt"],
  COPD: ["kols", "copd", "lungesykdom", "lungesjukdom"],
  ASTHMA: ["astma", "asthma"],
  IBD: ["ibd", "tarmsykdom", "tarmsjukdom", "crohn", "kolitt", "colitis"],
  STROKE: ["hjerneslag", "slag", "stroke"],
  CANCER: ["kreft", "cancer", "kreftsykdom", "kreftsjukdom"],
  MENTAL_ILLNESS: ["psykisk", "psykiske", "depresjon", "angst", "psykose", "depression", "anxiety", "mental"],
  SUBSTANCE_USE: ["rus", "rusavhengighet", "rusavhengigheit", "avhengighet", "addiction"],
  RHEUMATIC_DISEASE: ["revmatisk", "revmatisme", "leddgikt", "rheumatic", "arthritis"],
  CHRONIC_PAIN: ["smerte", "smerter", "smertar", "pain"],
  NEUROLOGICAL: ["nevrologisk", "epilepsi", "parkinson", "ms", "neurological", "epilepsy"],
  OBESITY: ["fedme", "overvekt", "obesity"],
  KIDNEY_DISEASE: ["nyresykdom", "nyresjukdom", "nyre", "kidney"],
  DEMENTIA: ["demens", "dementia", "alzheimer"],
  OTHER: [],
};

/** Generic course words: in a catalogue of courses they narrow nothing, so they only rank. */
export const courseWords = [
  "kurs",
  "kurset",
  "skole",
  "skule",
  "skolen",
  "skulen",
  "gruppe",
  "gruppa",
  "grupper",
  "tilbud",
  "tilbod",
  "tilbodet",
  "tilbudet",
  "opplæring",
  "course",
  "school",
  "group",
] as const;
const courseSet = new Set<string>(courseWords);

const diagnosisVocabulary = Object.entries(diagnosisWords).flatMap(([group, words]) =>
  words.map((word) => ({ word, group: group as DiagnosisGroup })),
);

/** The words spelling is corrected towards: diagnosis names, course words and common topics. */
const correctionVocabulary = [
  ...new Set([
    ...diagnosisVocabulary.map((d) => d.word),
    ...courseWords,
    "mestring",
    "meistring",
    "læring",
    "pårørende",
    "pårørande",
    "søvn",
    "trening",
    "kosthold",
    "røykeslutt",
    "snusslutt",
    "likeperson",
    "frisklivssentral",
  ]),
];

export const isCourseWord = (word: string) => courseSet.has(word);

/**
 * A compound ending in a course word, split: "diabeteskurs" -> diabetes + kurs,
 * "mestringskurs" -> mestring(s) + kurs. Returns the heads to search (with and without the
 * linking s/e Norwegian puts between parts) or nothing when the word is no such compound.
 */
export function splitCompound(word: string): { heads: string[]; tail: string } | undefined {
  for (const tail of courseWords) {
    if (word.length - tail.length < 3 || !word.endsWith(tail)) continue;
    const head = word.slice(0, -tail.length);
    const heads = new Set([head]);
    if (/[se]$/.test(head) && head.length > 3) heads.add(head.slice(0, -1));
    return { heads: [...heads], tail };
  }
  return undefined;
}

/** Words one edit (insert, delete or substitute a letter) from `word`; none for short words. */
export function corrections(word: string): string[] {
  if (word.length < 5) return [];
  return correctionVocabulary.filter(
    (v) => v !== word && Math.abs(v.length - word.length) <= 1 && distance(v, word) === 1,
  );
}

/**
 * Whether a query word names a vocabulary word: exactly, as a prefix of four letters or more
 * that misses at most `maxMissing` letters, or (five letters or more) one edit away.
 */
export function wordNames(name: string, word: string, maxMissing = Number.POSITIVE_INFINITY): boolean {
  return (
    name === word ||
    (word.length >= 4 && name.length - word.length <= maxMissing && name.startsWith(word)) ||
    (word.length >= 5 && Math.abs(name.length - word.length) <= 1 && distance(name, word) === 1)
  );
}

/** Diagnosis groups a query word names (see `wordNames`). */
export function diagnosisGroupsNamed(word: string): DiagnosisGroup[] {
  const groups = diagnosisVocabulary.filter((d) => wordNames(d.word, word)).map((d) => d.group);
  return [...new Set(groups)];
}
