import type { Prisma } from "@samspill/database";
import { type SignUpStatus, seatHoldingStatuses } from "@samspill/domain";
import type { Work } from "../unit-of-work.js";
import { type LockedSession, moveSeats } from "./seats.js";

// The one way a sign-up changes status: under the session's lock, the seats held move with it
// (into CONFIRMED/OFFERED takes one, out of them frees one), and the audit entry and the
// `signup.changed` event carry ids and statuses only, never the person's details.

const holds = (status: SignUpStatus) => (seatHoldingStatuses.includes(status) ? 1 : 0);

export interface SignUpRef {
  id: string;
  status: SignUpStatus;
}

export async function changeStatus(
  work: Pick<Work, "tx" | "record">,
  session: LockedSession,
  signUp: SignUpRef,
  to: SignUpStatus,
  action: string,
  extra: Omit<Prisma.SessionSignUpUpdateManyMutationInput, "status" | "version"> = {},
): Promise<void> {
  const { tx, record } = work;
  // Guarded by the status read under the lock: a change that lost a race updates nothing.
  const updated = await tx.sessionSignUp.updateMany({
    where: { id: signUp.id, status: signUp.status },
    data: { ...extra, status: to, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw new Error(`Sign-up ${signUp.id} changed while its session was locked`);
  const delta = holds(to) - holds(signUp.status);
  await moveSeats(tx, session.id, delta);
  session.seatsTaken += delta;
  await record({
    action,
    entityType: "SessionSignUp",
    entityId: signUp.id,
    organisationId: session.providerId,
    changes: { status: { from: signUp.status, to } },
    event: {
      type: "signup.changed",
      payload: { id: signUp.id, sessionId: session.id, offerId: session.offerId, from: signUp.status, to },
    },
  });
}
