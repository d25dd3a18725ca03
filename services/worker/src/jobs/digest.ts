import { createHash, randomUUID } from "node:crypto";
import { queueNames } from "@samspill/events";
import {
  buildDigest,
  type DigestContent,
  digestLookups,
  digestSince,
  isEmptyDigest,
  isoWeekKey,
  loadOfferEvents,
  lookbackFloor,
  type RenderedMail,
  renderDigest,
  weekLabel,
} from "@samspill/mail";
import { type MailDeps, mailSubscribers, type SubscriberRun, scheduledMailJob } from "./mail-deps.js";

/**
 * The weekly digest to every active WEEKLY_DIGEST subscriber, once per ISO week (Oslo): offer
 * changes since their last digest, the next two weeks' sessions and agreements expiring soon,
 * narrowed to their filter. Subscribers with nothing in their filter get no mail that week.
 */
export async function sendWeeklyDigests(deps: MailDeps, at: Date): Promise<SubscriberRun> {
  const { db } = deps;
  const periodKey = isoWeekKey(at);
  const previous = await db.sentSummary.groupBy({
    by: ["recipient"],
    where: {
      kind: "WEEKLY_DIGEST",
      periodKey: { not: periodKey },
      sentAt: { gte: lookbackFloor(at), lt: at },
    },
    _max: { sentAt: true },
  });
  const lastSentAt = new Map(previous.map((p) => [p.recipient, p._max.sentAt]));
  const sinceOf = (email: string) => digestSince(lastSentAt.get(email) ?? null, at);
  // Everyone's window lies within the longest lookback, so the log is read once for all.
  const events = await loadOfferEvents(db, lookbackFloor(at), at);
  const lookups = digestLookups(db);
  const rendered = personalisedRenderer();

  return mailSubscribers(deps, "WEEKLY_DIGEST", periodKey, async (s) => {
    const content = await buildDigest(db, {
      recipientName: s.person.name,
      recipientOrganisationIds: s.person.memberships.map((m) => m.organisationId),
      filter: s,
      since: sinceOf(s.person.email),
      until: at,
      events,
      lookups,
    });
    if (isEmptyDigest(content)) return null;
    return rendered(content, (c) =>
      renderDigest({
        content: c,
        publicUrl: deps.publicUrl,
        weekLabel: weekLabel(periodKey),
        smallCountThreshold: deps.smallCountThreshold,
      }),
    );
  });
}

/**
 * Renders each distinct digest once per run and puts the recipient's name in afterwards:
 * subscribers with the same filter (or none) get the same mail but for the greeting, and
 * rendering (React, then HTML to text) is most of a digest's CPU time. The name goes into the
 * render as a placeholder no text can contain, then in place of it: escaped as React escapes
 * text in the HTML, as it is in the plain text.
 */
const maxRenders = 100;

function personalisedRenderer() {
  const slot = `RECIPIENT${randomUUID().replaceAll("-", "")}`;
  const renders = new Map<string, Promise<RenderedMail>>();
  return (content: DigestContent, render: (c: DigestContent) => Promise<RenderedMail>) => {
    // The template shows the filter only by its names; the filter row itself is the subscriber's own.
    const key = createHash("sha256")
      .update(JSON.stringify({ ...content, recipientName: "", filter: null }))
      .digest("base64");
    let mail = renders.get(key);
    if (!mail) {
      mail = render({ ...content, recipientName: slot });
      renders.set(key, mail);
      // Most filters are a few municipalities of one's own, seldom shared: keep memory bounded.
      if (renders.size > maxRenders) renders.delete(renders.keys().next().value as string);
    }
    return mail.then((m) => ({
      subject: m.subject.replaceAll(slot, content.recipientName),
      html: m.html.replaceAll(slot, escapeHtml(content.recipientName)),
      text: m.text.replaceAll(slot, content.recipientName),
    }));
  };
}

const htmlEscapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#x27;",
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c);

// Monday 07:00 in Oslo, summer and winter.
export const weeklyDigestJob = scheduledMailJob({
  queue: queueNames.summaries,
  name: "summary.weekly-digest",
  pattern: "0 7 * * 1",
  run: sendWeeklyDigests,
});
