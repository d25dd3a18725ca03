import type { Database, SubscriptionKind } from "@samspill/database";
import { type Mailer, newMessageId, provablyNotSent } from "./transport.js";

/** One thing a mail reports on, sent once per recipient: its period key and a line for the log. */
export interface Claimable {
  /** What "once" means, e.g. "2026-W48" or "agreement:<id>:expiring:2027-02-01". */
  periodKey: string;
  /** Stored in SentSummary.subject for the log. */
  subject: string;
}

export interface ComposedMail {
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
}

export interface SendOnceInput<T extends Claimable> {
  kind: SubscriptionKind;
  recipient: string;
  items: readonly T[];
  /** Builds the mail from the items this run claimed (never empty). */
  compose: (claimed: T[]) => Promise<ComposedMail> | ComposedMail;
}

/**
 * Sends one mail covering the items not yet sent to this recipient, so that each
 * (kind, recipient, periodKey) is mailed at most once even when jobs run twice, run
 * concurrently or crash halfway. Returns the items it sent (empty when all were claimed before).
 *
 * 1. Claim: one INSERT … ON CONFLICT DO NOTHING of PENDING SentSummary rows holding the
 *    Message-ID about to be used. It commits on its own, before anything is sent. Rows that
 *    already exist belong to another run, which has sent (or is sending) them.
 * 2. Compose the mail from the claimed items and send it through SMTP with that Message-ID.
 * 3. Mark the rows SENT.
 *
 * The crash window between 2 and 3 is settled on the side of never sending twice: a PENDING
 * row left behind means "sent or in doubt" and stays claimed. It names the Message-ID, so an
 * operator can look it up in the SMTP server's log. Only a failure that proves the message was
 * not accepted (composing failed, or see provablyNotSent) releases the claims, so that the
 * job's retry sends them.
 */
export async function sendOnce<T extends Claimable>(
  db: Database,
  mailer: Mailer,
  input: SendOnceInput<T>,
): Promise<T[]> {
  if (input.items.length === 0) return [];
  const messageId = newMessageId(mailer.from);
  const { kind, recipient } = input;
  const claimedRows = await db.sentSummary.createManyAndReturn({
    data: input.items.map((item) => ({
      kind,
      recipient,
      periodKey: item.periodKey,
      subject: item.subject,
      messageId,
      status: "PENDING" as const,
    })),
    skipDuplicates: true,
    select: { periodKey: true },
  });
  const claimedKeys = new Set(claimedRows.map((r) => r.periodKey));
  const claimed = input.items.filter((item) => claimedKeys.has(item.periodKey));
  if (claimed.length === 0) return [];
  const ours = { kind, recipient, messageId, status: "PENDING" as const };

  const release = () => db.sentSummary.deleteMany({ where: ours });

  let mail: ComposedMail;
  try {
    mail = await input.compose(claimed);
  } catch (error) {
    await release();
    throw error;
  }
  try {
    await mailer.send({ to: recipient, messageId, ...mail });
  } catch (error) {
    if (provablyNotSent(error)) await release();
    throw error;
  }
  await db.sentSummary.updateMany({ where: ours, data: { status: "SENT", acceptedAt: new Date() } });
  return claimed;
}
