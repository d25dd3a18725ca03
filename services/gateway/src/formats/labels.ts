// The vocabularies' bokmål labels live in the domain package (the worker's mails use them too).
export {
  accessibilityLabels,
  audienceLabels,
  diagnosisGroupLabels,
  diagnosisScopeLabels,
  labelsOf,
  languageName,
  meetingKindLabels,
  offerFormatLabels,
  offerKindLabels,
  offerStatusLabels,
  organisationKindLabels,
  physicalAccessibility,
  priorityGroupLabels,
  topicLabels,
} from "@samspill/domain";

/**
 * The code a standard expects for a stored language code. All stored codes are ISO 639-1 or
 * 639-3 and so also valid BCP 47 tags, except the hub's `sgn-no`: that is a deprecated
 * (grandfathered) BCP 47 tag whose preferred value is the ISO 639-3 code `nsi`.
 */
export function standardLanguageCode(code: string): string {
  return code.toLowerCase() === "sgn-no" ? "nsi" : code;
}
