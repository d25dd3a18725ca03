import { activeSignUpStatuses } from "@samspill/domain";
import { eventJobData, eventPayloads, queueNames } from "@samspill/events";
import { forEachRecipient, mailDeps } from "./mail-deps.js";
import { mailSignUpPerson } from "./sign-up-person-mail.js";
import { defineJob } from "./types.js";

// A cancelled session (by its provider, or by the minimum-participants check) is told to
// everyone signed up, offered a seat, in line or waiting for a request: one mail each, with
// only their own sign-up in it, claimed per sign-up so a retry mails nobody twice.

export const signUpSessionCancelledJob = defineJob({
  queue: queueNames.events,
  name: "signup.session_cancelled",
  handles: ["session.cancelled"],
  schema: eventJobData,
  async handle(event, ctx) {
    const { id, reason } = eventPayloads["session.cancelled"].parse(event.payload);
    const people = await ctx.db.sessionSignUp.findMany({
      where: { sessionId: id, status: { in: [...activeSignUpStatuses] }, anonymisedAt: null },
      orderBy: { sequence: "asc" },
      select: { id: true },
    });
    const deps = mailDeps(ctx);
    let mailed = 0;
    try {
      await forEachRecipient(
        deps.log,
        people,
        (p) => `sign-up ${p.id}`,
        async (p) => {
          if (
            await mailSignUpPerson(deps, p.id, "cancelled", `cancelled:${id}`, {
              tooFew: reason !== undefined,
            })
          )
            mailed += 1;
        },
      );
    } finally {
      deps.mailer.close();
    }
    return { people: people.length, mailed };
  },
});
