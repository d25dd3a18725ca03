import { queueNames } from "@samspill/events";
import {
  dueReminders,
  type Reminder,
  recipientLanguages,
  reminderRecipients,
  renderReminders,
  sendOnce,
} from "@samspill/mail";
import { forEachRecipient, type MailDeps, scheduledMailJob, unsubscribeFor } from "./mail-deps.js";

export interface RemindersRun {
  due: number;
  mails: number;
  /** Reminders mailed now, counted once per recipient. */
  sent: number;
}

/**
 * Daily: one mail per ADMIN/EDITOR of a responsible organisation with the reminders they have
 * not had yet. Each (recipient, subject and date) is claimed in SentSummary (kind REMINDERS),
 * so a reminder goes to each person once, whatever runs twice.
 */
export async function sendReminders(deps: MailDeps, at: Date): Promise<RemindersRun> {
  const reminders = await dueReminders(deps.db, at);
  const recipients = await reminderRecipients(deps.db, reminders);
  const run: RemindersRun = { due: reminders.length, mails: 0, sent: 0 };
  // Each in the recipient's written language (their own, else their organisation's).
  const languages = await recipientLanguages(
    deps.db,
    recipients.map((r) => r.personId),
  );
  await forEachRecipient(
    deps.log,
    recipients,
    (r) => `person ${r.personId}`,
    async (r) => {
      const unsubscribe = unsubscribeFor(deps, r.personId, "REMINDERS");
      const sent = await sendOnce<Reminder>(deps.db, deps.mailer, {
        kind: "REMINDERS",
        recipient: r.email,
        items: r.reminders,
        compose: async (claimed) => ({
          ...(await renderReminders({
            recipientName: r.name,
            reminders: claimed,
            publicUrl: deps.publicUrl,
            now: at,
            unsubscribeUrl: unsubscribe.page,
            language: languages.get(r.personId) ?? "nb",
          })),
          headers: unsubscribe.headers,
        }),
      });
      if (sent.length > 0) run.mails += 1;
      run.sent += sent.length;
    },
  );
  deps.log.info(run, "reminders done");
  return run;
}

// Every morning at 06:30 in Oslo.
export const remindersJob = scheduledMailJob({
  queue: queueNames.reminders,
  name: "reminders.daily",
  pattern: "30 6 * * *",
  run: sendReminders,
});
