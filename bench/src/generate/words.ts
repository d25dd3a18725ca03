import type { DiagnosisGroup, PriorityGroup, Topic } from "@samspill/domain";

// Norwegian words for synthetic offers, so full-text search (Norwegian stemming) has realistic
// titles and summaries to rank.

export const regionalAuthorities = [
  "Helse Sør-Øst RHF",
  "Helse Vest RHF",
  "Helse Midt-Norge RHF",
  "Helse Nord RHF",
];

/** Twenty hospital trusts with the regional authority (index above) each belongs to. */
export const hospitalTrusts: readonly (readonly [name: string, region: number, county: string])[] = [
  ["Akershus universitetssykehus HF", 0, "Akershus"],
  ["Oslo universitetssykehus HF", 0, "Oslo"],
  ["Sykehuset Innlandet HF", 0, "Innlandet"],
  ["Sykehuset Østfold HF", 0, "Østfold"],
  ["Sørlandet sykehus HF", 0, "Agder"],
  ["Sykehuset Telemark HF", 0, "Telemark"],
  ["Sykehuset i Vestfold HF", 0, "Vestfold"],
  ["Vestre Viken HF", 0, "Buskerud"],
  ["Sunnaas sykehus HF", 0, "Akershus"],
  ["Helse Bergen HF", 1, "Vestland"],
  ["Helse Fonna HF", 1, "Vestland"],
  ["Helse Førde HF", 1, "Vestland"],
  ["Helse Stavanger HF", 1, "Rogaland"],
  ["Helse Møre og Romsdal HF", 2, "Møre og Romsdal"],
  ["St. Olavs hospital HF", 2, "Trøndelag"],
  ["Helse Nord-Trøndelag HF", 2, "Trøndelag"],
  ["Universitetssykehuset Nord-Norge HF", 3, "Troms"],
  ["Nordlandssykehuset HF", 3, "Nordland"],
  ["Helgelandssykehuset HF", 3, "Nordland"],
  ["Finnmarkssykehuset HF", 3, "Finnmark"],
];

const stems = [
  "Lyng",
  "Furu",
  "Bjørke",
  "Rogn",
  "Hegg",
  "Ask",
  "Eike",
  "Gran",
  "Selje",
  "Ospe",
  "Linde",
  "Alm",
  "Mose",
  "Kvit",
  "Svart",
  "Rød",
  "Blå",
  "Grøn",
  "Gull",
  "Sølv",
  "Stein",
  "Skog",
  "Fjell",
  "Elve",
  "Sjø",
  "Myr",
  "Li",
  "Ås",
  "Haug",
  "Berg",
  "Nord",
  "Sør",
  "Aust",
  "Vest",
];
const suffixes = [
  "dal",
  "vik",
  "nes",
  "berg",
  "fjord",
  "sund",
  "strand",
  "land",
  "øy",
  "haug",
  "stad",
  "heim",
];

/** `count` distinct synthetic municipality names such as "Lyngdal" or "Sølvfjord". */
export function municipalityNames(count: number): string[] {
  const names: string[] = [];
  for (const suffix of suffixes)
    for (const stem of stems) {
      const name = `${stem}${suffix}`;
      names.push(name);
      if (names.length === count) return names;
    }
  for (let i = names.length; i < count; i++) names.push(`Kommune ${i + 1}`);
  return names;
}

export const userOrganisations = [
  "Diabetesforbundet",
  "LHL",
  "Kreftforeningen",
  "Mental Helse",
  "Rådet for psykisk helse",
  "Norsk Revmatikerforbund",
  "Landsforeningen for hjerte- og lungesyke",
  "Astma- og allergiforbundet",
  "Norges Parkinsonforbund",
  "MS-forbundet",
  "Norsk Epilepsiforbund",
  "Afasiforbundet",
  "Nasjonalforeningen for folkehelsen",
  "Landsforeningen for pårørende innen psykisk helse",
  "Hjernerådet",
  "Barnekreftforeningen",
  "Landsforeningen for Nyrepasienter",
  "Norsk Cøliakiforening",
  "Foreningen for kroniske smertepasienter",
  "Mental Helse Ungdom",
  "Ivareta",
  "Rusforum",
  "Norges Døveforbund",
  "Norges Blindeforbund",
  "Unge funksjonshemmede",
  "Funksjonshemmedes Fellesorganisasjon",
  "SAFO",
  "Pensjonistforbundet",
  "Stiftelsen Kirkens Bymisjon",
  "Landsforeningen for Slagrammede",
];

export const universities = [
  "Norges teknisk-naturvitenskapelige universitet",
  "Universitetet i Oslo",
  "Universitetet i Bergen",
  "UiT Norges arktiske universitet",
  "OsloMet – storbyuniversitetet",
  "Høgskulen på Vestlandet",
  "Universitetet i Agder",
  "Nord universitet",
];

/** Diagnosis-specific themes: title words, ICD-10 codes and the group they count in. */
export const diagnoses: readonly { words: string; codes: string[]; group: DiagnosisGroup }[] = [
  { words: "diabetes type 2", codes: ["E11"], group: "DIABETES" },
  { words: "diabetes type 1", codes: ["E10"], group: "DIABETES" },
  { words: "hjertesvikt", codes: ["I50"], group: "HEART_DISEASE" },
  { words: "koronar hjertesykdom", codes: ["I25", "I20"], group: "HEART_DISEASE" },
  { words: "KOLS", codes: ["J44"], group: "COPD" },
  { words: "astma", codes: ["J45"], group: "ASTHMA" },
  { words: "Crohns sykdom", codes: ["K50"], group: "IBD" },
  { words: "ulcerøs kolitt", codes: ["K51"], group: "IBD" },
  { words: "hjerneslag", codes: ["I63", "I61"], group: "STROKE" },
  { words: "brystkreft", codes: ["C50"], group: "CANCER" },
  { words: "prostatakreft", codes: ["C61"], group: "CANCER" },
  { words: "tarmkreft", codes: ["C18"], group: "CANCER" },
  { words: "depresjon", codes: ["F32", "F33"], group: "MENTAL_ILLNESS" },
  { words: "bipolar lidelse", codes: ["F31"], group: "MENTAL_ILLNESS" },
  { words: "psykoselidelser", codes: ["F20"], group: "MENTAL_ILLNESS" },
  { words: "spiseforstyrrelser", codes: ["F50"], group: "MENTAL_ILLNESS" },
  { words: "rusavhengighet", codes: ["F10", "F11"], group: "SUBSTANCE_USE" },
  { words: "revmatoid artritt", codes: ["M05", "M06"], group: "RHEUMATIC_DISEASE" },
  { words: "kroniske smerter", codes: ["M79", "R52"], group: "CHRONIC_PAIN" },
  { words: "epilepsi", codes: ["G40"], group: "NEUROLOGICAL" },
  { words: "multippel sklerose", codes: ["G35"], group: "NEUROLOGICAL" },
  { words: "Parkinsons sykdom", codes: ["G20"], group: "NEUROLOGICAL" },
  { words: "sykelig overvekt", codes: ["E66"], group: "OBESITY" },
  { words: "kronisk nyresykdom", codes: ["N18"], group: "KIDNEY_DISEASE" },
  { words: "demens", codes: ["F03", "G30"], group: "DEMENTIA" },
];

export const hospitalCourseKinds = [
  "Lærings- og mestringskurs",
  "Kurs",
  "Opplæringskurs",
  "Mestringskurs",
  "Temadag",
  "Pasientskole",
  "Gruppebasert opplæring",
  "Dagskurs",
];
export const hospitalAudiences = [
  "for personer med",
  "for pasienter med",
  "for pårørende til personer med",
  "for foreldre til barn med",
  "for ungdom med",
  "for nydiagnostiserte med",
  "for eldre med",
];

/** Diagnosis-independent municipal offers, with the topic they are about. */
export const municipalThemes: readonly { title: string; topic: Topic; priority?: PriorityGroup }[] = [
  { title: "Bra mat for bedre helse", topic: "HEALTHY_FOOD" },
  { title: "Kurs i mestring av depresjon", topic: "COPING_DEPRESSION" },
  { title: "Kurs i mestring av belastning", topic: "STRESS" },
  { title: "Søvnkurs", topic: "SLEEP" },
  { title: "Snus- og røykeslutt", topic: "QUIT_TOBACCO" },
  { title: "Fysisk aktivitet i gruppe", topic: "PHYSICAL_ACTIVITY" },
  { title: "Sterk og stødig", topic: "PHYSICAL_ACTIVITY", priority: "FRAIL_ELDERLY" },
  { title: "Aktiv hverdag for seniorer", topic: "PHYSICAL_ACTIVITY", priority: "FRAIL_ELDERLY" },
  { title: "Livsstilsendring", topic: "HEALTHY_FOOD" },
  { title: "Mestring av angst", topic: "COPING_ANXIETY" },
  { title: "Pårørendeskole", topic: "CARER_SUPPORT" },
  { title: "Starthjelp for familier", topic: "PARENTING", priority: "CHILDREN_AND_YOUTH" },
  {
    title: "Hverdagsmestring",
    topic: "LIVING_WITH_CHRONIC_ILLNESS",
    priority: "MULTIPLE_CHRONIC_CONDITIONS",
  },
  { title: "Tankevirus for ungdom", topic: "COPING_DEPRESSION", priority: "CHILDREN_AND_YOUTH" },
  { title: "Friskliv for ungdom", topic: "PHYSICAL_ACTIVITY", priority: "CHILDREN_AND_YOUTH" },
  {
    title: "Livet med kronisk sykdom",
    topic: "LIVING_WITH_CHRONIC_ILLNESS",
    priority: "MULTIPLE_CHRONIC_CONDITIONS",
  },
  { title: "Mestring av stress i hverdagen", topic: "STRESS" },
  { title: "Foreldreveiledning", topic: "PARENTING", priority: "CHILDREN_AND_YOUTH" },
  {
    title: "Samtalegruppe om psykisk helse og rus",
    topic: "COPING_DEPRESSION",
    priority: "SEVERE_MENTAL_ILLNESS_AND_SUBSTANCE_USE",
  },
];

export const peerTitles = [
  "Likepersonsgruppe",
  "Samtalegruppe for pårørende",
  "Likepersonstreff",
  "Mestringsgruppe",
  "Turgruppe",
  "Kaffetreff med likepersoner",
];

export const subjects = [
  "kosthold",
  "fysisk aktivitet",
  "medisiner",
  "søvn",
  "mestring",
  "symptomer",
  "rettigheter",
  "egenomsorg",
  "stressmestring",
  "hverdagsliv",
  "arbeid og økonomi",
  "trygdeordninger",
  "samliv",
  "pårørenderollen",
  "smertehåndtering",
  "pusteteknikk",
  "energiøkonomisering",
  "tilbakefall",
  "motivasjon",
  "livskvalitet",
  "følelser",
  "sosial støtte",
  "behandlingsvalg",
  "blodsukker",
  "hjerterytme",
  "trening",
  "avspenning",
  "tankemønstre",
  "kommunikasjon",
];

export const sentences = [
  "Undervisningen gis av sykepleier, lege og brukerrepresentant.",
  "Tilbudet er gratis og krever ikke henvisning.",
  "Du møter andre i samme situasjon og deler erfaringer.",
  "Kurset går over fire samlinger på dagtid.",
  "Pårørende er velkomne til å delta.",
  "Samlingene holdes på dagtid i lærings- og mestringssenteret.",
  "Kurset er utviklet sammen med brukerorganisasjonene.",
  "Det gis tilbud om tolk ved behov.",
  "Deltakerne får skriftlig materiell å ta med hjem.",
  "Tilbudet passer for deg som nylig har fått diagnosen.",
  "Frisklivssentralen har ansvar for gjennomføringen.",
  "Vi legger vekt på praktiske øvelser og samtale i gruppe.",
];

export const meetingTitles = [
  "Lokalt samarbeidsutvalg",
  "Årlig samarbeidsmøte om folkehelse",
  "Fagnettverk for lærings- og mestringstilbud",
  "Møte med frisklivssentralene",
  "Brukerrådets nettverksmøte",
  "Klinikkråd",
  "Forum for helsefellesskapet",
  "Fagdag om pasient- og pårørendeopplæring",
];

export const subAgreements = [
  ["Overordnet samarbeidsavtale", null],
  ["Delavtale om samarbeid om pasientopplæring", "Delavtale 5"],
  ["Delavtale om utskrivningsklare pasienter", "Delavtale 3"],
  ["Delavtale om folkehelse og forebygging", "Delavtale 11"],
  ["Delavtale om kunnskapsoverføring og opplæring", "Delavtale 6"],
] as const;
