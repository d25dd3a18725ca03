import { runOfferImport, unitOf } from "@samspill/commands";
import { eventJobData, queueNames } from "@samspill/events";
import { z } from "zod";
import { defineJob } from "./types.js";

// A confirmed offer import (packages/commands/src/offer-import). The confirmation's event hands
// the import to a queue of its own, one job per import: the job id is the import's, so a
// redelivered event adds nothing, and a large file holds up no other work. The job writes all
// rows in one transaction and reports its progress on the import, which the web page polls.

export const offerImportConfirmed = defineJob({
  queue: queueNames.events,
  name: "offer-import-confirmed",
  handles: ["offer_import.confirmed"],
  schema: eventJobData,
  async handle(event, ctx) {
    const { id } = z.object({ id: z.uuid() }).parse(event.payload);
    await ctx.queues[queueNames.imports].add(
      "offer-import",
      { importId: id },
      { jobId: `offer-import-${id}` },
    );
    return { queued: id };
  },
});

export const offerImport = defineJob({
  queue: queueNames.imports,
  name: "offer-import",
  schema: z.object({ importId: z.uuid() }).strict(),
  async handle({ importId }, ctx) {
    const unit = unitOf(ctx.db, `job:${ctx.job.id}`);
    return runOfferImport(unit, { importId }, (processed) => ctx.job.updateProgress(processed));
  },
});
