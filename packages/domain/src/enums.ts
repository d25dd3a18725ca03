// The domain's closed vocabularies. The database enums mirror these; a test keeps them equal,
// so the domain package stays free of any dependency on the database.

export const organisationKinds = [
  "REGIONAL_HEALTH_AUTHORITY",
  "HOSPITAL_TRUST",
  "MUNICIPALITY",
  "USER_ORGANISATION",
  "UNIVERSITY",
  "HEALTH_COMMUNITY",
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const unitKinds = [
  "LEARNING_AND_MASTERY_CENTRE",
  "CLINIC",
  "HEALTHY_LIVING_CENTRE",
  "MUNICIPAL_LEARNING_AND_MASTERY",
  "DEPARTMENT",
  "USER_COUNCIL",
  "OTHER",
] as const;
export type UnitKind = (typeof unitKinds)[number];

export const roles = ["ADMIN", "EDITOR", "REPORTER", "FORUM_MEMBER", "VIEWER"] as const;
export type Role = (typeof roles)[number];

export const offerKinds = [
  "GROUP_COURSE",
  "INDIVIDUAL_TRAINING",
  "PEER_ACTIVITY",
  "FAMILY_OFFER",
  "DIGITAL_RESOURCE",
  "LECTURE",
] as const;
export type OfferKind = (typeof offerKinds)[number];

export const diagnosisScopes = ["DIAGNOSIS_SPECIFIC", "DIAGNOSIS_INDEPENDENT"] as const;
export type DiagnosisScope = (typeof diagnosisScopes)[number];

export const diagnosisGroups = [
  "DIABETES",
  "HEART_DISEASE",
  "COPD",
  "ASTHMA",
  "IBD",
  "STROKE",
  "CANCER",
  "MENTAL_ILLNESS",
  "SUBSTANCE_USE",
  "RHEUMATIC_DISEASE",
  "CHRONIC_PAIN",
  "NEUROLOGICAL",
  "OBESITY",
  "KIDNEY_DISEASE",
  "DEMENTIA",
  "OTHER",
] as const;
export type DiagnosisGroup = (typeof diagnosisGroups)[number];

export const topics = [
  "COPING_DEPRESSION",
  "COPING_ANXIETY",
  "HEALTHY_FOOD",
  "PHYSICAL_ACTIVITY",
  "QUIT_TOBACCO",
  "SLEEP",
  "STRESS",
  "LIVING_WITH_CHRONIC_ILLNESS",
  "CARER_SUPPORT",
  "PARENTING",
  "OTHER",
] as const;
export type Topic = (typeof topics)[number];

export const audiences = ["PATIENTS", "CARERS", "CHILDREN_AND_YOUTH", "PARENTS"] as const;
export type Audience = (typeof audiences)[number];

/** The four priority groups of the regional plan, section 2.1.1. */
export const priorityGroups = [
  "CHILDREN_AND_YOUTH",
  "SEVERE_MENTAL_ILLNESS_AND_SUBSTANCE_USE",
  "FRAIL_ELDERLY",
  "MULTIPLE_CHRONIC_CONDITIONS",
] as const;
export type PriorityGroup = (typeof priorityGroups)[number];

export const offerFormats = ["PHYSICAL", "DIGITAL", "HYBRID"] as const;
export type OfferFormat = (typeof offerFormats)[number];

export const accessibilityFeatures = [
  "HEARING_LOOP",
  "CAPTIONS",
  "SIGN_LANGUAGE",
  "VISUAL_AIDS",
  "DYSLEXIA_FRIENDLY",
  "EASY_READ",
  "STEP_FREE_ACCESS",
  "INTERPRETER",
] as const;
export type AccessibilityFeature = (typeof accessibilityFeatures)[number];

export const offerStatuses = ["DRAFT", "PUBLISHED", "PAUSED", "ARCHIVED"] as const;
export type OfferStatus = (typeof offerStatuses)[number];

export const agreementStatuses = ["DRAFT", "ACTIVE", "EXPIRED", "TERMINATED"] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

export const partyRoles = [
  "HOSPITAL_TRUST",
  "MUNICIPALITY",
  "USER_ORGANISATION",
  "UNIVERSITY",
  "OTHER",
] as const;
export type PartyRole = (typeof partyRoles)[number];

export const meetingKinds = [
  "PROFESSIONAL_NETWORK",
  "LOCAL_COOPERATION_COMMITTEE",
  "ANNUAL_COOPERATION_MEETING",
  "HEALTHY_LIVING_CENTRE_MEETING",
  "USER_COUNCIL_NETWORK",
  "CLINIC_COUNCIL",
  "HEALTH_COMMUNITY_FORUM",
  "OTHER",
] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const followUpStatuses = ["OPEN", "DONE", "CANCELLED"] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

export const cadences = [
  "ONCE",
  "ANNUAL",
  "EVERY_N_YEARS",
  "CONTINUOUS",
  "OTHER",
  "HALF_YEARLY",
  "QUARTERLY",
  "AFTER_EACH_COURSE",
] as const;
export type Cadence = (typeof cadences)[number];

export const measureStatuses = ["NOT_STARTED", "IN_PROGRESS", "DONE", "ONGOING", "REMOVED"] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

export const actorKinds = ["PERSON", "API_TOKEN", "SYSTEM"] as const;
export type ActorKind = (typeof actorKinds)[number];

export const subscriptionKinds = [
  "WEEKLY_DIGEST",
  "HALF_YEARLY_SUMMARY",
  "ANNUAL_REPORT",
  "REMINDERS",
] as const;
export type SubscriptionKind = (typeof subscriptionKinds)[number];

export const deliveryStatuses = ["PENDING", "DELIVERED", "FAILED"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** Written standards of the UI and the mails: bokmål (the default), nynorsk and English. */
export const writtenLanguages = ["nb", "nn", "en"] as const;
export type WrittenLanguage = (typeof writtenLanguages)[number];
export const defaultWrittenLanguage: WrittenLanguage = "nb";
