import type { Database } from "@samspill/database";
import { eventJobData, offerSnapshot, publishOverviewChange, queueNames } from "@samspill/events";
import { projectOffer } from "@samspill/read-model";
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
    const result = await projectOffer(ctx.db, event.payload.offer, BigInt(event.sequence));
    ctx.metrics.eventLag.observe(
      { decision: result.decision },
      (Date.now() - Date.parse(event.occurredAt)) / 1000,
    );
    if (result.decision === "apply" && result.municipalityNumbers.length > 0)
      await announce(ctx, event.id, result.offerId, result.municipalityNumbers);
    return { decision: result.decision };
  },
});

/**
 * Tells gateways which trusts' overviews changed. A lost message costs only a refetch (clients
 * reload on reconnect), so a Redis hiccup here is logged rather than failing the applied event.
 */
async function announce(ctx: JobContext, eventId: string, offerId: string, municipalityNumbers: string[]) {
  const trusts = await trustOfMunicipality(ctx.db);
  const byTrust = new Map<string, string[]>();
  for (const number of [...municipalityNumbers].sort()) {
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
        changedAt,
      });
    }
  } catch (error) {
    ctx.log.warn({ err: error, eventId }, "overview applied, but the live notification failed");
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
