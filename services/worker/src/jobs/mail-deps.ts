import type { Database, SubscriptionKind } from "@samspill/database";
import type { DiagnosisGroup, PriorityGroup, WrittenLanguage } from "@samspill/domain";
import type { QueueName } from "@samspill/events";
import { mailLinkSecretFrom } from "@samspill/events/mail-links";
import {
  type BatchMail,
  createMailer,
  type Mailer,
  type RenderedMail,
  recipientLanguages,
  sendBatchOnce,
  type UnsubscribeLinks,
  unsubscribeLinks,
  withCatchments,
} from "@samspill/mail";
import type { Logger } from "pino";
import { z } from "zod";
import type { LiveGate } from "../live-gate.js";
import { defineJob, type JobContext } from "./types.js";

/** What the summary and reminder jobs need besides their data. */
export interface MailDeps {
  db: Database;
  mailer: Mailer;
  log: Logger;
  /** The web app's origin, for links. */
  publicUrl: string;
  /** Counts of fewer people than this are not published (SMALL_COUNT_THRESHOLD). */
  smallCountThreshold: number;
  /** Signs the one-click unsubscribe links (MAIL_LINK_SECRET, shared with the gateway). */
  mailLinkSecret: string;
  /** Held before each mail of a large run while the live events queue is behind (live-gate.ts). */
  yieldToLive?: LiveGate;
}

export function mailDeps(ctx: JobContext): MailDeps {
  const { SMTP_URL: url, MAIL_FROM: from, PUBLIC_URL: publicUrl, SMALL_COUNT_THRESHOLD } = ctx.env;
  const mailLinkSecret = mailLinkSecretFrom(ctx.env.MAIL_LINK_SECRET, ctx.env.NODE_ENV === "production");
  if (!url) {
    throw new Error(
      "SMTP_URL is not set: summaries and reminders cannot be sent (npm start sets it to the local sink)",
    );
  }
  return {
    db: ctx.db,
    mailer: createMailer(url, from),
    log: ctx.log,
    publicUrl,
    smallCountThreshold: SMALL_COUNT_THRESHOLD,
    mailLinkSecret,
    yieldToLive: ctx.liveGate,
  };
}

/** The recipient's signed unsubscribe links for one kind of mail (footer link and RFC 8058 headers). */
export const unsubscribeFor = (deps: MailDeps, personId: string, kind: SubscriptionKind): UnsubscribeLinks =>
  unsubscribeLinks(deps.publicUrl, deps.mailLinkSecret, { personId, kind });

/**
 * Recipients handled at once. One mail is a few queries, a render and an SMTP exchange, mostly
 * waiting: one at a time, 10,000 digests took minutes. Eight keep the worker's CPU busy without
 * taking every pooled database connection from the event jobs running beside them.
 */
export const mailConcurrency = 8;

/**
 * Runs `send` for every recipient, `concurrency` at a time; one failure does not stop the
 * others. Returns the failed recipients as `describe` names them, each logged. `describe` names a
 * recipient in the log and in the job's failure (kept in Redis): by id, never by address.
 */
async function eachRecipient<T>(
  log: Logger,
  recipients: readonly T[],
  describe: (recipient: T) => string,
  send: (recipient: T) => Promise<void>,
  concurrency = mailConcurrency,
): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const lane = async () => {
    while (next < recipients.length) {
      const recipient = recipients[next++] as T;
      try {
        await send(recipient);
      } catch (error) {
        failures.push(describe(recipient));
        log.error({ err: error, failedFor: describe(recipient) }, "mail to one recipient failed");
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, recipients.length)) }, lane));
  return failures;
}

/** Fails the job once every recipient was tried: its retry skips everyone already mailed (their SentSummary claims) and tries these again. */
function throwIfFailed(failures: readonly string[], total: number) {
  if (failures.length > 0)
    throw new Error(`${failures.length} of ${total} mails failed: ${failures.join(", ")}`);
}

/**
 * Runs `send` for every recipient, `concurrency` at a time; one failure does not stop the
 * others, but fails the job at the end. Each recipient is claimed once (sendOnce), so running
 * them side by side cannot mail anyone twice. `describe` names a recipient in the log and in the
 * job's failure (kept in Redis): by id, never by address.
 */
export async function forEachRecipient<T>(
  log: Logger,
  recipients: readonly T[],
  describe: (recipient: T) => string,
  send: (recipient: T) => Promise<void>,
  concurrency = mailConcurrency,
): Promise<void> {
  throwIfFailed(await eachRecipient(log, recipients, describe, send, concurrency), recipients.length);
}

export interface SubscriberRow {
  id: string;
  /** With the catchments of the chosen hospital trusts added (withCatchments). */
  municipalityNumbers: string[];
  hospitalTrustIds: string[];
  priorityGroups: PriorityGroup[];
  diagnosisGroups: DiagnosisGroup[];
  /** With the organisations the person belongs to: a digest shows only their agreements. */
  person: { id: string; name: string; email: string; memberships: { organisationId: string }[] };
}

export interface SubscriberRun {
  periodKey: string;
  sent: number;
  /** Mailed before in this period (or in doubt): not sent again. */
  alreadySent: number;
  /** Nothing to report: no mail. */
  empty: number;
}

/** The subscribers of one run (or chunk) not yet mailed for the period, with their languages. */
export interface PendingSubscribers {
  pending: SubscriberRow[];
  /** Mailed before in this period (or in doubt). */
  alreadySent: number;
  /** Their written language (their own, else their organisation's). */
  languages: Map<string, WrittenLanguage>;
}

/** The subscriber's written language for their mail (Norwegian bokmål when none is known). */
export function subscriberLanguage(subscribers: PendingSubscribers, s: SubscriberRow): WrittenLanguage {
  return subscribers.languages.get(s.person.id) ?? "nb";
}

/** `ids`: only subscriptions with ids in this range (one chunk of a run split into jobs, digest-chunk.ts). */
export async function pendingSubscribers(
  deps: MailDeps,
  kind: Exclude<SubscriptionKind, "REMINDERS">,
  periodKey: string,
  ids?: { gt?: string; lte?: string },
): Promise<PendingSubscribers> {
  const rows = await deps.db.subscription.findMany({
    where: { kind, active: true, ...(ids ? { id: ids } : {}) },
    orderBy: { id: "asc" },
    select: {
      id: true,
      municipalityNumbers: true,
      hospitalTrustIds: true,
      priorityGroups: true,
      diagnosisGroups: true,
      person: {
        select: { id: true, name: true, email: true, memberships: { select: { organisationId: true } } },
      },
    },
  });
  const subscribers = await withCatchments(deps.db, rows);
  const done = await deps.db.sentSummary.findMany({
    where: { kind, periodKey, recipient: { in: subscribers.map((s) => s.person.email) } },
    select: { recipient: true },
  });
  const doneFor = new Set(done.map((d) => d.recipient));
  const pending = subscribers.filter((s) => !doneFor.has(s.person.email));
  const languages = await recipientLanguages(
    deps.db,
    pending.map((s) => s.person.id),
  );
  return { pending, alreadySent: subscribers.length - pending.length, languages };
}

/**
 * Recipients rendered, claimed and marked together (sendBatchOnce): a few statements per
 * hundred mails rather than two each, and at most a hundred claims in doubt after a crash.
 */
export const mailBatchSize = 100;

export type RenderSubscriberMail = (
  subscriber: SubscriberRow,
  unsubscribeUrl: string,
  language: WrittenLanguage,
) => Promise<RenderedMail | null>;

/**
 * One mail to each of `subscribers.pending` for `periodKey`, each sent at most once
 * (sendBatchOnce). `render` returns null when there is nothing to tell that subscriber; it gets
 * the subscriber's unsubscribe page for the footer, and the mail goes out with the matching
 * RFC 8058 headers. It also gets the subscriber's written language.
 */
export async function mailPending(
  deps: MailDeps,
  kind: Exclude<SubscriptionKind, "REMINDERS">,
  periodKey: string,
  subscribers: PendingSubscribers,
  render: RenderSubscriberMail,
): Promise<SubscriberRun> {
  const { pending } = subscribers;
  const run: SubscriberRun = { periodKey, sent: 0, alreadySent: subscribers.alreadySent, empty: 0 };
  const describe = (s: SubscriberRow) => `person ${s.person.id}`;
  const failures: string[] = [];
  for (let start = 0; start < pending.length; start += mailBatchSize) {
    const batch = pending.slice(start, start + mailBatchSize);
    const mails: (BatchMail & { subscriber: SubscriberRow })[] = [];
    const unrendered = await eachRecipient(deps.log, batch, describe, async (s) => {
      await deps.yieldToLive?.();
      const unsubscribe = unsubscribeFor(deps, s.person.id, kind);
      const mail = await render(s, unsubscribe.page, subscriberLanguage(subscribers, s));
      if (!mail) {
        run.empty += 1;
        return;
      }
      mails.push({
        subscriber: s,
        recipient: s.person.email,
        subject: mail.subject,
        compose: () => ({ ...mail, headers: unsubscribe.headers }),
      });
    });
    failures.push(...unrendered);
    const result = await sendBatchOnce(deps.db, deps.mailer, {
      kind,
      periodKey,
      mails,
      forEach: async (claimed, send) => {
        const gatedSend = async (mail: (typeof claimed)[number]) => {
          await deps.yieldToLive?.();
          await send(mail);
        };
        failures.push(...(await eachRecipient(deps.log, claimed, (m) => describe(m.subscriber), gatedSend)));
      },
    });
    run.sent += result.sent;
    run.alreadySent += result.alreadySent;
  }
  deps.log.info({ kind, ...run }, "summary mails done");
  throwIfFailed(failures, pending.length);
  return run;
}

/**
 * One mail per active subscriber of `kind` for `periodKey`, each sent at most once: see
 * mailPending. `ids` narrows it to one chunk of a run.
 */
export async function mailSubscribers(
  deps: MailDeps,
  kind: Exclude<SubscriptionKind, "REMINDERS">,
  periodKey: string,
  render: RenderSubscriberMail,
  ids?: { gt?: string; lte?: string },
): Promise<SubscriberRun> {
  return mailPending(deps, kind, periodKey, await pendingSubscribers(deps, kind, periodKey, ids), render);
}

/** `at` pins the period (to send a past week or year again); by default the time the job runs. */
export const runAt = z.object({ at: z.iso.datetime({ offset: true }).optional() });

/** A mail job run by its BullMQ job scheduler on a cron `pattern` in Oslo time. */
export function scheduledMailJob(options: {
  queue: QueueName;
  name: string;
  pattern: string;
  run: (deps: MailDeps, at: Date) => Promise<unknown>;
}) {
  return defineJob({
    queue: options.queue,
    name: options.name,
    schema: runAt,
    schedule: { pattern: options.pattern, tz: "Europe/Oslo" },
    // One pool of SMTP connections per run: reused for all its mails, closed (QUIT) at its end
    // rather than left open for a server to time out.
    handle: async (data, ctx) => {
      const deps = mailDeps(ctx);
      try {
        return await options.run(deps, data.at ? new Date(data.at) : new Date());
      } finally {
        deps.mailer.close();
      }
    },
  });
}
