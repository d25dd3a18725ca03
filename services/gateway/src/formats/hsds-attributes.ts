import { diagnosisGroupOf } from "@samspill/domain";
import type { HsdsAttribute, HsdsTaxonomy, HsdsTaxonomyTerm } from "./hsds-types.js";
import { derivedUuid } from "./ids.js";
import {
  accessibilityLabels,
  audienceLabels,
  diagnosisGroupLabels,
  diagnosisScopeLabels,
  offerFormatLabels,
  offerKindLabels,
  priorityGroupLabels,
  topicLabels,
} from "./labels.js";
import type { OfferForExport } from "./types.js";

// HSDS classifies a service through attributes that point at taxonomy terms. The hub's closed
// vocabularies become small named taxonomies of their own (no published URI: they are the
// hub's), and diagnosis codes use ICD-10, the classification Norwegian hospitals code in.

const icd10: HsdsTaxonomy = {
  id: derivedUuid("taxonomy", "icd-10"),
  name: "ICD-10",
  description: "WHOs internasjonale statistiske klassifikasjon av sykdommer, 10. revisjon",
  uri: "https://icd.who.int/browse10/2019/en",
};

const userInvolvementLabels = {
  PLANNING: "Brukermedvirkning i planlegging",
  DELIVERY: "Brukermedvirkning i gjennomføring",
  EVALUATION: "Brukermedvirkning i evaluering",
} as const;

const vocabularies = {
  offer_kind: { title: "tilbudstype", labels: offerKindLabels },
  diagnosis_scope: { title: "diagnoseomfang", labels: diagnosisScopeLabels },
  diagnosis_group: { title: "diagnosegruppe", labels: diagnosisGroupLabels },
  topic: { title: "tema", labels: topicLabels },
  audience: { title: "målgruppe", labels: audienceLabels },
  priority_group: { title: "prioritert gruppe", labels: priorityGroupLabels },
  delivery_format: { title: "gjennomføringsform", labels: offerFormatLabels },
  accessibility: { title: "universell utforming", labels: accessibilityLabels },
  user_involvement: { title: "brukermedvirkning", labels: userInvolvementLabels },
} as const;

type VocabularyKey = keyof typeof vocabularies;

function samspillTaxonomy(key: VocabularyKey): HsdsTaxonomy {
  const { title } = vocabularies[key];
  return {
    id: derivedUuid("taxonomy", key),
    name: `Samspill: ${title}`,
    description: `Samspills kodeverk for ${title}`,
  };
}

/** Every taxonomy the services' attributes point into, as the API's `/taxonomies` lists them. */
export function hsdsTaxonomies(): HsdsTaxonomy[] {
  return [icd10, ...(Object.keys(vocabularies) as VocabularyKey[]).map(samspillTaxonomy)];
}

function samspillTerm(key: VocabularyKey, code: string): HsdsTaxonomyTerm {
  const vocabulary = vocabularies[key];
  const taxonomy = samspillTaxonomy(key);
  const name = (vocabulary.labels as Record<string, string>)[code] ?? code;
  return {
    id: derivedUuid("taxonomy-term", key, code),
    code,
    name,
    description: name,
    taxonomy: taxonomy.name,
    taxonomy_id: taxonomy.id,
    taxonomy_detail: taxonomy,
    language: "nb",
  };
}

function icd10Term(code: string): HsdsTaxonomyTerm {
  const group = diagnosisGroupLabels[diagnosisGroupOf(code)];
  return {
    id: derivedUuid("taxonomy-term", "icd-10", code),
    code,
    name: code,
    description: `ICD-10 ${code} (diagnosegruppe: ${group})`,
    taxonomy: icd10.name,
    taxonomy_id: icd10.id,
    taxonomy_detail: icd10,
    term_uri: `https://icd.who.int/browse10/2019/en#/${encodeURIComponent(code)}`,
  };
}

function attribute(serviceId: string, linkType: string, term: HsdsTaxonomyTerm): HsdsAttribute {
  return {
    id: derivedUuid(serviceId, "attribute", term.id),
    link_id: serviceId,
    link_type: linkType,
    link_entity: "service",
    taxonomy_term_id: term.id,
    taxonomy_term: term,
  };
}

export function offerAttributes(offer: OfferForExport): HsdsAttribute[] {
  const involvement = [
    offer.userRepPlanning && "PLANNING",
    offer.userRepDelivery && "DELIVERY",
    offer.userRepEvaluation && "EVALUATION",
  ].filter((v): v is keyof typeof userInvolvementLabels => typeof v === "string");
  const coded: [VocabularyKey, readonly string[]][] = [
    ["offer_kind", [offer.kind]],
    ["diagnosis_scope", [offer.diagnosisScope]],
    ["diagnosis_group", offer.diagnosisGroups],
    ["topic", offer.topics],
    ["audience", offer.audiences],
    ["priority_group", offer.priorityGroups],
    ["delivery_format", [offer.format]],
    ["accessibility", offer.accessibility],
    ["user_involvement", involvement],
  ];
  return [
    ...coded.flatMap(([key, codes]) =>
      codes.map((code) => attribute(offer.id, key, samspillTerm(key, code))),
    ),
    ...offer.diagnosisCodes.map((code) => attribute(offer.id, "diagnosis", icd10Term(code))),
  ];
}
