import type { Database } from "@samspill/database";
import { eventJobData, offerSnapshot, publishOverviewChange, queueNames } from "@samspill/events";
import { type ProjectionInput, type ProjectionResult, projectOffers } from "@samspill/read-model";
import { z } from "zod";
import { defineJob, type JobContext } from "./types.js";

const offerEvents = ["offer.created", "offer.updated", "offer.status_changed"] as const;

/** Offer events carry the whole offer, so the projector never reads the offer tables. */
const schema = eventJobData.extend({
  type: z.enum(offerEvents),
  payload: z.object({ offer: offerSnapshot }),
});

export const projectOverview = defineJob({
  queue: queueNames.events,
  name: "project-overview",
  handles: offerEvents,
  schema,
  async handle(event, ctx) {
    const result = await batcherOf(ctx.db).project({
      snapshot: event.payload.offer,
      eventSequence: BigInt(event.sequence),
    });
    ctx.metrics.eventLag.observe(
      { decision: result.decision },
      (Date.now() - Date.parse(event.occurredAt)) / 1000,
    );
    // Every processed event is announced, so a client (and the bench) knows the overview is
    // current up to it; one that changed nothing visible goes to the trusts of the offer's own
    // municipalities, flagged unchanged, and gateways pass it on to no one.
    const changed = result.decision === "apply" && result.municipalityNumbers.length > 0;
    await announce(ctx, {
      eventId: event.id,
      offerId: result.offerId,
      municipalityNumbers: changed ? result.municipalityNumbers : event.payload.offer.municipalityNumbers,
      changed,
    });
    return { decision: result.decision, changed };
  },
});

/** Events in one transaction at most: a batch stays a short transaction however deep the queue. */
const maxBatch = 256;

/**
 * Gathers the offer events this process holds (WORKER_EVENTS_CONCURRENCY of them) into one
 * projection transaction. While a batch commits the next one gathers, so an idle worker adds no
 * wait and a busy one pays one commit for many events. Each job still gets its own result; when a
 * batch fails, its events are projected one by one so that only the event at fault fails (and is
 * retried or kept for redrive), as without batching.
 */
class ProjectionBatcher {
  private waiting: { input: ProjectionInput; settle: (r: Promise<ProjectionResult>) => void }[] = [];
  private running = false;

  constructor(private readonly db: Database) {}

  project(input: ProjectionInput): Promise<ProjectionResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ input, settle: (r) => r.then(resolve, reject) });
      // The jobs BullMQ hands over in the same turn of the event loop go in together.
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      await this.drainWaiting();
    } finally {
      this.running = false;
    }
  }

  private async drainWaiting(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, maxBatch);
      const together = projectOffers(
        this.db,
        batch.map((b) => b.input),
      );
      try {
        const results = await together;
        for (const [i, b] of batch.entries()) b.settle(Promise.resolve(results[i]!));
      } catch {
        if (batch.length === 1) {
          batch[0]!.settle(together.then((r) => r[0]!));
          continue;
        }
        await Promise.all(
          batch.map((b) => {
            const alone = projectOffers(this.db, [b.input]).then((r) => r[0]!);
            b.settle(alone);
            return alone.catch(() => undefined);
          }),
        );
      }
    }
  }
}

const batchers = new WeakMap<Database, ProjectionBatcher>();

function batcherOf(db: Database): ProjectionBatcher {
  const batcher = batchers.get(db) ?? new ProjectionBatcher(db);
  batchers.set(db, batcher);
  return batcher;
}

interface Announcement {
  eventId: string;
  offerId: string;
  municipalityNumbers: readonly string[];
  changed: boolean;
}

/**
 * Tells gateways which trusts' overviews an event was processed for and whether it changed them.
 * A lost message costs only a refetch (clients reload on reconnect), so a Redis hiccup here is
 * logged rather than failing the processed event. An offer in no trust's catchment has no one to
 * tell.
 */
async function announce(ctx: JobContext, { eventId, offerId, municipalityNumbers, changed }: Announcement) {
  const trusts = await trustOfMunicipality(ctx.db);
  const byTrust = new Map<string, string[]>();
  for (const number of [...new Set(municipalityNumbers)].sort()) {
    const trust = trusts.get(number);
    if (trust) byTrust.set(trust, [...(byTrust.get(trust) ?? []), number]);
  }
  const changedAt = new Date().toISOString();
  try {
    for (const [hospitalTrustId, numbers] of byTrust) {
      await publishOverviewChange(ctx.redis, ctx.prefix, {
        hospitalTrustId,
        municipalityNumbers: numbers,
        offerId,
        eventId,
        reason: "EVENT",
        changed,
        changedAt,
      });
    }
  } catch (error) {
    ctx.log.warn({ err: error, eventId }, "overview event processed, but the live notification failed");
  }
}

/**
 * Each municipality's hospital trust, read once a minute instead of once per event: catchments
 * are redrawn rarely, and a stale minute only sends a live hint to the trust it used to belong to.
 */
const trustMaps = new WeakMap<Database, { at: number; map: Promise<Map<string, string>> }>();
const trustMapMs = 60_000;

function trustOfMunicipality(db: Database): Promise<Map<string, string>> {
  const cached = trustMaps.get(db);
  if (cached && Date.now() - cached.at < trustMapMs) return cached.map;
  const map = db.municipality
    .findMany({ where: { hospitalTrustId: { not: null } }, select: { number: true, hospitalTrustId: true } })
    .then((rows) => new Map(rows.flatMap((m) => (m.hospitalTrustId ? [[m.number, m.hospitalTrustId]] : []))));
  trustMaps.set(db, { at: Date.now(), map });
  map.catch(() => trustMaps.delete(db));
  return map;
}
