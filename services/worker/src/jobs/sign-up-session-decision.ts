import { effectiveMinimum } from "@samspill/domain";
import { eventJobData, eventPayloads, queueNames } from "@samspill/events";
import { renderSessionDecision, sendOnce } from "@samspill/mail";
import { forEachRecipient, mailDeps } from "./mail-deps.js";
import { defineJob } from "./types.js";

// Tells the provider whether a session with a minimum goes ahead (session.minimum_checked): the
// offer's contact address and the provider's editors and admins, once each (SentSummary,
// kind REMINDERS, keyed by the session), with counts only.

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
            provider: {
              select: {
                memberships: {
                  where: { role: { in: ["ADMIN", "EDITOR"] } },
                  select: { person: { select: { email: true } } },
                },
              },
            },
          },
        },
      },
    });
    if (!session) return { mailed: 0 };
    const { offer } = session;
    const recipients = [
      ...new Set(
        [offer.contactEmail, ...offer.provider.memberships.map((m) => m.person.email)].filter(
          (e): e is string => !!e,
        ),
      ),
    ];
    const deps = mailDeps(ctx);
    let mailed = 0;
    try {
      const mail = await renderSessionDecision({
        offerId: offer.id,
        offerTitle: offer.title,
        startsAt: session.startsAt,
        goesAhead: decision.goesAhead,
        participants: decision.participants,
        minimum: effectiveMinimum(session, offer) ?? 0,
        waiting: session._count.signUps,
        publicUrl: deps.publicUrl,
      });
      await forEachRecipient(
        deps.log,
        recipients,
        (_r) => `session ${decision.id}`,
        async (to) => {
          const sent = await sendOnce(deps.db, deps.mailer, {
            kind: "REMINDERS",
            recipient: to,
            items: [{ periodKey: `session-minimum:${decision.id}`, subject: mail.subject }],
            compose: () => mail,
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
