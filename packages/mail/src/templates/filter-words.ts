import type { SubscriberFilter } from "../filters.js";
import type { MailTexts } from "../texts/index.js";

/**
 * A subscriber's filter in the recipient's language. describeFilter (filters.ts) names places
 * (hospital trusts, municipalities: proper names, the same in every language) and then the
 * priority and diagnosis groups in bokmål, one name per group; those are named again here.
 */
export function filterInWords(names: readonly string[], filter: SubscriberFilter, tx: MailTexts): string[] {
  const groups = filter.priorityGroups.length + filter.diagnosisGroups.length;
  return [
    ...names.slice(0, Math.max(0, names.length - groups)),
    ...filter.priorityGroups.map((g) => tx.labels.priorityGroup[g]),
    ...filter.diagnosisGroups.map((g) => tx.labels.diagnosisGroup[g]),
  ];
}
