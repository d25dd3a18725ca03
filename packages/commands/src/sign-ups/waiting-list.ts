import { freeSeats } from "@samspill/domain";
import { systemActor } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import { lockSession } from "./seats.js";
import { changeStatus } from "./transitions.js";

// The waiting list, run by the worker on events. Both functions decide from the rows as they
// stand under the session's lock, never from the event that woke them, so the same event twice
// (or two events at once) cannot offer one seat to two people: the second run finds it taken.

const waitingList = systemActor("Venteliste");

export interface OfferPolicy {
  /** How long an offered seat is held for the person to accept. */
  offerHours: number;
}

/** Offers every free seat to the first in line, in arrival order; returns the sign-ups offered. */
export async function promoteWaitingList(
  unit: Unit,
  sessionId: string,
  policy: OfferPolicy,
): Promise<string[]> {
  return transact(unit, waitingList, async (work) => {
    const session = await lockSession(work.tx, sessionId);
    const now = new Date();
    if (session.cancelled || session.startsAt <= now) return [];
    const free = freeSeats(session);
    if (free === 0) return [];
    const next = await work.tx.sessionSignUp.findMany({
      where: { sessionId, status: "WAITING" },
      orderBy: { sequence: "asc" },
      take: free ?? undefined,
      select: { id: true, status: true },
    });
    const until = new Date(
      Math.min(now.getTime() + policy.offerHours * 3_600_000, session.startsAt.getTime()),
    );
    for (const signUp of next)
      await changeStatus(work, session, signUp, "OFFERED", "signup.offer_seat", { offeredUntil: until });
    return next.map((s) => s.id);
  });
}

/**
 * Seat offers not answered by their deadline lapse (EXPIRED); each frees its seat, and the
 * `signup.changed` event sends the worker to offer it to the next in line.
 */
export async function expireSeatOffers(unit: Unit, now: Date = new Date()): Promise<number> {
  const due = await unit.db.sessionSignUp.findMany({
    where: { status: "OFFERED", offeredUntil: { lte: now } },
    select: { sessionId: true },
    distinct: ["sessionId"],
    take: 500,
  });
  let expired = 0;
  for (const { sessionId } of due) {
    expired += await transact(unit, waitingList, async (work) => {
      const session = await lockSession(work.tx, sessionId);
      const lapsed = await work.tx.sessionSignUp.findMany({
        where: { sessionId, status: "OFFERED", offeredUntil: { lte: now } },
        orderBy: { sequence: "asc" },
        select: { id: true, status: true },
      });
      for (const signUp of lapsed)
        await changeStatus(work, session, signUp, "EXPIRED", "signup.offer_expired");
      return lapsed.length;
    });
  }
  return expired;
}
