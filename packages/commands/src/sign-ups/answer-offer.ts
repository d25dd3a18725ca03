import { answerSeatOfferInput, DomainValidationError, fieldIssue, parseInput } from "@samspill/domain";
import { type Actor, systemActor } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import { signUpIdForToken } from "./links.js";
import { lockSession } from "./seats.js";
import { changeStatus } from "./transitions.js";

const linkHolder = systemActor("Privat påmeldingslenke");

/**
 * Accepts or declines a seat offered from the waiting list. The seat is already held for the
 * person (OFFERED counts in seatsTaken), so accepting cannot overbook; declining frees it and
 * the worker offers it to the next in line. An offer past its deadline can no longer be taken.
 */
export async function answerSeatOffer(
  unit: Unit,
  _actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const { token, accept } = parseInput(answerSeatOfferInput, raw);
  return transact(unit, linkHolder, async (work) => {
    const id = await signUpIdForToken(work.tx, token);
    const { sessionId } = await work.tx.sessionSignUp.findUniqueOrThrow({
      where: { id },
      select: { sessionId: true },
    });
    const session = await lockSession(work.tx, sessionId);
    const signUp = await work.tx.sessionSignUp.findUniqueOrThrow({
      where: { id },
      select: { id: true, status: true, offeredUntil: true },
    });
    if (signUp.status !== "OFFERED" || !signUp.offeredUntil || signUp.offeredUntil <= new Date())
      throw new DomainValidationError([
        fieldIssue(
          "token",
          "no_open_offer",
          "There is no open seat offer for this sign-up",
          "Det er ikke noe åpent tilbud om plass",
          "Det er ikkje noko ope tilbod om plass",
        ),
      ]);
    if (accept)
      await changeStatus(work, session, signUp, "CONFIRMED", "signup.accept_offer", {
        decidedAt: new Date(),
      });
    else
      await changeStatus(work, session, signUp, "DECLINED", "signup.decline_offer", {
        decidedAt: new Date(),
      });
    return { id };
  });
}
