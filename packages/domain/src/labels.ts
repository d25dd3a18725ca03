import type {
  AccessibilityFeature,
  Audience,
  DiagnosisGroup,
  DiagnosisScope,
  MeetingKind,
  OfferFormat,
  OfferKind,
  OfferStatus,
  OrganisationKind,
  PriorityGroup,
  Topic,
  WrittenLanguage,
} from "./enums.js";
import { languages } from "./languages.js";

// Bokmål labels for the closed vocabularies, shared by the exports and the mails: they are read
// by people in Norwegian health services, and `Record<Enum, string>` makes the compiler flag a new enum value here.

export const organisationKindLabels: Record<OrganisationKind, string> = {
  REGIONAL_HEALTH_AUTHORITY: "Regionalt helseforetak",
  HOSPITAL_TRUST: "Helseforetak",
  MUNICIPALITY: "Kommune",
  USER_ORGANISATION: "Brukerorganisasjon",
  UNIVERSITY: "Universitet eller høyskole",
  HEALTH_COMMUNITY: "Helsefellesskap",
};

export const offerKindLabels: Record<OfferKind, string> = {
  GROUP_COURSE: "Gruppekurs",
  INDIVIDUAL_TRAINING: "Individuell opplæring",
  PEER_ACTIVITY: "Likepersonsarbeid",
  FAMILY_OFFER: "Familietilbud",
  DIGITAL_RESOURCE: "Digital ressurs",
  LECTURE: "Foredrag",
};

export const diagnosisScopeLabels: Record<DiagnosisScope, string> = {
  DIAGNOSIS_SPECIFIC: "Diagnosespesifikt",
  DIAGNOSIS_INDEPENDENT: "Diagnoseuavhengig",
};

export const diagnosisGroupLabels: Record<DiagnosisGroup, string> = {
  DIABETES: "Diabetes",
  HEART_DISEASE: "Hjertesykdom",
  COPD: "KOLS",
  ASTHMA: "Astma",
  IBD: "Inflammatorisk tarmsykdom",
  STROKE: "Hjerneslag",
  CANCER: "Kreft",
  MENTAL_ILLNESS: "Psykisk lidelse",
  SUBSTANCE_USE: "Rusavhengighet",
  RHEUMATIC_DISEASE: "Revmatisk sykdom",
  CHRONIC_PAIN: "Langvarige smerter",
  NEUROLOGICAL: "Nevrologisk sykdom",
  OBESITY: "Fedme",
  KIDNEY_DISEASE: "Nyresykdom",
  DEMENTIA: "Demens",
  OTHER: "Annet",
};

export const topicLabels: Record<Topic, string> = {
  COPING_DEPRESSION: "Mestring av depresjon",
  COPING_ANXIETY: "Mestring av angst",
  HEALTHY_FOOD: "Sunt kosthold",
  PHYSICAL_ACTIVITY: "Fysisk aktivitet",
  QUIT_TOBACCO: "Snus- og røykeslutt",
  SLEEP: "Søvn",
  STRESS: "Stressmestring",
  LIVING_WITH_CHRONIC_ILLNESS: "Å leve med langvarig sykdom",
  CARER_SUPPORT: "Støtte til pårørende",
  PARENTING: "Foreldrerollen",
  OTHER: "Annet",
};

export const audienceLabels: Record<Audience, string> = {
  PATIENTS: "Pasienter",
  CARERS: "Pårørende",
  CHILDREN_AND_YOUTH: "Barn og unge",
  PARENTS: "Foreldre",
};

export const priorityGroupLabels: Record<PriorityGroup, string> = {
  CHILDREN_AND_YOUTH: "Barn og unge",
  SEVERE_MENTAL_ILLNESS_AND_SUBSTANCE_USE: "Alvorlige psykiske lidelser og rusproblemer",
  FRAIL_ELDERLY: "Skrøpelige eldre",
  MULTIPLE_CHRONIC_CONDITIONS: "Personer med flere kroniske lidelser",
};

export const offerFormatLabels: Record<OfferFormat, string> = {
  PHYSICAL: "Fysisk oppmøte",
  DIGITAL: "Digitalt",
  HYBRID: "Hybrid (fysisk og digitalt)",
};

export const accessibilityLabels: Record<AccessibilityFeature, string> = {
  HEARING_LOOP: "Teleslynge",
  CAPTIONS: "Teksting",
  SIGN_LANGUAGE: "Tegnspråktolk",
  VISUAL_AIDS: "Visuelle hjelpemidler",
  DYSLEXIA_FRIENDLY: "Dysleksivennlig materiell",
  EASY_READ: "Lettlest materiell",
  STEP_FREE_ACCESS: "Trinnfri adkomst",
  INTERPRETER: "Tolk",
};

/** Features that belong to a building rather than to the teaching itself. */
export const physicalAccessibility: ReadonlySet<AccessibilityFeature> = new Set([
  "HEARING_LOOP",
  "STEP_FREE_ACCESS",
]);

export const offerStatusLabels: Record<OfferStatus, string> = {
  DRAFT: "Utkast",
  PUBLISHED: "Publisert",
  PAUSED: "Satt på pause",
  ARCHIVED: "Arkivert",
};

export const meetingKindLabels: Record<MeetingKind, string> = {
  PROFESSIONAL_NETWORK: "Fagnettverk",
  LOCAL_COOPERATION_COMMITTEE: "Lokalt samarbeidsutvalg",
  ANNUAL_COOPERATION_MEETING: "Årlig samarbeidsmøte",
  HEALTHY_LIVING_CENTRE_MEETING: "Årlig møte med frisklivssentralene",
  USER_COUNCIL_NETWORK: "Brukerråd i regionalt nettverk",
  CLINIC_COUNCIL: "Klinikkråd",
  HEALTH_COMMUNITY_FORUM: "Forum i helsefellesskapet",
  OTHER: "Møte",
};

const languageInfo = new Map(languages.map((l) => [l.code, l]));

/** A course language's name in bokmål (one argument, so it can be passed to `map`). */
export function languageName(code: string): string {
  return languageNameIn(code, "nb");
}

/** A course language's name in the given written language (mails to nynorsk or English readers). */
export function languageNameIn(code: string, writtenIn: WrittenLanguage): string {
  return languageInfo.get(code)?.[writtenIn] ?? code;
}

export function labelsOf<K extends string>(labels: Record<K, string>, keys: readonly K[]): string[] {
  return keys.map((k) => labels[k]);
}
