import {
  type AccessibilityFeature,
  type Audience,
  accessibilityFeatures,
  type DiagnosisGroup,
  type OfferFormat,
  type OfferKind,
  type PriorityGroup,
  priorityGroups,
  type Topic,
} from "@samspill/domain";
import type { Org } from "./model.js";
import type { Random } from "./random.js";
import {
  diagnoses,
  hospitalAudiences,
  hospitalCourseKinds,
  municipalThemes,
  peerTitles,
  sentences,
  subjects,
} from "./words.js";

// What an offer says and whom it is for, by provider: trusts offer diagnosis-specific courses to
// their whole catchment, municipalities run diagnosis-independent offers locally (a few
// diagnosis-specific ones, which the task-division rule flags), user organisations run peer
// activities.

export interface OfferText {
  title: string;
  summary: string;
  description: string;
  kind: OfferKind;
  scope: "DIAGNOSIS_SPECIFIC" | "DIAGNOSIS_INDEPENDENT";
  codes: string[];
  groups: DiagnosisGroup[];
  topics: Topic[];
  audiences: Audience[];
  priorityGroups: PriorityGroup[];
  format: OfferFormat;
  languages: string[];
  accessibility: AccessibilityFeature[];
  municipalities: string[];
}

const otherLanguages = ["nn", "en", "ar", "so", "ti", "uk", "pl", "sma", "fa", "ur"];

export function describeOffer(r: Random, provider: Org, catchment: readonly Org[]): OfferText {
  const about = r.sample(subjects, 3);
  const summary = `Kurset gir kunnskap om ${about[0]}, ${about[1]} og ${about[2]}. ${r.pick(sentences)}`;
  const description = [...r.sample(sentences, 3), `Tema: ${r.sample(subjects, 4).join(", ")}.`].join(" ");
  const format = (["PHYSICAL", "DIGITAL", "HYBRID"] as const)[r.weighted([60, 20, 20])]!;
  const languages = ["nb", ...(r.chance(0.15) ? r.sample(otherLanguages, r.int(1, 2)) : [])];
  const accessibility = r.sample(accessibilityFeatures, r.weighted([30, 35, 25, 10]));
  const priority = r.sample(priorityGroups, r.weighted([35, 45, 20]));
  const place = provider.name.replace(/ kommune.*$/, "");
  const common = { summary, description, format, languages, accessibility };

  if (provider.kind === "HOSPITAL_TRUST") {
    const d = r.pick(diagnoses);
    const audience = r.pick(hospitalAudiences);
    return {
      ...common,
      title: `${r.pick(hospitalCourseKinds)} ${audience} ${d.words}`,
      kind: r.pick([
        "GROUP_COURSE",
        "GROUP_COURSE",
        "GROUP_COURSE",
        "LECTURE",
        "DIGITAL_RESOURCE",
        "FAMILY_OFFER",
      ]),
      scope: "DIAGNOSIS_SPECIFIC",
      codes: d.codes,
      groups: [d.group],
      topics: ["LIVING_WITH_CHRONIC_ILLNESS"],
      audiences: audience.includes("pårørende")
        ? ["CARERS"]
        : audience.includes("barn")
          ? ["PARENTS", "CHILDREN_AND_YOUTH"]
          : ["PATIENTS", "CARERS"],
      priorityGroups: audience.includes("ungdom") ? ["CHILDREN_AND_YOUTH"] : priority,
      municipalities: (r.chance(0.6)
        ? catchment
        : r.sample(catchment, r.int(1, Math.max(1, catchment.length)))
      ).map((m) => m.municipalityNumber!),
    };
  }
  if (provider.kind === "MUNICIPALITY") {
    const neighbours = r.chance(0.2) ? r.sample(catchment, r.int(1, 3)) : [];
    const municipalities = [...new Set([provider, ...neighbours].map((m) => m.municipalityNumber!))];
    if (r.chance(0.05)) {
      // Municipal diagnosis-specific offers exist; the task-division rule flags them for the forum.
      const d = r.pick(diagnoses);
      return {
        ...common,
        title: `Mestringskurs for personer med ${d.words} i ${place}`,
        kind: "GROUP_COURSE",
        scope: "DIAGNOSIS_SPECIFIC",
        codes: d.codes,
        groups: [d.group],
        topics: ["LIVING_WITH_CHRONIC_ILLNESS"],
        audiences: ["PATIENTS"],
        priorityGroups: priority,
        municipalities,
      };
    }
    const theme = r.pick(municipalThemes);
    return {
      ...common,
      title: r.chance(0.5) ? `${theme.title} i ${place}` : theme.title,
      kind: r.pick(["GROUP_COURSE", "GROUP_COURSE", "INDIVIDUAL_TRAINING", "FAMILY_OFFER", "LECTURE"]),
      scope: "DIAGNOSIS_INDEPENDENT",
      codes: [],
      groups: [],
      topics: [theme.topic],
      audiences: theme.priority === "CHILDREN_AND_YOUTH" ? ["CHILDREN_AND_YOUTH", "PARENTS"] : ["PATIENTS"],
      priorityGroups: theme.priority ? [...new Set([theme.priority, ...priority])] : priority,
      municipalities,
    };
  }
  const d = r.pick(diagnoses);
  return {
    ...common,
    title: `${r.pick(peerTitles)} for ${r.chance(0.3) ? "pårørende til personer med" : "personer med"} ${d.words}`,
    kind: "PEER_ACTIVITY",
    scope: "DIAGNOSIS_SPECIFIC",
    codes: d.codes,
    groups: [d.group],
    topics: ["LIVING_WITH_CHRONIC_ILLNESS", "CARER_SUPPORT"],
    audiences: ["PATIENTS", "CARERS"],
    priorityGroups: priority,
    municipalities: r
      .sample(catchment, r.int(1, Math.min(8, catchment.length)))
      .map((m) => m.municipalityNumber!),
  };
}
