import type { Database } from "@samspill/database";
import { effectiveMinimum, type WrittenLanguage } from "@samspill/domain";
import { eventJobData, eventPayloads, queueNames } from "@samspill/events";
import { recipientLanguages, renderSessionDecision, sendOnce } from "@samspill/mail";
import { forEachRecipient, mailDeps, unsubscribeFor } from "./mail-deps.js";
import { defineJob } from "./types.js";

// Tells the provider whether a session with a minimum goes ahead (session.minimum_checked): the
// offer's contact address and the provider's editors and admins, once each (SentSummary,
// kind REMINDERS, keyed by the session), with counts only. A person gets it in their written
// language with the reminders' one-click unsubscribe, and is left out once they have stopped
// reminders; a contact address that is no one's (kurs@kommune.no) gets it in the offer's language.

interface DecisionRecipient {
  email: string;
  personId: string | null;
  language: WrittenLanguage;
}

async function decisionRecipients(
  db: Database,
  offer: { providerId: string; contactEmail: string | null; textLanguage: WrittenLanguage },
): Promise<DecisionRecipient[]> {
  const people = await db.person.findMany({
    where: {
      OR: [
        { memberships: { some: { organisationId: offer.providerId, role: { in: ["ADMIN", "EDITOR"] } } } },
        ...(offer.contactEmail ? [{ email: offer.contactEmail }] : []),
      ],
    },
    orderBy: { email: "asc" },
    select: {
      id: true,
      email: true, // Stopped reminders: this is one of them.
      subscriptions: { where: { kind: "REMINDERS", active: false }, select: { id: true } },
    },
  });
  const languages = await recipientLanguages(
    db,
    people.map((p) => p.id),
  );
  const out: DecisionRecipient[] = people
    .filter((p) => p.subscriptions.length === 0)
    .map((p) => ({ email: p.email, personId: p.id, language: languages.get(p.id) ?? "nb" }));
  if (offer.contactEmail && !people.some((p) => p.email === offer.contactEmail))
    out.push({ email: offer.contactEmail, personId: null, language: offer.textLanguage });
  return out;
}

export const signUpSessionDecisionJob = defineJob({
  queue: queueNames.events,
  name: "signup.session_decision",
  handles: ["session.minimum_checked"],
  schema: eventJobData,
  async handle(event, ctx) {
    const decision = eventPayloads["session.minimum_checked"].parse(event.payload);
    const session = await ctx.db.offerSession.findUnique({
      where: { id: decision.id },
      select: {
        startsAt: true,
        minimumParticipants: true,
        _count: { select: { signUps: { where: { status: "WAITING" } } } },
        offer: {
          select: {
            id: true,
            title: true,
            contactEmail: true,
            minimumParticipants: true,
            providerId: true,
            textLanguage: true,
          },
        },
      },
    });
    if (!session) return { mailed: 0 };
    const { offer } = session;
    const recipients = await decisionRecipients(ctx.db, offer);
    const deps = mailDeps(ctx);
    let mailed = 0;
    try {
      await forEachRecipient(
        deps.log,
        recipients,
        (r) => `session ${decision.id} ${r.personId ? `person ${r.personId}` : "contact address"}`,
        async (r) => {
          const unsubscribe = r.personId ? unsubscribeFor(deps, r.personId, "REMINDERS") : null;
          const mail = await renderSessionDecision({
            offerId: offer.id,
            offerTitle: offer.title,
            startsAt: session.startsAt,
            goesAhead: decision.goesAhead,
            participants: decision.participants,
            minimum: effectiveMinimum(session, offer) ?? 0,
            waiting: session._count.signUps,
            publicUrl: deps.publicUrl,
            unsubscribeUrl: unsubscribe?.page,
            language: r.language,
          });
          const sent = await sendOnce(deps.db, deps.mailer, {
            kind: "REMINDERS",
            recipient: r.email,
            items: [{ periodKey: `session-minimum:${decision.id}`, subject: mail.subject }],
            compose: () => (unsubscribe ? { ...mail, headers: unsubscribe.headers } : mail),
          });
          mailed += sent.length;
        },
      );
    } finally {
      deps.mailer.close();
    }
    return { mailed };
  },
});
