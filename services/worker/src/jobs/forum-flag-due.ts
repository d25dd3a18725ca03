import { queueNames } from "@samspill/events";
import { dueForumFlags } from "@samspill/mail";
import { type FlagMailRun, mailFlagOwners } from "./forum-flag-sending.js";
import { type MailDeps, scheduledMailJob } from "./mail-deps.js";

/** Open forum flags due within two weeks (or overdue): their owners are reminded once per due date. */
export async function sendForumFlagReminders(deps: MailDeps, at: Date): Promise<FlagMailRun> {
  const run = await mailFlagOwners(deps, await dueForumFlags(deps.db, at), "due");
  deps.log.info(run, "forum flag reminders done");
  return run;
}

// Every morning at 06:40 in Oslo, beside the other reminders.
export const forumFlagDueJob = scheduledMailJob({
  queue: queueNames.reminders,
  name: "forum_flags.due",
  pattern: "40 6 * * *",
  run: sendForumFlagReminders,
});
