import {
  accessibilityFeatures,
  audiences,
  diagnosisGroups,
  diagnosisScopes,
  offerFormats,
  offerKinds,
  offerStatuses,
  priorityGroups,
  topics,
} from "@samspill/domain";
import { builder } from "../builder.js";

export const OfferKindEnum = builder.enumType("OfferKind", { values: offerKinds });
export const DiagnosisScopeEnum = builder.enumType("DiagnosisScope", { values: diagnosisScopes });
export const DiagnosisGroupEnum = builder.enumType("DiagnosisGroup", { values: diagnosisGroups });
export const TopicEnum = builder.enumType("Topic", { values: topics });
export const AudienceEnum = builder.enumType("Audience", { values: audiences });
export const PriorityGroupEnum = builder.enumType("PriorityGroup", { values: priorityGroups });
export const OfferFormatEnum = builder.enumType("OfferFormat", { values: offerFormats });
export const AccessibilityFeatureEnum = builder.enumType("AccessibilityFeature", {
  values: accessibilityFeatures,
});
export const OfferStatusEnum = builder.enumType("OfferStatus", { values: offerStatuses });
