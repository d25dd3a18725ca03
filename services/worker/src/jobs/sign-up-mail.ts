import type { SignUpStatus } from "@samspill/domain";
import { eventJobData, eventPayloads, queueNames } from "@samspill/events";
import type { SignUpMailKind } from "@samspill/mail";
import { mailDeps } from "./mail-deps.js";
import { mailSignUpPerson } from "./sign-up-person-mail.js";
import { defineJob } from "./types.js";

// The mail a sign-up event calls for, to that person alone: in line, request received, seat
// offered, request declined, offer lapsed. Confirmations and reminders (with the calendar file)
// are sent by their own job. Keyed by the event id, so a redelivered event mails nobody twice.

function kindFor(type: string, payload: unknown): SignUpMailKind | null {
  if (type === "signup.created") {
    const { status } = eventPayloads["signup.created"].parse(payload);
    return (
      ({ WAITING: "waiting", REQUESTED: "requested" } as Partial<Record<SignUpStatus, SignUpMailKind>>)[
        status
      ] ?? null
    );
  }
  const { from, to } = eventPayloads["signup.changed"].parse(payload);
  if (to === "OFFERED") return "offered";
  if (to === "EXPIRED") return "expired";
  if (to === "DECLINED" && from === "REQUESTED") return "declined";
  if (to === "WAITING" && from === "REQUESTED") return "waiting";
  return null;
}

export const signUpMailJob = defineJob({
  queue: queueNames.events,
  name: "signup.mail",
  handles: ["signup.created", "signup.changed"],
  schema: eventJobData,
  async handle(event, ctx) {
    const kind = kindFor(event.type, event.payload);
    if (!kind) return { mailed: false };
    const deps = mailDeps(ctx);
    try {
      return { mailed: await mailSignUpPerson(deps, event.aggregateId, kind, `${kind}:${event.id}`) };
    } finally {
      deps.mailer.close();
    }
  },
});
