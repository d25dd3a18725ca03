import { issueInvitationLink, systemActor, unitOf } from "@samspill/commands";
import { eventJobData, queueNames } from "@samspill/events";
import { newMessageId, renderInvitation } from "@samspill/mail";
import { mailDeps } from "./mail-deps.js";
import { defineJob } from "./types.js";

/**
 * Mails an invitation's one-time link when an admin invites someone (`invitation.created`). The
 * token is drawn here, by the command, and travels only in the mail: the event and the job
 * carry the invitation's id alone. A retried job draws a fresh token, so only the link in the
 * last mail sent works; an invitation revoked or accepted meanwhile is not mailed at all.
 */
export const invitationMailJob = defineJob({
  queue: queueNames.events,
  name: "invitation.mail",
  handles: ["invitation.created"],
  schema: eventJobData,
  async handle(event, ctx) {
    const deps = mailDeps(ctx);
    try {
      const link = await issueInvitationLink(unitOf(ctx.db), systemActor("Invitation mail"), {
        id: event.aggregateId,
      });
      if (!link) return { mailed: false };
      const mail = await renderInvitation({ ...link, publicUrl: deps.publicUrl });
      await deps.mailer.send({ to: link.email, messageId: newMessageId(deps.mailer.from), ...mail });
      deps.log.info({ invitationId: event.aggregateId }, "invitation mailed");
      return { mailed: true };
    } finally {
      deps.mailer.close();
    }
  },
});
