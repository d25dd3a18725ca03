import type { Database } from "@samspill/database";
import type { OfferStatus } from "@samspill/domain";
import { type EventPayload, type OfferSnapshot, parseEvent } from "@samspill/events";

// What happened to offers in a window, read from the outbox log: the log is the change feed, so
// a digest tells exactly what was recorded, in order, without diffing table snapshots.

export type OfferChangeKind = "NEW" | "UPDATED" | "PAUSED" | "ENDED";

export interface OfferChange {
  kind: OfferChangeKind;
  /** The offer as of its last event in the window. */
  offer: OfferSnapshot;
  at: Date;
}

export interface OfferEvent {
  type: "offer.created" | "offer.updated" | "offer.status_changed";
  occurredAt: Date;
  payload:
    | EventPayload<"offer.created">
    | EventPayload<"offer.updated">
    | EventPayload<"offer.status_changed">;
}

const offerEventTypes = ["offer.created", "offer.updated", "offer.status_changed"] as const;

/** Offer events with `since < occurredAt <= until`, oldest first, payloads validated. */
export async function loadOfferEvents(db: Database, since: Date, until: Date): Promise<OfferEvent[]> {
  const rows = await db.outboxEvent.findMany({
    where: { type: { in: [...offerEventTypes] }, occurredAt: { gt: since, lte: until } },
    orderBy: { sequence: "asc" },
  });
  return rows.map((row) => {
    const event = parseEvent(row);
    return { type: event.type, occurredAt: row.occurredAt, payload: event.payload } as OfferEvent;
  });
}

const visible = (status: OfferStatus | null) => status === "PUBLISHED" || status === "PAUSED";

/** The offer's status before the event. */
function statusBefore(event: OfferEvent): OfferStatus | null {
  if (event.type === "offer.created") return null;
  if (event.type === "offer.status_changed")
    return (event.payload as EventPayload<"offer.status_changed">).from;
  return event.payload.offer.status;
}

/**
 * One change per offer, comparing its status before the first and after the last event of the
 * window: published from nothing or a draft is NEW; edited or resumed while public is UPDATED;
 * public to paused is PAUSED; public to archived is ENDED. Drafts and edits of paused offers are
 * nobody's news.
 */
export function classifyOfferChanges(events: readonly OfferEvent[]): OfferChange[] {
  const byOffer = new Map<string, { first: OfferEvent; last: OfferEvent }>();
  for (const event of events) {
    const id = event.payload.offer.id;
    const seen = byOffer.get(id);
    if (seen) seen.last = event;
    else byOffer.set(id, { first: event, last: event });
  }
  const changes: OfferChange[] = [];
  for (const { first, last } of byOffer.values()) {
    const before = statusBefore(first);
    const offer = last.payload.offer;
    const kind = changeKind(before, offer.status);
    if (kind) changes.push({ kind, offer, at: last.occurredAt });
  }
  return changes.sort((a, b) => a.at.getTime() - b.at.getTime());
}

function changeKind(before: OfferStatus | null, after: OfferStatus): OfferChangeKind | null {
  if (after === "PUBLISHED") return visible(before) ? "UPDATED" : "NEW";
  if (after === "PAUSED" && before === "PUBLISHED") return "PAUSED";
  if (after === "ARCHIVED" && visible(before)) return "ENDED";
  return null;
}
