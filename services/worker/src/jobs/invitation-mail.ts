import { type InvitationLink, issueInvitationLink, systemActor, unitOf } from "@samspill/commands";
import { eventJobData, eventPayloads, queueNames } from "@samspill/events";
import { type InvitationLocale, type Mailer, newMessageId, renderInvitation } from "@samspill/mail";
import { mailDeps } from "./mail-deps.js";
import { defineJob } from "./types.js";

/**
 * Mails an invitation's one-time link when an admin invites someone (`invitation.created`). The
 * token is drawn here, by the command, and travels only in the mail: the event and the job
 * carry the invitation's id alone. A retried job draws a fresh token, so only the link in the
 * last mail sent works; an invitation revoked or accepted meanwhile is not mailed at all, nor one
 * whose inviter drew and mailed the link itself (the regional-admin CLI: `linkIssued`).
 */
export const invitationMailJob = defineJob({
  queue: queueNames.events,
  name: "invitation.mail",
  handles: ["invitation.created"],
  schema: eventJobData,
  async handle(event, ctx) {
    if (eventPayloads["invitation.created"].parse(event.payload).linkIssued) return { mailed: false };
    const deps = mailDeps(ctx);
    try {
      const link = await issueInvitationLink(unitOf(ctx.db), systemActor("Invitation mail"), {
        id: event.aggregateId,
      });
      if (!link) return { mailed: false };
      await sendInvitationMail(deps.mailer, deps.publicUrl, link);
      deps.log.info({ invitationId: event.aggregateId }, "invitation mailed");
      return { mailed: true };
    } finally {
      deps.mailer.close();
    }
  },
});

/** The invitation mail, in the link's language unless `locale` says otherwise. */
export async function sendInvitationMail(
  mailer: Mailer,
  publicUrl: string,
  link: InvitationLink,
  locale: InvitationLocale = link.locale,
): Promise<void> {
  const mail = await renderInvitation({ ...link, publicUrl, locale });
  await mailer.send({ to: link.email, messageId: newMessageId(mailer.from), ...mail });
}
