import type {
  AccessibilityFeature,
  Audience,
  DiagnosisGroup,
  DiagnosisScope,
  OfferFormat,
  OfferKind,
  PriorityGroup,
  Topic,
  WrittenLanguage,
} from "@samspill/domain";
import { graphql } from "@samspill/graphql";
import { MutationErrorFields } from "../shared/mutations.js";
import { type OfferDetails, OfferDetailsFragment } from "../shared/offer-query.js";

/** What the offer form holds: text as typed, so nothing is lost before the gateway checks it. */
export interface OfferFormValues {
  unitId: string;
  title: string;
  summary: string;
  description: string;
  /** The written language of title, summary and description. */
  textLanguage: WrittenLanguage;
  kind: OfferKind;
  diagnosisScope: DiagnosisScope;
  diagnosisCodes: string;
  diagnosisGroups: DiagnosisGroup[];
  topics: Topic[];
  audiences: Audience[];
  priorityGroups: PriorityGroup[];
  format: OfferFormat;
  location: string;
  onlineUrl: string;
  languages: string[];
  accessibility: AccessibilityFeature[];
  municipalityNumbers: string[];
  userRepPlanning: boolean;
  userRepDelivery: boolean;
  userRepEvaluation: boolean;
  a0099Eligible: boolean;
  interdisciplinary: boolean;
  reviewDueOn: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  howToJoin: string;
  registrationUrl: string;
  requiresReferral: boolean;
  minimumParticipants: string;
}

export function emptyOffer(municipalityNumber: string | null): OfferFormValues {
  return {
    unitId: "",
    title: "",
    summary: "",
    description: "",
    textLanguage: "nb",
    kind: "GROUP_COURSE",
    diagnosisScope: "DIAGNOSIS_INDEPENDENT",
    diagnosisCodes: "",
    diagnosisGroups: [],
    topics: [],
    audiences: [],
    priorityGroups: [],
    format: "PHYSICAL",
    location: "",
    onlineUrl: "",
    languages: ["nb"],
    accessibility: [],
    // A municipality's offers usually serve the municipality itself.
    municipalityNumbers: municipalityNumber ? [municipalityNumber] : [],
    userRepPlanning: false,
    userRepDelivery: false,
    userRepEvaluation: false,
    a0099Eligible: false,
    interdisciplinary: false,
    reviewDueOn: "",
    contactName: "",
    contactEmail: "",
    contactPhone: "",
    howToJoin: "",
    registrationUrl: "",
    requiresReferral: false,
    minimumParticipants: "",
  };
}

export function valuesFromOffer(offer: OfferDetails): OfferFormValues {
  return {
    unitId: offer.unit?.id ?? "",
    title: offer.title,
    summary: offer.summary,
    description: offer.description,
    textLanguage: offer.textLanguage,
    kind: offer.kind,
    diagnosisScope: offer.diagnosisScope,
    diagnosisCodes: offer.diagnosisCodes.join(", "),
    diagnosisGroups: offer.diagnosisGroups,
    topics: offer.topics,
    audiences: offer.audiences,
    priorityGroups: offer.priorityGroups,
    format: offer.format,
    location: offer.location ?? "",
    onlineUrl: offer.onlineUrl ?? "",
    languages: offer.languages,
    accessibility: offer.accessibility,
    municipalityNumbers: offer.municipalities.map((m) => m.number),
    userRepPlanning: offer.userRepPlanning,
    userRepDelivery: offer.userRepDelivery,
    userRepEvaluation: offer.userRepEvaluation,
    a0099Eligible: offer.a0099Eligible,
    interdisciplinary: offer.interdisciplinary,
    reviewDueOn: offer.reviewDueOn ?? "",
    contactName: offer.contactName ?? "",
    contactEmail: offer.contactEmail ?? "",
    contactPhone: offer.contactPhone ?? "",
    howToJoin: offer.howToJoin ?? "",
    registrationUrl: offer.registrationUrl ?? "",
    requiresReferral: offer.requiresReferral,
    minimumParticipants: offer.minimumParticipants?.toString() ?? "",
  };
}

/** The gateway input: empty optional text is null (clears it), codes split on commas. */
export function toOfferInput(values: OfferFormValues) {
  const optional = (v: string) => (v.trim() === "" ? null : v.trim());
  return {
    ...values,
    unitId: optional(values.unitId),
    description: values.description,
    diagnosisCodes: values.diagnosisCodes
      .split(/[\s,;]+/)
      .map((c) => c.trim())
      .filter(Boolean),
    location: optional(values.location),
    onlineUrl: optional(values.onlineUrl),
    reviewDueOn: optional(values.reviewDueOn),
    contactName: optional(values.contactName),
    contactEmail: optional(values.contactEmail),
    contactPhone: optional(values.contactPhone),
    howToJoin: optional(values.howToJoin),
    registrationUrl: optional(values.registrationUrl),
    minimumParticipants: values.minimumParticipants.trim() === "" ? null : Number(values.minimumParticipants),
  };
}

export const CreateOfferMutation = graphql(
  `
  mutation CreateOffer($input: CreateOfferInput!) {
    createOffer(input: $input) {
      __typename
      ... on MutationCreateOfferSuccess { data { ...OfferDetails } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [OfferDetailsFragment, MutationErrorFields],
);

export const UpdateOfferMutation = graphql(
  `
  mutation UpdateOffer($input: UpdateOfferInput!) {
    updateOffer(input: $input) {
      __typename
      ... on MutationUpdateOfferSuccess { data { ...OfferDetails } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [OfferDetailsFragment, MutationErrorFields],
);

export const ChangeOfferStatusMutation = graphql(
  `
  mutation ChangeOfferStatus($id: ID!, $version: Int!, $status: OfferStatus!) {
    changeOfferStatus(id: $id, version: $version, status: $status) {
      __typename
      ... on MutationChangeOfferStatusSuccess { data { ...OfferDetails } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [OfferDetailsFragment, MutationErrorFields],
);
