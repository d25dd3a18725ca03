import type { Queue } from "bullmq";

/**
 * Bulk work gives way to the live events queue. A digest run on the same two cores as the live
 * worker held the overview's lag at p99 700 ms: not through the bulk process's own CPU (a nice of
 * 19 changed nothing) but through its Postgres backends and the SMTP server, which the kernel
 * schedules like anything else. So a bulk job asks the gate before each unit of work (one mail),
 * and the gate holds it while the events queue has jobs waiting that a live worker is behind on.
 *
 * Two bounds keep the bulk work moving: it waits only while some worker is taking events (no
 * active job means no live worker: waiting for one would stall the digests for nothing), and at
 * most `maxWaitMs` a call, so a live queue that never empties still lets the bulk work through.
 */
export interface LiveBacklog {
  /** Event jobs not yet taken by a worker. */
  waiting: number;
  /** Event jobs a worker holds now. */
  active: number;
}

export interface LiveGateOptions {
  /** Reads the events queue's counts (one Redis round trip). */
  backlog: () => Promise<LiveBacklog>;
  /** How long a reading is trusted, and the step of a wait. */
  pollMs?: number;
  /** The longest one call waits. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface LiveGate {
  /** Resolves once the live queue has no backlog, or after `maxWaitMs`. */
  (): Promise<void>;
  /** Milliseconds during which bulk work was held here so far (wall time, for the worker's log). */
  readonly waitedMs: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function liveGate(options: LiveGateOptions): LiveGate {
  const {
    backlog,
    pollMs = 20,
    maxWaitMs = 500,
    sleep = defaultSleep,
    now = () => performance.now(),
  } = options;
  let reading: { at: number; behind: boolean } | null = null;
  // Many lanes ask at once: they share one reading, and one round trip in flight.
  let inFlight: Promise<boolean> | null = null;
  let waitedMs = 0;

  async function behind(): Promise<boolean> {
    if (reading && now() - reading.at < pollMs) return reading.behind;
    inFlight ??= backlog()
      .then((counts) => {
        const at = now();
        reading = { at, behind: counts.waiting > 0 && counts.active > 0 };
        return reading.behind;
      })
      // A failed reading lets the bulk work through: Redis trouble shows up elsewhere.
      .catch(() => false)
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  // Wall time during which at least one caller was held: lanes held side by side count once.
  let holding = 0;
  let holdingSince = 0;
  const gate = async () => {
    const started = now();
    let held = false;
    while (now() - started < maxWaitMs && (await behind())) {
      if (!held) {
        held = true;
        if (holding++ === 0) holdingSince = now();
      }
      await sleep(pollMs);
    }
    if (held && --holding === 0) waitedMs += now() - holdingSince;
  };
  Object.defineProperty(gate, "waitedMs", { get: () => waitedMs });
  return gate as LiveGate;
}

/** The events queue's backlog as the gate reads it: one script call in Redis. */
export function queueBacklog(queue: Queue): () => Promise<LiveBacklog> {
  return async () => {
    const counts = await queue.getJobCounts("waiting", "active");
    return { waiting: counts.waiting ?? 0, active: counts.active ?? 0 };
  };
}

/** A gate that never waits: for the live role, and for callers outside a worker. */
export const openGate: LiveGate = Object.assign(async () => undefined, { waitedMs: 0 });
