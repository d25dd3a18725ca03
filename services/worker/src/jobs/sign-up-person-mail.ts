import { issueSignUpLink, personMailHeaders } from "@samspill/commands";
import {
  claimSignUpMail,
  type Mailer,
  newMessageId,
  releaseSignUpMail,
  renderSignUpMail,
  type SignUpMailKind,
} from "@samspill/mail";
import type { MailDeps } from "./mail-deps.js";

// Sends one sign-up mail to the one person it concerns, at most once per `key`: the claim comes
// first, a fresh private link is drawn for the mail, and a send that fails gives the claim back
// so the job's retry sends it. Logs name the sign-up by id, never the address.

/** What a person's mail carries besides its addressing. */
type PersonMailContent = Omit<Parameters<Mailer["send"]>[0], "to" | "messageId" | "headers">;

/** One mail to the person a sign-up concerns, rendered once the private link is drawn. */
export interface PersonMail {
  kind: string;
  /** What the log calls it, e.g. "sign-up mail": logged with the sign-up's id, never the address. */
  label: string;
  render(token: string): Promise<PersonMailContent>;
}

/**
 * Sends `mail` to the sign-up's own address, never a list, at most once per `key`. Claims first;
 * a failure anywhere after the claim (drawing the link, rendering, sending) gives the claim back,
 * so the job's retry sends it. False when the claim was already taken.
 */
export async function sendPersonMail(
  deps: MailDeps,
  signUp: { id: string; email: string },
  key: string,
  mail: PersonMail,
): Promise<boolean> {
  if (!(await claimSignUpMail(deps.db, signUp.id, key))) return false;
  try {
    const token = await issueSignUpLink(deps.db, signUp.id);
    const content = await mail.render(token);
    await deps.mailer.send({
      to: signUp.email,
      messageId: newMessageId(deps.mailer.from),
      headers: { ...personMailHeaders },
      ...content,
    });
  } catch (error) {
    await releaseSignUpMail(deps.db, signUp.id, key);
    throw error;
  }
  deps.log.info({ signUpId: signUp.id, kind: mail.kind }, `${mail.label} sent`);
  return true;
}

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
  const { email, name, session } = signUp;
  return sendPersonMail(deps, { id: signUp.id, email }, key, {
    kind,
    label: "sign-up mail",
    render: async (token) => {
      const position =
        kind === "waiting"
          ? await deps.db.sessionSignUp.count({
              where: { sessionId: signUp.sessionId, status: "WAITING", sequence: { lte: signUp.sequence } },
            })
          : undefined;
      return renderSignUpMail({
        kind,
        locale: signUp.locale as "nb" | "nn" | "en",
        name,
        offerTitle: session.offer.title,
        startsAt: session.startsAt,
        location: session.location ?? session.offer.location,
        token,
        publicUrl: deps.publicUrl,
        position,
        offeredUntil: signUp.offeredUntil ?? undefined,
        tooFew: extra.tooFew,
      });
    },
  });
}
