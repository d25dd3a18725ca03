import { expireSeatOffers, unitOf } from "@samspill/commands";
import { queueNames } from "@samspill/events";
import { z } from "zod";
import { defineJob } from "./types.js";

// Every minute: seats offered from the waiting list and not accepted by their deadline lapse.
// Each lapse is a `signup.changed` event, on which the waiting-list job offers the seat to the
// next in line. Re-running finds nothing more to expire.

export const signUpOfferExpiryJob = defineJob({
  queue: queueNames.maintenance,
  name: "signup.offer_expiry",
  schema: z.object({ at: z.iso.datetime({ offset: true }).optional() }).strict(),
  schedule: { every: 60_000 },
  handle: async (data, ctx) => {
    const expired = await expireSeatOffers(unitOf(ctx.db), data.at ? new Date(data.at) : new Date());
    if (expired > 0) ctx.log.info({ expired }, "seat offers expired");
    return { expired };
  },
});
