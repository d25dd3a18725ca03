import { anonymiseExpiredSignUps, unitOf } from "@samspill/commands";
import { queueNames } from "@samspill/events";
import { z } from "zod";
import { defineJob } from "./types.js";

// Nightly: sign-ups whose session ended more than SIGN_UP_RETENTION_MONTHS ago (or the shorter
// time the person consented to) lose their name, contact and needs. Counts stay. Idempotent:
// a second run finds nothing left to clear.

export const signUpRetentionJob = defineJob({
  queue: queueNames.maintenance,
  name: "signup.retention",
  schema: z.object({ at: z.iso.datetime({ offset: true }).optional() }).strict(),
  schedule: { pattern: "40 3 * * *", tz: "Europe/Oslo" },
  handle: async (data, ctx) => {
    const at = data.at ? new Date(data.at) : new Date();
    const anonymised = await anonymiseExpiredSignUps(unitOf(ctx.db), at, ctx.env.SIGN_UP_RETENTION_MONTHS);
    ctx.log.info({ anonymised }, "sign-up retention done");
    return { anonymised };
  },
});
