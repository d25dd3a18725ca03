import type { Redis } from "ioredis";
import type pg from "pg";
import { percentile } from "./stats.js";

// Where an event's lag accrues, from timestamps the path records anyway (one clock: one machine):
// the outbox row's `occurredAt` (the writer's commit) and `sentAt` (the relay's claim), the BullMQ
// job's `timestamp` (added), `processedOn` (taken by a worker) and the announcement's `changedAt`
// (projected), and the announcement's arrival here. Nothing in the worker is changed to measure.

export interface StageFigures {
  p50: number;
  p99: number;
  max: number;
}

export interface LagStages {
  /** Commit → the relay's claim of the row. */
  commitToClaim: StageFigures;
  /** Claim → the job added to the queue (the relay's transaction and the addBulk round trip). */
  claimToQueued: StageFigures;
  /** Added → a worker took it (queue wait). */
  queueWait: StageFigures;
  /** Taken → projected and announced (batch gathering, the projection transaction). */
  projection: StageFigures;
  /** Announced → the message arrived at the bench (Redis pub/sub and this process's event loop). */
  delivery: StageFigures;
  /** Announced → the job finished (the event's other handlers): not lag, but it holds a worker slot. */
  afterAnnouncing: StageFigures;
  /**
   * Median queue wait of the first and the last tenth of the events, in commit order: equal, the
   * worker stalled once and then kept pace; growing, it cannot keep up with the rate.
   */
  queueWaitFirstTenth: number;
  queueWaitLastTenth: number;
  /** Events whose every timestamp was found (the others are left out of the stages). */
  events: number;
  /**
   * Events a worker took whose announcement was not heard by the end of the drain: still being
   * projected then, or the message lost (the projector announces every event it processed).
   */
  notAnnounced: number;
}

const figures = (values: number[]): StageFigures => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 };
};

/**
 * `announcedAt` and `receivedAt` are per event id (epoch ms); `ids` are all events written.
 * `keyPrefix` is the events queue's key prefix, e.g. `{samspill}:events`.
 */
export async function lagStages(
  client: pg.Pool,
  redis: Redis,
  keyPrefix: string,
  ids: readonly string[],
  announcedAt: ReadonlyMap<string, number>,
  receivedAt: ReadonlyMap<string, number>,
): Promise<LagStages> {
  const rows = await client.query<{ id: string; occurred: number; sent: number | null }>(
    `SELECT "id"::text AS "id", extract(epoch FROM "occurredAt") * 1000 AS "occurred",
            extract(epoch FROM "sentAt") * 1000 AS "sent"
     FROM "OutboxEvent" WHERE "id" = ANY($1::uuid[]) ORDER BY "sequence"`,
    [ids],
  );
  const pipeline = redis.pipeline();
  for (const row of rows.rows)
    pipeline.hmget(`${keyPrefix}:${row.id}`, "timestamp", "processedOn", "finishedOn");
  const jobs = (await pipeline.exec()) ?? [];
  const stages = {
    commitToClaim: [] as number[],
    claimToQueued: [] as number[],
    queueWait: [] as number[],
    projection: [] as number[],
    delivery: [] as number[],
    afterAnnouncing: [] as number[],
  };
  let notAnnounced = 0;
  for (const [i, row] of rows.rows.entries()) {
    const [, fields] = jobs[i] ?? [];
    const [added, taken, finished] = ((fields as (string | null)[] | undefined) ?? []).map((v) =>
      v === null ? Number.NaN : Number(v),
    );
    const announced = announcedAt.get(row.id);
    const received = receivedAt.get(row.id);
    if (row.sent === null || added === undefined || taken === undefined) continue;
    if (Number.isNaN(added) || Number.isNaN(taken)) continue;
    if (announced === undefined || received === undefined) {
      notAnnounced += 1;
      continue;
    }
    const occurred = Number(row.occurred);
    const sent = Number(row.sent);
    stages.commitToClaim.push(sent - occurred);
    stages.claimToQueued.push(added - sent);
    stages.queueWait.push(taken - added);
    stages.projection.push(announced - taken);
    stages.delivery.push(received - announced);
    if (finished !== undefined && !Number.isNaN(finished)) stages.afterAnnouncing.push(finished - announced);
  }
  const tenth = Math.max(1, Math.floor(stages.queueWait.length / 10));
  return {
    queueWaitFirstTenth: figures(stages.queueWait.slice(0, tenth)).p50,
    queueWaitLastTenth: figures(stages.queueWait.slice(-tenth)).p50,
    commitToClaim: figures(stages.commitToClaim),
    claimToQueued: figures(stages.claimToQueued),
    queueWait: figures(stages.queueWait),
    projection: figures(stages.projection),
    delivery: figures(stages.delivery),
    afterAnnouncing: figures(stages.afterAnnouncing),
    events: stages.delivery.length,
    notAnnounced,
  };
}

export function describeStages(s: LagStages): string {
  const f = (x: StageFigures) => `${x.p50.toFixed(0)}/${x.p99.toFixed(0)}/${x.max.toFixed(0)}`;
  return `lag by stage, ms p50/p99/max (${s.events} events${s.notAnnounced ? `, ${s.notAnnounced} taken but not heard announced by the end` : ""}): commit→claim ${f(s.commitToClaim)}, claim→queued ${f(s.claimToQueued)}, queue wait ${f(s.queueWait)} (median first/last tenth ${s.queueWaitFirstTenth.toFixed(0)}/${s.queueWaitLastTenth.toFixed(0)}), taken→announced ${f(s.projection)}, announced→received ${f(s.delivery)} (then →job finished ${f(s.afterAnnouncing)})`;
}
