import { checkMinimumParticipants, unitOf } from "@samspill/commands";
import { queueNames } from "@samspill/events";
import { z } from "zod";
import { defineJob } from "./types.js";

// Every ten minutes: sessions with a minimum that start within MINIMUM_CHECK_HOURS are decided
// once (go ahead or cancel). The events it records send the mails (sign-up-session-*.ts).

export const signUpMinimumCheckJob = defineJob({
  queue: queueNames.maintenance,
  name: "signup.minimum_check",
  schema: z.object({ at: z.iso.datetime({ offset: true }).optional() }).strict(),
  schedule: { every: 10 * 60_000 },
  handle: async (data, ctx) => {
    const now = data.at ? new Date(data.at) : new Date();
    const decided = await checkMinimumParticipants(unitOf(ctx.db), now, ctx.env.MINIMUM_CHECK_HOURS);
    const cancelled = decided.filter((d) => !d.goesAhead).length;
    if (decided.length > 0)
      ctx.log.info({ decided: decided.length, cancelled }, "minimum participants checked");
    return { decided: decided.length, cancelled };
  },
});
