import { NotFoundError } from "@samspill/domain";
import type { Tx } from "../unit-of-work.js";

// Seat accounting. Every command that changes who holds a seat first takes the session row's
// lock (SELECT ... FOR UPDATE) inside its transaction, so concurrent sign-ups, cancellations
// and promotions for one session run one after another against the current counts; the CHECK
// "OfferSession_seats_within_capacity" backs this up in the database itself.

export interface LockedSession {
  id: string;
  offerId: string;
  providerId: string;
  offerStatus: string;
  requiresReferral: boolean;
  capacity: number | null;
  seatsTaken: number;
  signUpSequence: number;
  cancelled: boolean;
  startsAt: Date;
  endsAt: Date;
  signUpDeadline: Date | null;
  minimumParticipants: number | null;
  offerMinimum: number | null;
  minimumCheckedAt: Date | null;
}

/** Locks the session row for the rest of the transaction and returns it with its offer's rules. */
export async function lockSession(tx: Tx, sessionId: string): Promise<LockedSession> {
  const rows = await tx.$queryRaw<LockedSession[]>`
    SELECT s."id", s."offerId", o."providerId", o."status"::text AS "offerStatus", o."requiresReferral",
           s."capacity", s."seatsTaken", s."signUpSequence", s."cancelled", s."startsAt", s."endsAt",
           s."signUpDeadline", s."minimumParticipants", o."minimumParticipants" AS "offerMinimum",
           s."minimumCheckedAt"
    FROM "OfferSession" s JOIN "Offer" o ON o."id" = s."offerId"
    WHERE s."id" = ${sessionId}::uuid
    FOR UPDATE OF s`;
  const row = rows[0];
  if (!row) throw new NotFoundError("OfferSession", sessionId);
  return row;
}

/** Adds `delta` to the seats held; the CHECK refuses (rolls back) any result above capacity. */
export async function moveSeats(tx: Tx, sessionId: string, delta: number): Promise<void> {
  if (delta === 0) return;
  await tx.offerSession.update({ where: { id: sessionId }, data: { seatsTaken: { increment: delta } } });
}

/** Takes the next arrival number (and `seats` more seats held); the session must be locked. */
export async function takeSequence(tx: Tx, session: LockedSession, seats: number): Promise<number> {
  const next = session.signUpSequence + 1;
  await tx.offerSession.update({
    where: { id: session.id },
    data: { signUpSequence: next, seatsTaken: { increment: seats } },
  });
  session.signUpSequence = next;
  session.seatsTaken += seats;
  return next;
}

/** Whether anyone is in line (a newcomer never passes them for a freed seat). */
export async function someoneWaiting(tx: Tx, sessionId: string): Promise<number> {
  return tx.sessionSignUp.count({ where: { sessionId, status: "WAITING" } });
}
