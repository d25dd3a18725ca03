import { builder } from "../builder.js";
import { WrittenLanguageEnum } from "./language.js";
import {
  AccessibilityFeatureEnum,
  AudienceEnum,
  DiagnosisGroupEnum,
  DiagnosisScopeEnum,
  OfferFormatEnum,
  OfferKindEnum,
  PriorityGroupEnum,
  TopicEnum,
} from "./offer-enums.js";

// The offer mutations' input types. The command validates them with the domain's zod schema;
// these only give GraphQL clients the shape.

function defineOfferFields<Req extends boolean>(required: Req) {
  return (t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0]) => ({
    unitId: t.id(),
    title: t.string({ required }),
    summary: t.string({ required }),
    description: t.string(),
    textLanguage: t.field({
      type: WrittenLanguageEnum,
      description: "The language title, summary and description are written in; default nb.",
    }),
    kind: t.field({ type: OfferKindEnum, required }),
    diagnosisScope: t.field({ type: DiagnosisScopeEnum, required }),
    diagnosisCodes: t.stringList(),
    diagnosisGroups: t.field({ type: [DiagnosisGroupEnum] }),
    topics: t.field({ type: [TopicEnum] }),
    audiences: t.field({ type: [AudienceEnum] }),
    priorityGroups: t.field({ type: [PriorityGroupEnum] }),
    format: t.field({ type: OfferFormatEnum, required }),
    location: t.string(),
    onlineUrl: t.string(),
    languages: t.stringList({ description: "ISO 639 codes, e.g. nb, nn, sma, en, ar." }),
    accessibility: t.field({ type: [AccessibilityFeatureEnum] }),
    municipalityNumbers: t.stringList(),
    userRepPlanning: t.boolean(),
    userRepDelivery: t.boolean(),
    userRepEvaluation: t.boolean(),
    a0099Eligible: t.boolean(),
    interdisciplinary: t.boolean(),
    reviewDueOn: t.string({ description: "YYYY-MM-DD; default five years after publishing." }),
    contactName: t.string(),
    contactEmail: t.string(),
    contactPhone: t.string(),
    howToJoin: t.string(),
    registrationUrl: t.string(),
    requiresReferral: t.boolean({ description: "Sign-ups arrive as requests you accept or decline." }),
    minimumParticipants: t.int({ description: "Fewest participants for a session to go ahead." }),
  });
}

export const CreateOfferInputRef = builder.inputType("CreateOfferInput", {
  fields: (t) => ({ providerId: t.id({ required: true }), ...defineOfferFields(true)(t) }),
});

export const UpdateOfferInputRef = builder.inputType("UpdateOfferInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true, description: "The version you edited; a stale one is refused." }),
    ...defineOfferFields(false)(t),
  }),
});
