import {
  DomainValidationError,
  fieldIssue,
  parseInput,
  placeForNewSignUp,
  type SignUpStatus,
  signUpInput,
  signUpOpen,
} from "@samspill/domain";
import { type Actor, systemActor } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import { issueSignUpLink } from "./links.js";
import { lockSession, someoneWaiting, takeSequence } from "./seats.js";

/** How long personal fields are kept after the session, as the person is told when consenting. */
export interface SignUpPolicy {
  retentionMonths: number;
}

export interface SignUpResult {
  id: string;
  status: SignUpStatus;
  /** The private link's token: returned once, stored only as a hash. */
  token: string;
}

/** Who a public sign-up is recorded as in the audit trail: the hub, on the person's behalf. */
const publicSignUp = systemActor("Offentlig påmelding");

/**
 * A patient or relative signs up for a session without an account. Under the session's row
 * lock it takes the next arrival number and either a seat (CONFIRMED), a place in line
 * (WAITING) or, when the offer needs a referral, becomes a request (REQUESTED).
 */
export async function signUpForSession(
  unit: Unit,
  _actor: Actor | null,
  raw: unknown,
  policy: SignUpPolicy,
): Promise<SignUpResult> {
  const { consent: _consent, sessionId, ...person } = parseInput(signUpInput, raw);
  return transact(
    unit,
    publicSignUp,
    async ({ tx, record }) => {
      const session = await lockSession(tx, sessionId);
      if (session.offerStatus !== "PUBLISHED" || !signUpOpen(session, new Date()))
        throw new DomainValidationError([
          fieldIssue(
            "sessionId",
            "sign_up_closed",
            "Sign-up for this session is closed",
            "Påmeldingen er stengt",
            "Påmeldinga er stengd",
          ),
        ]);
      const full = session.capacity !== null && session.seatsTaken >= session.capacity;
      const waiting = session.requiresReferral || full ? 0 : await someoneWaiting(tx, sessionId);
      const status =
        full && !session.requiresReferral ? "WAITING" : placeForNewSignUp({ ...session, waiting });
      // One write for both counters: the arrival number, and the seat when one was taken.
      const sequence = await takeSequence(tx, session, status === "CONFIRMED" ? 1 : 0);
      const row = await tx.sessionSignUp.create({
        data: {
          ...person,
          sessionId,
          status,
          sequence,
          consentedAt: new Date(),
          retentionMonths: policy.retentionMonths,
        },
        select: { id: true },
      });
      const token = await issueSignUpLink(tx, row.id);
      await record({
        action: "signup.create",
        entityType: "SessionSignUp",
        entityId: row.id,
        organisationId: session.providerId,
        changes: { status, sequence, role: person.role },
        event: {
          type: "signup.created",
          payload: { id: row.id, sessionId, offerId: session.offerId, status },
        },
      });
      return { id: row.id, status, token };
    },
    signUpTiming,
  );
}

/**
 * Sign-ups for one session queue on its row lock; a popular course opening makes hundreds wait
 * at once. They wait for a connection far longer than other commands rather than fail: each
 * holds the lock for a few milliseconds, so the line moves, and a person who waited a while
 * still gets their place in the order they came.
 */
const signUpTiming = { maxWait: 300_000, timeout: 30_000 };
