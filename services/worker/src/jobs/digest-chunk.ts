import { queueNames } from "@samspill/events";
import {
  buildDigest,
  digestLookups,
  digestRenderer,
  digestSince,
  isEmptyDigest,
  isoWeekKey,
  loadOfferEvents,
  lookbackFloor,
  weekLabel,
} from "@samspill/mail";
import { z } from "zod";
import { type MailDeps, mailDeps, mailSubscribers, type SubscriberRun } from "./mail-deps.js";
import { defineJob } from "./types.js";

/**
 * One chunk of a weekly digest run (digest.ts): the subscriptions with ids in (afterId,
 * throughId], each recipient mailed at most once for the week (sendOnce claims a SentSummary
 * row before sending), so a retried or doubled chunk sends nobody a second digest.
 */
export const digestChunk = z.object({
  /** The run's instant, fixed by the run job: every chunk reports the same week. */
  at: z.iso.datetime({ offset: true }),
  /** Exclusive lower bound; null from the first subscription. */
  afterId: z.string().min(1).nullable(),
  /** Inclusive upper bound; null for the last chunk, so subscriptions added since are not missed. */
  throughId: z.string().min(1).nullable(),
});
export type DigestChunk = z.output<typeof digestChunk>;

export const weeklyDigestChunkName = "summary.weekly-digest-chunk";

export async function sendDigestChunk(deps: MailDeps, chunk: DigestChunk): Promise<SubscriberRun> {
  const { db } = deps;
  const at = new Date(chunk.at);
  const periodKey = isoWeekKey(at);
  const ids = {
    ...(chunk.afterId ? { gt: chunk.afterId } : {}),
    ...(chunk.throughId ? { lte: chunk.throughId } : {}),
  };
  // When each recipient of this chunk last got a digest: their window starts there.
  const recipients = await db.subscription.findMany({
    where: { kind: "WEEKLY_DIGEST", active: true, id: ids },
    select: { person: { select: { email: true } } },
  });
  const previous = await db.sentSummary.groupBy({
    by: ["recipient"],
    where: {
      kind: "WEEKLY_DIGEST",
      recipient: { in: recipients.map((r) => r.person.email) },
      periodKey: { not: periodKey },
      sentAt: { gte: lookbackFloor(at), lt: at },
    },
    _max: { sentAt: true },
  });
  const lastSentAt = new Map(previous.map((p) => [p.recipient, p._max.sentAt]));
  const sinceOf = (email: string) => digestSince(lastSentAt.get(email) ?? null, at);
  // Only as much of the log as the earliest window of the chunk needs, read once for all of it
  // (at least a week: someone subscribing meanwhile gets a first digest a week back).
  const earliest = Math.min(
    digestSince(null, at).getTime(),
    ...recipients.map((r) => sinceOf(r.person.email).getTime()),
  );
  const events = await loadOfferEvents(db, new Date(earliest), at);
  const lookups = digestLookups(db);
  const render = digestRenderer({
    publicUrl: deps.publicUrl,
    weekLabel: (language) => weekLabel(periodKey, language),
    smallCountThreshold: deps.smallCountThreshold,
  });

  return mailSubscribers(
    deps,
    "WEEKLY_DIGEST",
    periodKey,
    async (s, unsubscribeUrl, language) => {
      const content = await buildDigest(db, {
        recipientName: s.person.name,
        recipientOrganisationIds: s.person.memberships.map((m) => m.organisationId),
        filter: s,
        since: sinceOf(s.person.email),
        until: at,
        events,
        lookups,
      });
      return isEmptyDigest(content) ? null : render(content, { language, unsubscribeUrl });
    },
    ids,
  );
}

export const weeklyDigestChunkJob = defineJob({
  queue: queueNames.summaries,
  name: weeklyDigestChunkName,
  schema: digestChunk,
  // One pool of SMTP connections per chunk, closed (QUIT) at its end.
  handle: async (data, ctx) => {
    const deps = mailDeps(ctx);
    try {
      return await sendDigestChunk(deps, data);
    } finally {
      deps.mailer.close();
    }
  },
});
