import { effectiveMinimum } from "@samspill/domain";
import { systemActor } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import { lockSession } from "./seats.js";

// Minimum participants: a set time before the start, each session with a minimum is decided
// once (minimumCheckedAt): it goes ahead, or it is cancelled. The events carry the decision and
// the count; the worker mails the provider and, on cancellation, everyone signed up or waiting.

const minimumCheck = systemActor("Minimumskontroll");

export interface MinimumCheck {
  sessionId: string;
  goesAhead: boolean;
  participants: number;
}

/** Decides every session starting within `leadHours` of `now` that has a minimum and no decision yet. */
export async function checkMinimumParticipants(
  unit: Unit,
  now: Date,
  leadHours: number,
): Promise<MinimumCheck[]> {
  const horizon = new Date(now.getTime() + leadHours * 3_600_000);
  const due = await unit.db.offerSession.findMany({
    where: {
      cancelled: false,
      minimumCheckedAt: null,
      startsAt: { gt: now, lte: horizon },
      OR: [{ minimumParticipants: { not: null } }, { offer: { minimumParticipants: { not: null } } }],
    },
    select: { id: true },
    take: 500,
  });
  const decided: MinimumCheck[] = [];
  for (const { id } of due) {
    const result = await transact(unit, minimumCheck, async ({ tx, record }) => {
      const session = await lockSession(tx, id);
      const minimum = effectiveMinimum(session, { minimumParticipants: session.offerMinimum });
      if (session.minimumCheckedAt || session.cancelled || minimum === null) return null;
      const participants = await tx.sessionSignUp.count({ where: { sessionId: id, status: "CONFIRMED" } });
      const goesAhead = participants >= minimum;
      const row = await tx.offerSession.update({
        where: { id },
        data: { minimumCheckedAt: now, ...(goesAhead ? {} : { cancelled: true, version: { increment: 1 } }) },
        select: { version: true },
      });
      await record({
        action: "session.minimum_check",
        entityType: "OfferSession",
        entityId: id,
        organisationId: session.providerId,
        changes: { minimum, participants, goesAhead },
        event: {
          type: "session.minimum_checked",
          payload: { id, offerId: session.offerId, goesAhead, participants },
        },
      });
      if (!goesAhead)
        await record({
          action: "session.cancel",
          entityType: "OfferSession",
          entityId: id,
          organisationId: session.providerId,
          changes: { cancelled: { from: false, to: true }, reason: "too_few_participants" },
          event: {
            type: "session.cancelled",
            payload: { id, version: row.version, offerId: session.offerId, reason: "too_few_participants" },
          },
        });
      return { sessionId: id, goesAhead, participants };
    });
    if (result) decided.push(result);
  }
  return decided;
}
