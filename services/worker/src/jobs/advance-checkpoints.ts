import { advanceCheckpoints, unitOf } from "@samspill/commands";
import { queueNames } from "@samspill/events";
import { z } from "zod";
import { defineJob } from "./types.js";

// Recurring checkpoints (measures' and the plans' own reviews) move to their cadence's next date
// once someone has marked them met. Hourly, so the next date shows soon after, and before the
// morning's reminders. Each move is conditional on the met checkpoint still being there, so a
// retried or doubled run moves nothing twice.

export const advanceCheckpointsJob = defineJob({
  queue: queueNames.maintenance,
  name: "checkpoints.advance",
  schema: z.object({}).strict(),
  schedule: { pattern: "5 * * * *", tz: "Europe/Oslo" },
  handle: async (_data, ctx) => {
    const run = await advanceCheckpoints(unitOf(ctx.db));
    if (run.measures + run.plans > 0) ctx.log.info(run, "checkpoints advanced");
    return run;
  },
});
