import type { Database } from "@samspill/database";
import {
  eventPayloads,
  liveTopics,
  type OfferSnapshot,
  offerSnapshotSelect,
  overviewChange,
  queueNames,
  toOfferSnapshot,
} from "@samspill/events";
import type { Redis } from "ioredis";
import type pg from "pg";
import { type LagStages, lagStages } from "./lag-stages.js";
import { percentile } from "./stats.js";

// Event-to-overview lag through the real path: a writer commits an offer change and its
// `offer.updated` outbox row atomically (one statement; the payload validated as recordEvent
// does) and publishes the relay wake-up, as the gateway does after a mutation; the worker's
// relay moves the row to BullMQ, the projector applies it to the read model and announces it
// on Redis pub/sub. The projector announces every event it processed, flagged unchanged when it
// left the overview as it was (a redelivered duplicate, a late version), so every event is
// counted; the lag of an event is from its commit to its first announcement arriving here. The writer is kept cheap on purpose: in production the writes come from many gateway
// processes, and here it must not take the CPU the worker is measured on.

export interface LagResult {
  published: number;
  /** Writes that failed (the writer could not get a connection or a transaction in time). */
  failed: number;
  /** Events per second actually achieved by the writer. */
  rate: number;
  /** Events announced, changed or not: once all are, the overview is current up to every one. */
  received: number;
  /** Of those, the ones the projector processed without changing the overview. */
  unchanged: number;
  p50: number;
  p99: number;
  max: number;
  /** Where the lag accrued (lag-stages.ts). */
  stages?: LagStages;
}

export interface LagOptions {
  /** Reads the offers to edit. */
  db: Database;
  /** Writes the events; a pool so that several commits can be in flight. */
  writer: pg.Pool;
  /** A connection to subscribe with (it can do nothing else afterwards). */
  subscriber: Redis;
  publisher: Redis;
  prefix: string;
  eventsPerSecond: number;
  seconds: number;
  /** How long to wait for the last events after publishing stops. */
  drainMs?: number;
}

/** Toggles a language so every event moves counters in the read model, as a real edit would. */
function edited(s: OfferSnapshot): OfferSnapshot {
  const languages = s.languages.includes("en")
    ? s.languages.filter((l) => l !== "en")
    : [...s.languages, "en"];
  return { ...s, version: s.version + 1, languages };
}

export async function measureLag(options: LagOptions): Promise<LagResult> {
  const { db, prefix } = options;
  const total = options.eventsPerSecond * options.seconds;
  const rows = await db.offer.findMany({
    where: { status: "PUBLISHED" },
    select: offerSnapshotSelect,
    orderBy: { id: "asc" },
    // Enough offers that the same one comes round only every few seconds.
    take: Math.min(2_000, total),
  });
  const offers = rows.map(toOfferSnapshot);
  const committedAt = new Map<string, number>();
  const lags: number[] = [];
  // Epoch milliseconds per event, to split the lag by stage afterwards.
  const written: string[] = [];
  const announcedAt = new Map<string, number>();
  const receivedAt = new Map<string, number>();
  let unchanged = 0;
  const topic = liveTopics(prefix);
  await options.subscriber.psubscribe(`${topic.overviewChanged}:*`);
  options.subscriber.on("pmessage", (_pattern, _channel, message) => {
    const change = overviewChange.parse(JSON.parse(message));
    const at = change.eventId ? committedAt.get(change.eventId) : undefined;
    if (at === undefined || !change.eventId) return;
    committedAt.delete(change.eventId);
    if (!change.changed) unchanged += 1;
    announcedAt.set(change.eventId, Date.parse(change.changedAt));
    receivedAt.set(change.eventId, Date.now());
    lags.push(Math.max(0, performance.now() - at));
  });

  let failed = 0;
  const write = async (index: number) => {
    const offer = offers[index % offers.length]!;
    const next = edited(offer);
    offers[index % offers.length] = next;
    const payload = eventPayloads["offer.updated"].parse({ offer: next, changedFields: ["languages"] });
    const eventId = await options.writer
      .query<{ id: string }>(
        `WITH changed AS (
           UPDATE "Offer" SET "languages" = $2::text[], "version" = $3, "updatedAt" = now()
           WHERE "id" = $1::uuid RETURNING "id", "providerId")
         INSERT INTO "OutboxEvent" ("id", "type", "aggregateType", "aggregateId", "organisationId", "payload")
         SELECT gen_random_uuid(), 'offer.updated', 'Offer', "id"::text, "providerId", $4::jsonb FROM changed
         RETURNING "id"::text AS "id"`,
        [next.id, next.languages, next.version, JSON.stringify(payload)],
      )
      .then((r) => r.rows[0]?.id ?? null)
      .catch(() => null);
    if (eventId === null) {
      failed += 1;
      return;
    }
    committedAt.set(eventId, performance.now());
    written.push(eventId);
    // What the gateway does after a mutation: the relay polls at once instead of at its next tick.
    options.publisher.publish(topic.outboxWake, "1").catch(() => undefined);
  };

  // Open loop: event i is due at start + i/rate whatever happened to the ones before it.
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / options.eventsPerSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(write(i));
  }
  await Promise.all(pending);
  const publishedFor = (performance.now() - started) / 1000;
  const drainUntil = performance.now() + (options.drainMs ?? 15_000);
  while (committedAt.size > 0 && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 100));
  await options.subscriber.punsubscribe();
  const stages = await lagStages(
    options.writer,
    options.publisher,
    `${prefix}:${queueNames.events}`,
    written,
    announcedAt,
    receivedAt,
  ).catch(() => undefined);
  const sorted = [...lags].sort((a, b) => a - b);
  return {
    published: total - failed,
    failed,
    rate: total / publishedFor,
    received: lags.length,
    unchanged,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
    stages,
  };
}
