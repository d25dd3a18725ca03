import { anonymiseExpiredSignUps, deleteCapturedPersonMails, unitOf } from "@samspill/commands";
import { queueNames } from "@samspill/events";
import { z } from "zod";
import { defineJob } from "./types.js";

// Nightly: sign-ups whose session ended more than SIGN_UP_RETENTION_MONTHS ago (or the shorter
// time the person consented to) lose their name, contact and needs. Counts stay. Idempotent:
// a second run finds nothing left to clear. Mails to participants that the demo mail sink
// captured (names, private links) go after the same months.

export const signUpRetentionJob = defineJob({
  queue: queueNames.maintenance,
  name: "signup.retention",
  schema: z.object({ at: z.iso.datetime({ offset: true }).optional() }).strict(),
  schedule: { pattern: "40 3 * * *", tz: "Europe/Oslo" },
  handle: async (data, ctx) => {
    const at = data.at ? new Date(data.at) : new Date();
    const months = ctx.env.SIGN_UP_RETENTION_MONTHS;
    const anonymised = await anonymiseExpiredSignUps(unitOf(ctx.db), at, months);
    const capturedMailsDeleted = await deleteCapturedPersonMails(unitOf(ctx.db), at, months);
    ctx.log.info({ anonymised, capturedMailsDeleted }, "sign-up retention done");
    return { anonymised, capturedMailsDeleted };
  },
});
