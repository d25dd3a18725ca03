import { promoteWaitingList, unitOf } from "@samspill/commands";
import { seatHoldingStatuses } from "@samspill/domain";
import { eventJobData, eventPayloads, queueNames } from "@samspill/events";
import { defineJob } from "./types.js";

// When a seat may have freed (a seat-holder cancelled, declined or let an offer lapse, or the
// session was edited, e.g. its capacity raised), the first in line are offered the free seats.
// promoteWaitingList decides from the rows under the session's lock, so a doubled or retried
// event finds the seats already offered and offers nothing more.

function sessionToPromote(type: string, payload: unknown): string | null {
  if (type === "session.updated") return eventPayloads["session.updated"].parse(payload).id;
  const change = eventPayloads["signup.changed"].parse(payload);
  const freed = seatHoldingStatuses.includes(change.from) && !seatHoldingStatuses.includes(change.to);
  return freed ? change.sessionId : null;
}

export const signUpWaitingListJob = defineJob({
  queue: queueNames.events,
  name: "signup.waiting_list",
  handles: ["signup.changed", "session.updated"],
  schema: eventJobData,
  async handle(event, ctx) {
    const sessionId = sessionToPromote(event.type, event.payload);
    if (!sessionId) return { offered: 0 };
    const offered = await promoteWaitingList(unitOf(ctx.db), sessionId, {
      offerHours: ctx.env.SEAT_OFFER_HOURS,
    });
    if (offered.length > 0) ctx.log.info({ sessionId, offered: offered.length }, "waiting list moved");
    return { offered: offered.length };
  },
});
