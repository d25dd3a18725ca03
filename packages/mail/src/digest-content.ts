import type { Database } from "@samspill/database";
import {
  type DigestAgreement,
  type DigestCatalogue,
  type DigestSession,
  type DigestSessions,
  expiringAgreements,
  upcomingSessions,
} from "./digest-catalogue.js";
import { describeFilter, matchesFilter, type SubscriberFilter } from "./filters.js";
import { classifyOfferChanges, type OfferChange, type OfferEvent } from "./offer-changes.js";

export {
  agreementHorizonDays,
  type DigestAgreement,
  type DigestSession,
  type DigestSessions,
  sessionHorizonDays,
  shownPerSection,
} from "./digest-catalogue.js";

// The weekly digest's content for one subscriber: offer changes since their last digest (from
// the outbox log), sessions in the next two weeks and agreements expiring within 90 days, all
// narrowed to the subscriber's municipalities, priority groups and diagnosis groups.

/** A digest never reaches further back than this, however long ago the last one went out. */
export const longestLookbackDays = 56;

export interface DigestOffer extends OfferChange {
  providerName: string;
}

export interface DigestContent {
  recipientName: string;
  since: Date;
  until: Date;
  filter: SubscriberFilter;
  /** The filter in words, e.g. ["Molde", "Barn og unge"]; empty when unfiltered. */
  filterNames: string[];
  /** Every offer change of the window in the filter (the mail lists the latest of each kind). */
  offers: DigestOffer[];
  /** The first sessions of the horizon (shownPerSection at most)… */
  sessions: DigestSession[];
  /** …and how many more of the filter there are in it. */
  moreSessions: number;
  agreements: DigestAgreement[];
}

export function isEmptyDigest(content: DigestContent): boolean {
  return content.offers.length === 0 && content.sessions.length === 0 && content.agreements.length === 0;
}

/** The earliest start of any digest window ending at `until`. */
export function lookbackFloor(until: Date): Date {
  return new Date(until.getTime() - longestLookbackDays * 86_400_000);
}

/** Where the digest window starts: the last digest's claim, or a week back for a first one. */
export function digestSince(lastDigestAt: Date | null, until: Date): Date {
  const floor = lookbackFloor(until);
  const start = lastDigestAt ?? new Date(until.getTime() - 7 * 86_400_000);
  return new Date(Math.max(start.getTime(), floor.getTime()));
}

export interface DigestInput {
  recipientName: string;
  /**
   * The organisations the recipient belongs to. Agreements are cooperation records, not public:
   * a digest lists only agreements one of these is a party to (none for a member of the public).
   */
  recipientOrganisationIds: readonly string[];
  filter: SubscriberFilter;
  since: Date;
  until: Date;
  /** Offer events of at least the window (a job loads them once for every subscriber). */
  events: readonly OfferEvent[];
  /** Shared by the subscribers of one run, so equal filters are looked up once. */
  lookups?: DigestLookups;
}

/**
 * What a digest reads besides the event log, memoised by filter: subscribers of one run share
 * `until`, and many share a filter (none, or the same priority or diagnosis groups).
 */
export interface DigestLookups {
  sessions(filter: SubscriberFilter, until: Date): Promise<DigestSessions>;
  agreements(filter: SubscriberFilter, until: Date): Promise<DigestAgreement[]>;
  filterNames(filter: SubscriberFilter): Promise<string[]>;
  /** Provider names by id; each id is read once per run. */
  providerNames(ids: readonly string[]): Promise<Map<string, string>>;
  /**
   * The offer changes of `events` in (since, until]: classified once per window, as most
   * subscribers share one (a week back, or their last digest of the same run).
   */
  changes(events: readonly OfferEvent[], since: Date, until: Date): OfferChange[];
  /** Equal for two windows of `events` exactly when they hold the same events. */
  window(events: readonly OfferEvent[], since: Date, until: Date): string;
}

/** Equal for filters that select the same (the order of a filter's values does not matter). */
export function filterKey(filter: SubscriberFilter): string {
  return JSON.stringify([
    [...filter.municipalityNumbers].sort(),
    [...filter.priorityGroups].sort(),
    [...filter.diagnosisGroups].sort(),
    [...(filter.hospitalTrustIds ?? [])].sort(),
  ]);
}

/**
 * Equal for two window starts exactly when `events` holds the same events after each: the
 * first event time after `since` (recipients' last digests went out seconds apart, yet most
 * windows hold the same events).
 */
function windowStart(times: readonly number[], since: Date): number | null {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((times[mid] as number) <= since.getTime()) low = mid + 1;
    else high = mid;
  }
  return times[low] ?? null;
}

/**
 * `catalogue`: the sessions and agreements of a run's `until`, read once (loadDigestCatalogue);
 * without it each distinct filter is a query.
 */
export function digestLookups(db: Database, catalogue?: DigestCatalogue): DigestLookups {
  const memo = new Map<string, Promise<unknown>>();
  const names = new Map<string, Promise<string>>();
  const windows = new WeakMap<readonly OfferEvent[], Map<string, OfferChange[]>>();
  const eventTimes = new WeakMap<readonly OfferEvent[], number[]>();
  const timesOf = (events: readonly OfferEvent[]) => {
    let times = eventTimes.get(events);
    if (!times) {
      times = events.map((e) => e.occurredAt.getTime()).sort((a, b) => a - b);
      eventTimes.set(events, times);
    }
    return times;
  };
  const windowKey = (events: readonly OfferEvent[], since: Date, until: Date) =>
    `${windowStart(timesOf(events), since) ?? "none"}:${until.getTime()}`;
  // Every municipality by name, read once: most filters are a few municipalities of one's own,
  // seldom shared, and naming each with its own query was a query per subscriber.
  let places: Promise<{ number: string; name: string }[]> | null = null;
  const municipalities = () => {
    if (!places) {
      const read = db.municipality.findMany({
        orderBy: { name: "asc" },
        select: { number: true, name: true },
      });
      places = read;
      read.catch(() => {
        places = null;
      });
    }
    return places;
  };
  const once = <T>(kind: string, filter: SubscriberFilter, until: Date | null, read: () => Promise<T>) => {
    const key = `${kind}:${until?.getTime() ?? ""}:${filterKey(filter)}`;
    let hit = memo.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = read();
      memo.set(key, hit);
      // A failed read is not remembered: the next subscriber tries again.
      hit.catch(() => memo.delete(key));
    }
    return hit;
  };
  // From the run's catalogue when it is for the same `until`, else a query per filter.
  const listed = catalogue
    ? (until: Date) => (until.getTime() === catalogue.until.getTime() ? catalogue : null)
    : () => null;
  return {
    window: windowKey,
    changes(events, since, until) {
      let byWindow = windows.get(events);
      if (!byWindow) {
        byWindow = new Map();
        windows.set(events, byWindow);
      }
      const key = windowKey(events, since, until);
      let found = byWindow.get(key);
      if (!found) {
        found = classifyOfferChanges(events.filter((e) => e.occurredAt > since && e.occurredAt <= until));
        byWindow.set(key, found);
      }
      return found;
    },
    sessions: (filter, until) =>
      once("sessions", filter, until, async () => {
        const from = listed(until);
        return from ? from.sessions(filter) : upcomingSessions(db, filter, until);
      }),
    agreements: (filter, until) =>
      once("agreements", filter, until, async () => {
        const from = listed(until);
        return from ? from.agreements(filter) : expiringAgreements(db, filter, until);
      }),
    filterNames: (filter) => once("names", filter, null, () => describeFilter(db, filter, municipalities)),
    async providerNames(ids) {
      const missing = [...new Set(ids)].filter((id) => !names.has(id));
      if (missing.length > 0) {
        const read = db.organisation
          .findMany({ where: { id: { in: missing } }, select: { id: true, name: true } })
          .then((rows) => new Map(rows.map((r) => [r.id, r.name])));
        for (const id of missing)
          names.set(
            id,
            read.then((found) => found.get(id) ?? ""),
          );
        // A failed read is not remembered: the next digest asks again.
        read.catch(() => {
          for (const id of missing) names.delete(id);
        });
      }
      const resolved = await Promise.all(ids.map(async (id) => [id, await names.get(id)] as const));
      return new Map(resolved.map(([id, name]) => [id, name ?? ""]));
    },
  };
}

export async function buildDigest(db: Database, input: DigestInput): Promise<DigestContent> {
  const { filter, since, until } = input;
  const lookups = input.lookups ?? digestLookups(db);
  const changes = lookups.changes(input.events, since, until).filter((c) => matchesFilter(filter, c.offer));
  const [providerNames, sessions, agreements, filterNames] = await Promise.all([
    lookups.providerNames(changes.map((c) => c.offer.providerId)),
    lookups.sessions(filter, until),
    lookups.agreements(filter, until),
    lookups.filterNames(filter),
  ]);
  return {
    recipientName: input.recipientName,
    since,
    until,
    filter,
    filterNames,
    offers: changes.map((c) => ({ ...c, providerName: providerNames.get(c.offer.providerId) ?? "" })),
    sessions: sessions.shown,
    moreSessions: sessions.more,
    agreements: agreements.filter((a) =>
      a.partyIds.some((id) => input.recipientOrganisationIds.includes(id)),
    ),
  };
}
