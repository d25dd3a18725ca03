import { type CourseMailKind, type CourseMailLocale, renderCourseMail } from "@samspill/mail";
import type { MailDeps } from "./mail-deps.js";
import { sendPersonMail } from "./sign-up-person-mail.js";

// Sends one confirmation or reminder (with the calendar file) to the one person it concerns, at
// most once per `key`, as every mail to a signed-up person goes (sendPersonMail): claimed first,
// a fresh private link drawn for the mail, the claim given back when the send fails so the job's
// retry sends it. Logs name the sign-up by id only.

export async function mailCoursePerson(
  deps: MailDeps,
  signUpId: string,
  kind: CourseMailKind,
  key: string,
): Promise<boolean> {
  const signUp = await deps.db.sessionSignUp.findUnique({
    where: { id: signUpId },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      status: true,
      session: {
        select: {
          id: true,
          startsAt: true,
          endsAt: true,
          cancelled: true,
          location: true,
          onlineUrl: true,
          whatToBring: true,
          offer: { select: { title: true, location: true, onlineUrl: true } },
        },
      },
    },
  });
  // Only a confirmed seat of a run still to come; anonymised or phone-only people get no mail.
  if (!signUp?.email || !signUp.name || signUp.status !== "CONFIRMED") return false;
  const s = signUp.session;
  if (s.cancelled || s.startsAt <= new Date()) return false;
  const { email, name } = signUp;
  return sendPersonMail(deps, { id: signUp.id, email }, key, {
    kind,
    label: "course mail",
    render: (token) =>
      renderCourseMail({
        kind,
        locale: (["nb", "nn", "en"].includes(signUp.locale) ? signUp.locale : "nb") as CourseMailLocale,
        name,
        sessionId: s.id,
        offerTitle: s.offer.title,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        location: s.location ?? s.offer.location,
        onlineUrl: s.onlineUrl ?? s.offer.onlineUrl,
        whatToBring: s.whatToBring,
        token,
        publicUrl: deps.publicUrl,
      }),
  });
}
