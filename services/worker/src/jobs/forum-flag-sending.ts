import {
  type FlagMailItem,
  type FlagOccasion,
  flagPeriodKey,
  flagRecipients,
  recipientLanguages,
  renderForumFlagMail,
  sendOnce,
} from "@samspill/mail";
import { forEachRecipient, type MailDeps, unsubscribeFor } from "./mail-deps.js";

export interface FlagMailRun {
  flags: number;
  /** Mails sent now; a person already told about a flag on this occasion is not told again. */
  sent: number;
}

/**
 * One mail per flag to each admin and editor of its owner, claimed per (recipient, flag,
 * occasion) in SentSummary (kind REMINDERS), so a rerun or a retried job mails nobody twice.
 */
export async function mailFlagOwners(
  deps: MailDeps,
  flags: readonly FlagMailItem[],
  occasion: FlagOccasion,
): Promise<FlagMailRun> {
  const byOrg = await flagRecipients(
    deps.db,
    flags.map((f) => f.ownerId),
  );
  const sends = flags.flatMap((flag) =>
    (byOrg.get(flag.ownerId) ?? []).map((recipient) => ({ flag, recipient })),
  );
  const languages = await recipientLanguages(
    deps.db,
    sends.map((s) => s.recipient.personId),
  );
  const run: FlagMailRun = { flags: flags.length, sent: 0 };
  await forEachRecipient(
    deps.log,
    sends,
    (s) => `person ${s.recipient.personId} flag ${s.flag.id}`,
    async ({ flag, recipient }) => {
      const unsubscribe = unsubscribeFor(deps, recipient.personId, "REMINDERS");
      const sent = await sendOnce(deps.db, deps.mailer, {
        kind: "REMINDERS",
        recipient: recipient.email,
        items: [
          { periodKey: flagPeriodKey(flag, occasion), subject: `Forumflagg (${occasion}): ${flag.id}` },
        ],
        compose: async () => ({
          ...(await renderForumFlagMail({
            occasion,
            flag,
            recipientName: recipient.name,
            publicUrl: deps.publicUrl,
            unsubscribeUrl: unsubscribe.page,
            language: languages.get(recipient.personId) ?? "nb",
          })),
          headers: unsubscribe.headers,
        }),
      });
      run.sent += sent.length;
    },
  );
  return run;
}
