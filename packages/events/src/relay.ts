import type { Database, Prisma } from "@samspill/database";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { z } from "zod";
import { jobDefaults } from "./job-options.js";

// The outbox relay: moves committed events from the OutboxEvent table to the BullMQ events
// queue. Rows are claimed with FOR UPDATE SKIP LOCKED inside a short transaction, so several
// relays (worker and gateway processes) share the work without sending a row twice at once.
// A row is marked sent only after Redis accepted the jobs, in the same transaction that holds
// the claim: a crash anywhere before that commit leaves it unsent and it is sent again, and the
// job id (the outbox id) makes BullMQ drop the second copy. Nothing is ever lost; a duplicate
// can reach consumers only if the first copy was already removed, which is why they are
// idempotent anyway.

type Tx = Prisma.TransactionClient;

export interface OutboxRow {
  sequence: bigint;
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  organisationId: string | null;
  payload: unknown;
  occurredAt: Date;
}

/** What an events-queue job carries: the outbox row's identity and the event, JSON-safe. */
export const eventJobData = z.object({
  id: z.uuid(),
  sequence: z.string().regex(/^\d+$/),
  type: z.string(),
  aggregateType: z.string(),
  aggregateId: z.string(),
  organisationId: z.uuid().nullable(),
  payload: z.unknown(),
  occurredAt: z.iso.datetime(),
});
export type EventJobData = z.infer<typeof eventJobData>;

export function toEventJob(row: OutboxRow) {
  const data: EventJobData = {
    id: row.id,
    sequence: row.sequence.toString(),
    type: row.type,
    aggregateType: row.aggregateType,
    aggregateId: row.aggregateId,
    organisationId: row.organisationId,
    payload: row.payload,
    occurredAt: row.occurredAt.toISOString(),
  };
  return { name: row.type, data, opts: { ...jobDefaults, jobId: row.id } };
}

/** Locks up to `limit` unsent rows for this transaction, oldest first; rows other relays hold are skipped. */
export function claimUnsent(tx: Tx, limit: number): Promise<OutboxRow[]> {
  return tx.$queryRaw<OutboxRow[]>`
    SELECT "sequence", "id"::text AS "id", "type", "aggregateType", "aggregateId",
           "organisationId"::text AS "organisationId", "payload", "occurredAt"
    FROM "OutboxEvent"
    WHERE "sentAt" IS NULL
    ORDER BY "sequence"
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`;
}

export async function enqueueEvents(queue: Queue, rows: readonly OutboxRow[]): Promise<void> {
  if (rows.length > 0) await queue.addBulk(rows.map(toEventJob));
}

const sequences = (rows: readonly OutboxRow[]) => rows.map((r) => r.sequence.toString());

export async function markSent(tx: Tx, rows: readonly OutboxRow[]): Promise<void> {
  await tx.$executeRaw`
    UPDATE "OutboxEvent" SET "sentAt" = now(), "attempts" = "attempts" + 1, "lastError" = NULL
    WHERE "sequence" = ANY(${sequences(rows)}::bigint[])`;
}

async function markFailed(tx: Tx, rows: readonly OutboxRow[], error: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "OutboxEvent" SET "attempts" = "attempts" + 1, "lastError" = ${error.slice(0, 2000)}
    WHERE "sequence" = ANY(${sequences(rows)}::bigint[])`;
}

/** Unsent events and the age of the oldest, for metrics: how far the relay is behind. */
export async function outboxBacklog(db: Database): Promise<{ pending: number; oldestAgeSeconds: number }> {
  const [row] = await db.$queryRaw<{ pending: bigint; oldest: Date | null }[]>`
    SELECT count(*) AS "pending", min("occurredAt") AS "oldest" FROM "OutboxEvent" WHERE "sentAt" IS NULL`;
  const oldest = row?.oldest ?? null;
  return {
    pending: Number(row?.pending ?? 0),
    oldestAgeSeconds: oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0,
  };
}

export interface RelayLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface RelayOptions {
  db: Database;
  /** The BullMQ events queue (with the deployment's hash-tagged prefix). */
  queue: Queue;
  log: RelayLogger;
  /** Rows per claim; a full batch is followed at once by the next. */
  batchSize?: number;
  /** Poll interval while the outbox is empty. */
  idleMs?: number;
  /** Longest wait between attempts while Redis or Postgres fails. */
  maxBackoffMs?: number;
  /** How long Redis may take to accept a batch before it counts as failed (the claim is released). */
  enqueueTimeoutMs?: number;
  /** A dedicated connection to receive wake-ups on `wakeChannel` (a subscribed connection can do nothing else). */
  subscriber?: Redis;
  wakeChannel?: string;
  /** Called after every claim, for metrics. */
  onBatch?: (result: BatchResult) => void;
}

export interface BatchResult {
  claimed: number;
  sent: number;
  error?: string;
}

export class OutboxRelay {
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly maxBackoffMs: number;
  private readonly enqueueTimeoutMs: number;
  private running: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;
  private wakePending = false;
  private interrupt: (() => void) | null = null;
  private interruptible = false;

  constructor(private readonly options: RelayOptions) {
    this.batchSize = options.batchSize ?? 100;
    this.idleMs = options.idleMs ?? 200;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.enqueueTimeoutMs = options.enqueueTimeoutMs ?? 5_000;
  }

  /** Claims one batch and sends it; failures are recorded on the rows, not thrown. */
  async relayOnce(): Promise<BatchResult> {
    const { db, queue } = this.options;
    const result = await db.$transaction(
      async (tx): Promise<BatchResult> => {
        const rows = await claimUnsent(tx, this.batchSize);
        if (rows.length === 0) return { claimed: 0, sent: 0 };
        try {
          await withTimeout(
            enqueueEvents(queue, rows),
            this.enqueueTimeoutMs,
            "adding the batch to the queue",
          );
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          await markFailed(tx, rows, message);
          return { claimed: rows.length, sent: 0, error: message };
        }
        await markSent(tx, rows);
        return { claimed: rows.length, sent: rows.length };
      },
      { maxWait: 5_000, timeout: this.enqueueTimeoutMs + 10_000 },
    );
    this.options.onBatch?.(result);
    return result;
  }

  start(): void {
    if (this.running) return;
    this.stopped = false;
    const { subscriber, wakeChannel } = this.options;
    if (subscriber && wakeChannel) {
      subscriber.on("message", this.onMessage);
      // A wake-up published before the subscription is in place is lost, so the relay polls once
      // more when it is: a commit in that window does not wait for the idle tick.
      void subscriber.subscribe(wakeChannel).then(
        () => this.wake(),
        (error: unknown) => {
          this.options.log.warn({ err: error }, "outbox relay: wake-up channel unavailable, polling only");
        },
      );
    }
    this.running = this.loop();
  }

  /** Polls at once (if idle) instead of waiting for the next tick; backoff after failures is kept. */
  wake(): void {
    if (this.interrupt && this.interruptible) this.interrupt();
    else this.wakePending = true;
  }

  /** Finishes the batch in hand, then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.interrupt?.();
    const { subscriber, wakeChannel } = this.options;
    if (subscriber && wakeChannel) {
      subscriber.off("message", this.onMessage);
      await subscriber.unsubscribe(wakeChannel).catch(() => undefined);
    }
    await this.running;
    this.running = null;
  }

  private readonly onMessage = (channel: string) => {
    if (channel === this.options.wakeChannel) this.wake();
  };

  private async loop(): Promise<void> {
    const { log } = this.options;
    while (!this.stopped) {
      let delay = this.idleMs;
      let interruptible = true;
      try {
        const result = await this.relayOnce();
        if (result.error) throw new Error(result.error);
        if (this.failures > 0) log.info({ after: this.failures }, "outbox relay recovered");
        this.failures = 0;
        if (result.sent > 0) log.debug({ sent: result.sent }, "outbox relay sent events");
        if (result.claimed === this.batchSize) delay = 0;
      } catch (error) {
        this.failures += 1;
        delay = this.backoff();
        interruptible = false;
        log.warn(
          { err: error, failures: this.failures, retryInMs: delay },
          "outbox relay failed; will retry",
        );
      }
      if (this.wakePending && interruptible) {
        this.wakePending = false;
        delay = 0;
      }
      if (delay > 0 && !this.stopped) await this.sleep(delay, interruptible);
    }
  }

  private backoff(): number {
    const base = Math.min(this.maxBackoffMs, this.idleMs * 2 ** Math.min(this.failures, 20));
    return Math.round(base * (0.5 + Math.random() / 2));
  }

  private sleep(ms: number, interruptible: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.interrupt = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interrupt = done;
      this.interruptible = interruptible;
    });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
