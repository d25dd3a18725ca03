import { wordNames } from "./search-vocabulary.js";

// Names a patient types for one condition (bokmål, nynorsk, English, the short forms they see on
// leaflets) with the ICD-10 categories a provider codes it by. A query word naming a condition
// finds offers coded with it even when their text never uses that name ("multippel sklerose"
// finds a course coded G35 that only says "MS"), and its other names rank as well as the word
// itself ("hjerneslag" ranks «Slagskolen» with the courses that say "hjerneslag"). Narrower than
// the diagnosis groups in search-vocabulary.ts: "parkinson" must not rank epilepsy courses.

interface Condition {
  /** ICD-10 categories (three characters); a code matches when it starts with one. */
  codes: string[];
  /** Single words, lower case; the first is the name shown in Norwegian leaflets. */
  names: string[];
}

const conditions: Condition[] = [
  { codes: ["E10", "E11", "E12", "E13", "E14"], names: ["diabetes", "sukkersyke", "sukkersjuke"] },
  { codes: ["E66"], names: ["overvekt", "fedme", "vektreduksjon", "vektnedgang", "obesity"] },
  { codes: ["I50"], names: ["hjertesvikt", "hjartesvikt"] },
  { codes: ["I21", "I22"], names: ["hjerteinfarkt", "hjarteinfarkt", "infarkt"] },
  { codes: ["I20", "I25"], names: ["koronar", "angina", "hjertekrampe", "hjartekrampe"] },
  {
    codes: ["I60", "I61", "I62", "I63", "I64"],
    names: ["hjerneslag", "slag", "stroke", "hjerneinfarkt", "hjerneblødning"],
  },
  { codes: ["J44"], names: ["kols", "copd"] },
  { codes: ["J45", "J46"], names: ["astma", "asthma"] },
  { codes: ["K50"], names: ["crohn", "crohns"] },
  { codes: ["K51"], names: ["kolitt", "colitis", "ulcerøs"] },
  { codes: ["C50"], names: ["brystkreft"] },
  { codes: ["C61"], names: ["prostatakreft"] },
  { codes: ["C18", "C19", "C20"], names: ["tarmkreft", "tykktarmskreft", "endetarmskreft"] },
  { codes: ["C34"], names: ["lungekreft"] },
  { codes: ["F32", "F33"], names: ["depresjon", "deprimert", "depression"] },
  { codes: ["F40", "F41"], names: ["angst", "angstlidelse", "anxiety"] },
  { codes: ["F31"], names: ["bipolar"] },
  { codes: ["F20", "F21", "F22", "F23", "F25", "F29"], names: ["psykose", "psykoselidelse", "schizofreni"] },
  { codes: ["F50"], names: ["spiseforstyrrelse", "spiseforstyrrelser", "anoreksi", "bulimi"] },
  {
    codes: ["F10", "F11", "F12", "F13", "F14", "F15", "F16", "F19"],
    names: ["rus", "rusavhengighet", "rusavhengigheit", "rusmiddel", "avhengighet", "addiction"],
  },
  { codes: ["M05", "M06"], names: ["leddgikt", "revmatoid", "artritt", "arthritis"] },
  { codes: ["M79", "R52"], names: ["smerte", "smerter", "smertar", "pain"] },
  { codes: ["G40"], names: ["epilepsi", "epilepsy"] },
  { codes: ["G35"], names: ["multippel", "sklerose", "ms"] },
  { codes: ["G20"], names: ["parkinson", "parkinsons"] },
  { codes: ["N18", "N19"], names: ["nyresykdom", "nyresjukdom", "nyre", "nyresvikt", "kidney"] },
  { codes: ["F00", "F01", "F02", "F03", "G30"], names: ["demens", "alzheimer", "alzheimers", "dementia"] },
];

// A prefix names a condition only when at most three letters are missing ("parkinso",
// "alzheim"): "hjerte" is the start of several heart conditions and names none of them.
const names = (c: Condition, word: string) => c.names.some((n) => wordNames(n, word, 3));

export interface ConditionMatch {
  /** The named conditions' other names, for ranking. */
  synonyms: string[];
  /**
   * Their ICD-10 categories in lower case ("g35"): the search vector holds an offer's codes as
   * words, so a prefix query on them finds "G35" and "G35.1" in the same index lookup.
   */
  codes: string[];
}

/** The conditions query words name: exactly, as a near-complete prefix, or one edit away. */
export function conditionsNamed(words: readonly string[]): ConditionMatch {
  const named = conditions.filter((c) => words.some((w) => names(c, w)));
  return {
    // A name the word already prefixes is found by the word itself.
    synonyms: [...new Set(named.flatMap((c) => c.names))].filter((n) => !words.some((w) => n.startsWith(w))),
    codes: [...new Set(named.flatMap((c) => c.codes))].map((code) => code.toLowerCase()),
  };
}
