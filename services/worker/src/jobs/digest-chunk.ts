import { queueNames } from "@samspill/events";
import {
  digestLookups,
  digestReaderOrder,
  digestSince,
  digestTemplates,
  groupedDigests,
  isoWeekKey,
  loadDigestCatalogue,
  loadOfferEvents,
  lookbackFloor,
  weekLabel,
} from "@samspill/mail";
import { z } from "zod";
import {
  type MailDeps,
  mailDeps,
  mailPending,
  pendingSubscribers,
  type SubscriberRow,
  type SubscriberRun,
  subscriberLanguage,
} from "./mail-deps.js";
import { defineJob } from "./types.js";

/**
 * One chunk of a weekly digest run (digest.ts): the subscriptions with ids in (afterId,
 * throughId], each recipient mailed at most once for the week (sendBatchOnce claims a
 * SentSummary row before sending), so a retried or doubled chunk sends nobody a second digest.
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

/**
 * The chunk's digests by group (digest-groups.ts): subscribers whose digests say the same share
 * one content and one rendering per language; each mail is that with their name and link.
 * Everything a digest lists is read once for the chunk, so the statements per recipient are
 * only their share of a batch's claim and mark.
 */
export async function sendDigestChunk(deps: MailDeps, chunk: DigestChunk): Promise<SubscriberRun> {
  const { db } = deps;
  const at = new Date(chunk.at);
  const periodKey = isoWeekKey(at);
  const ids = {
    ...(chunk.afterId ? { gt: chunk.afterId } : {}),
    ...(chunk.throughId ? { lte: chunk.throughId } : {}),
  };
  const waitedBefore = deps.yieldToLive?.waitedMs ?? 0;
  const subscribers = await pendingSubscribers(deps, "WEEKLY_DIGEST", periodKey, ids);
  const { pending } = subscribers;
  // When each recipient of this chunk last got a digest: their window starts there.
  const previous = await db.sentSummary.groupBy({
    by: ["recipient"],
    where: {
      kind: "WEEKLY_DIGEST",
      recipient: { in: pending.map((s) => s.person.email) },
      periodKey: { not: periodKey },
      sentAt: { gte: lookbackFloor(at), lt: at },
    },
    _max: { sentAt: true },
  });
  const lastSentAt = new Map(previous.map((p) => [p.recipient, p._max.sentAt]));
  const sinceOf = (email: string) => digestSince(lastSentAt.get(email) ?? null, at);
  /** What a subscriber's digest depends on, besides their name, language and unsubscribe link. */
  const readerOf = (s: SubscriberRow) => ({
    filter: s,
    since: sinceOf(s.person.email),
    organisationIds: s.person.memberships.map((m) => m.organisationId),
  });
  // Readers who may share a digest one after another: the digests keep only the groups in use.
  const order = new Map(
    pending.map((s) => [
      s.id,
      digestReaderOrder({ ...readerOf(s), language: subscriberLanguage(subscribers, s) }),
    ]),
  );
  const orderOf = (s: { id: string }) => order.get(s.id) ?? "";
  pending.sort((a, b) => orderOf(a).localeCompare(orderOf(b)));
  // Only as much of the log as the earliest window of the chunk needs, read once for all of it
  // (at least a week: someone subscribing meanwhile gets a first digest a week back).
  const earliest = Math.min(
    digestSince(null, at).getTime(),
    ...pending.map((s) => sinceOf(s.person.email).getTime()),
  );
  const [events, catalogue] = await Promise.all([
    loadOfferEvents(db, new Date(earliest), at),
    // Agreements are listed only to members of a party: none to read for a chunk of the public.
    loadDigestCatalogue(db, at, { agreements: pending.some((s) => s.person.memberships.length > 0) }),
  ]);
  const digests = groupedDigests(db, {
    until: at,
    events,
    lookups: digestLookups(db, catalogue),
    templates: digestTemplates({
      publicUrl: deps.publicUrl,
      weekLabel: (language) => weekLabel(periodKey, language),
      smallCountThreshold: deps.smallCountThreshold,
    }),
  });

  const run = await mailPending(
    deps,
    "WEEKLY_DIGEST",
    periodKey,
    subscribers,
    (s, unsubscribeUrl, language) =>
      digests.mailFor({ ...readerOf(s), name: s.person.name, language, unsubscribeUrl }),
  );
  deps.log.info(
    {
      kind: "WEEKLY_DIGEST",
      recipients: pending.length,
      groups: digests.groups,
      // Time this process's bulk work waited for the live queue meanwhile (chunks run side by side).
      gaveWayMs: Math.round((deps.yieldToLive?.waitedMs ?? 0) - waitedBefore),
    },
    "digest chunk grouped",
  );
  return run;
}

// Chunks held in memory at once in one process. Each holds the week's offer events, the sessions
// and agreements it filters and a batch of rendered mails; eight at once (the summaries queue's
// concurrency) passed the worker's 512 MB heap cap at national scale and killed the bulk worker
// mid-run. Two keep both cores busy; the others wait here, their BullMQ locks still renewed.
const chunksAtOnce = 2;
let chunksRunning = 0;
const chunksWaiting: (() => void)[] = [];

async function oneOfFewChunks<T>(work: () => Promise<T>): Promise<T> {
  if (chunksRunning < chunksAtOnce) chunksRunning += 1;
  else await new Promise<void>((resolve) => chunksWaiting.push(resolve));
  try {
    return await work();
  } finally {
    // Hand the place straight to the next waiting chunk, or give it back.
    const next = chunksWaiting.shift();
    if (next) next();
    else chunksRunning -= 1;
  }
}

export const weeklyDigestChunkJob = defineJob({
  queue: queueNames.summaries,
  name: weeklyDigestChunkName,
  schema: digestChunk,
  // One pool of SMTP connections per chunk, closed (QUIT) at its end.
  handle: (data, ctx) =>
    oneOfFewChunks(async () => {
      const deps = mailDeps(ctx);
      try {
        return await sendDigestChunk(deps, data);
      } finally {
        deps.mailer.close();
      }
    }),
});
