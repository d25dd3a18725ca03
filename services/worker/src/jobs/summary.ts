import { queueNames } from "@samspill/events";
import { buildHalfYearly, halfYearOf, renderHalfYearly } from "@samspill/mail";
import { type MailDeps, mailSubscribers, type SubscriberRun, scheduledMailJob } from "./mail-deps.js";

/** The half-yearly summary of offers (2.4.4 c) to every active HALF_YEARLY_SUMMARY subscriber, once per half-year. */
export function sendHalfYearlySummaries(deps: MailDeps, at: Date): Promise<SubscriberRun> {
  const half = halfYearOf(at);
  return mailSubscribers(deps, "HALF_YEARLY_SUMMARY", half.key, async (s, unsubscribeUrl, language) => {
    const content = await buildHalfYearly(deps.db, { recipientName: s.person.name, filter: s, half });
    return renderHalfYearly({ content, publicUrl: deps.publicUrl, unsubscribeUrl, language });
  });
}

// 1 January and 1 July, 07:00 in Oslo.
export const halfYearlySummaryJob = scheduledMailJob({
  queue: queueNames.summaries,
  name: "summary.half-yearly",
  pattern: "0 7 1 1,7 *",
  run: sendHalfYearlySummaries,
});
