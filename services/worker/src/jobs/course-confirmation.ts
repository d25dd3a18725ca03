import { eventJobData, eventPayloads, queueNames } from "@samspill/events";
import { mailCoursePerson } from "./course-person-mail.js";
import { mailDeps } from "./mail-deps.js";
import { defineJob } from "./types.js";

// The confirmation with the calendar file when a person gets a seat: signed up straight onto a
// free seat, accepted a seat offered from the waiting list, or had a request accepted. Keyed by
// the event, so a redelivered event mails nobody twice.

function confirmed(type: string, payload: unknown): boolean {
  if (type === "signup.created") return eventPayloads["signup.created"].parse(payload).status === "CONFIRMED";
  return eventPayloads["signup.changed"].parse(payload).to === "CONFIRMED";
}

export const courseConfirmationJob = defineJob({
  queue: queueNames.events,
  name: "course.confirmation_mail",
  handles: ["signup.created", "signup.changed"],
  schema: eventJobData,
  async handle(event, ctx) {
    if (!confirmed(event.type, event.payload)) return { mailed: false };
    const deps = mailDeps(ctx);
    try {
      return {
        mailed: await mailCoursePerson(deps, event.aggregateId, "confirmed", `confirmed:${event.id}`),
      };
    } finally {
      deps.mailer.close();
    }
  },
});
