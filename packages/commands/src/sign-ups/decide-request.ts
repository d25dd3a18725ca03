import {
  DomainValidationError,
  decideSignUpRequestInput,
  fieldIssue,
  freeSeats,
  parseInput,
} from "@samspill/domain";
import { type Actor, editorRoles, requireRole, requireSignedIn } from "../actor.js";
import { found, transact, type Unit } from "../unit-of-work.js";
import { lockSession, someoneWaiting } from "./seats.js";
import { changeStatus } from "./transitions.js";

/**
 * The provider accepts or declines a request for a referral course. An accepted request takes
 * a free seat when nobody is in line before it, else joins the waiting list in arrival order.
 */
export async function decideSignUpRequest(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const { id, accept } = parseInput(decideSignUpRequestInput, raw);
  return transact(unit, requireSignedIn(actor), async (work) => {
    const { sessionId } = await found(
      work.tx.sessionSignUp.findUnique({ where: { id }, select: { sessionId: true } }),
      "SessionSignUp",
      id,
    );
    const session = await lockSession(work.tx, sessionId);
    requireRole(actor, session.providerId, editorRoles);
    const signUp = await work.tx.sessionSignUp.findUniqueOrThrow({
      where: { id },
      select: { id: true, status: true },
    });
    if (signUp.status !== "REQUESTED")
      throw new DomainValidationError([
        fieldIssue(
          "id",
          "not_requested",
          "This request has already been decided",
          "Denne forespørselen er allerede behandlet",
          "Denne førespurnaden er alt handsama",
        ),
      ]);
    const decidedAt = new Date();
    if (!accept) {
      await changeStatus(work, session, signUp, "DECLINED", "signup.decline_request", { decidedAt });
      return { id };
    }
    const free = freeSeats(session);
    const seat = free === null || (free > 0 && (await someoneWaiting(work.tx, sessionId)) === 0);
    await changeStatus(work, session, signUp, seat ? "CONFIRMED" : "WAITING", "signup.accept_request", {
      decidedAt,
    });
    return { id };
  });
}
