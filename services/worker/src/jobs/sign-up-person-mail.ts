import { issueSignUpLink, personMailHeaders } from "@samspill/commands";
import {
  claimSignUpMail,
  newMessageId,
  releaseSignUpMail,
  renderSignUpMail,
  type SignUpMailKind,
} from "@samspill/mail";
import type { MailDeps } from "./mail-deps.js";

// Sends one sign-up mail to the one person it concerns, at most once per `key`: the claim comes
// first, a fresh private link is drawn for the mail, and a send that fails gives the claim back
// so the job's retry sends it. Logs name the sign-up by id, never the address.

export async function mailSignUpPerson(
  deps: MailDeps,
  signUpId: string,
  kind: SignUpMailKind,
  key: string,
  extra: { tooFew?: boolean } = {},
): Promise<boolean> {
  const signUp = await deps.db.sessionSignUp.findUnique({
    where: { id: signUpId },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      sequence: true,
      status: true,
      offeredUntil: true,
      sessionId: true,
      session: {
        select: { startsAt: true, location: true, offer: { select: { title: true, location: true } } },
      },
    },
  });
  // Anonymised, or reachable by phone only (the hub sends no text messages): nothing to mail.
  if (!signUp?.email || !signUp.name) return false;
  if (!(await claimSignUpMail(deps.db, signUp.id, key))) return false;
  try {
    const position =
      kind === "waiting"
        ? await deps.db.sessionSignUp.count({
            where: { sessionId: signUp.sessionId, status: "WAITING", sequence: { lte: signUp.sequence } },
          })
        : undefined;
    const token = await issueSignUpLink(deps.db, signUp.id);
    const mail = await renderSignUpMail({
      kind,
      locale: signUp.locale as "nb" | "nn" | "en",
      name: signUp.name,
      offerTitle: signUp.session.offer.title,
      startsAt: signUp.session.startsAt,
      location: signUp.session.location ?? signUp.session.offer.location,
      token,
      publicUrl: deps.publicUrl,
      position,
      offeredUntil: signUp.offeredUntil ?? undefined,
      tooFew: extra.tooFew,
    });
    await deps.mailer.send({
      to: signUp.email,
      messageId: newMessageId(deps.mailer.from),
      headers: { ...personMailHeaders },
      ...mail,
    });
  } catch (error) {
    await releaseSignUpMail(deps.db, signUp.id, key);
    throw error;
  }
  deps.log.info({ signUpId: signUp.id, kind }, "sign-up mail sent");
  return true;
}
