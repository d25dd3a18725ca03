import type { Database } from "@samspill/database";
import { describeFilter, matchesFilter, offerWhere, type SubscriberFilter } from "./filters.js";
import { classifyOfferChanges, type OfferChange, type OfferEvent } from "./offer-changes.js";
import { osloDay } from "./oslo.js";

// The weekly digest's content for one subscriber: offer changes since their last digest (from
// the outbox log), sessions in the next two weeks and agreements expiring within 90 days, all
// narrowed to the subscriber's municipalities, priority groups and diagnosis groups.

export const sessionHorizonDays = 14;
export const agreementHorizonDays = 90;
/** A digest never reaches further back than this, however long ago the last one went out. */
export const longestLookbackDays = 56;

export interface DigestOffer extends OfferChange {
  providerName: string;
}

export interface DigestSession {
  id: string;
  offerId: string;
  offerTitle: string;
  providerName: string;
  startsAt: Date;
  location: string | null;
  online: boolean;
  /** Free places; null when the session has no capacity. */
  seatsLeft: number | null;
  /** People registered: a count the template publishes only through the small-count rule. */
  registrations: number;
}

export interface DigestAgreement {
  id: string;
  title: string;
  subAgreement: string | null;
  validTo: Date;
  parties: string[];
  /** The parties' ids, to show the agreement only to their members. */
  partyIds: string[];
}

export interface DigestContent {
  recipientName: string;
  since: Date;
  until: Date;
  filter: SubscriberFilter;
  /** The filter in words, e.g. ["Molde", "Barn og unge"]; empty when unfiltered. */
  filterNames: string[];
  offers: DigestOffer[];
  sessions: DigestSession[];
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
  sessions(filter: SubscriberFilter, until: Date): Promise<DigestSession[]>;
  agreements(filter: SubscriberFilter, until: Date): Promise<DigestAgreement[]>;
  filterNames(filter: SubscriberFilter): Promise<string[]>;
  /** Provider names by id; each id is read once per run. */
  providerNames(ids: readonly string[]): Promise<Map<string, string>>;
  /**
   * The offer changes of `events` in (since, until]: classified once per window, as most
   * subscribers share one (a week back, or their last digest of the same run).
   */
  changes(events: readonly OfferEvent[], since: Date, until: Date): OfferChange[];
}

export function digestLookups(db: Database): DigestLookups {
  const memo = new Map<string, Promise<unknown>>();
  const names = new Map<string, Promise<string>>();
  const windows = new WeakMap<readonly OfferEvent[], Map<string, OfferChange[]>>();
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
    const key = JSON.stringify([
      kind,
      until?.getTime() ?? null,
      [...filter.municipalityNumbers].sort(),
      [...filter.priorityGroups].sort(),
      [...filter.diagnosisGroups].sort(),
      [...(filter.hospitalTrustIds ?? [])].sort(),
    ]);
    let hit = memo.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = read();
      memo.set(key, hit);
      // A failed read is not remembered: the next subscriber tries again.
      hit.catch(() => memo.delete(key));
    }
    return hit;
  };
  return {
    changes(events, since, until) {
      let byWindow = windows.get(events);
      if (!byWindow) {
        byWindow = new Map();
        windows.set(events, byWindow);
      }
      const key = `${since.getTime()}:${until.getTime()}`;
      let found = byWindow.get(key);
      if (!found) {
        found = classifyOfferChanges(events.filter((e) => e.occurredAt > since && e.occurredAt <= until));
        byWindow.set(key, found);
      }
      return found;
    },
    sessions: (filter, until) => once("sessions", filter, until, () => upcomingSessions(db, filter, until)),
    agreements: (filter, until) =>
      once("agreements", filter, until, () => expiringAgreements(db, filter, until)),
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
    sessions,
    agreements: agreements.filter((a) =>
      a.partyIds.some((id) => input.recipientOrganisationIds.includes(id)),
    ),
  };
}

async function upcomingSessions(
  db: Database,
  filter: SubscriberFilter,
  from: Date,
): Promise<DigestSession[]> {
  const rows = await db.offerSession.findMany({
    where: {
      cancelled: false,
      startsAt: { gte: from, lt: new Date(from.getTime() + sessionHorizonDays * 86_400_000) },
      offer: { status: "PUBLISHED", ...offerWhere(filter) },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 30,
    select: {
      id: true,
      startsAt: true,
      location: true,
      onlineUrl: true,
      capacity: true,
      registrations: true,
      offer: { select: { id: true, title: true, provider: { select: { name: true } } } },
    },
  });
  return rows.map((s) => ({
    id: s.id,
    offerId: s.offer.id,
    offerTitle: s.offer.title,
    providerName: s.offer.provider.name,
    startsAt: s.startsAt,
    location: s.location,
    online: s.onlineUrl !== null,
    seatsLeft: s.capacity === null ? null : Math.max(0, s.capacity - s.registrations),
    registrations: s.registrations,
  }));
}

/**
 * Active agreements ending within 90 days. With a municipality filter, only those with one of
 * the municipalities or their hospital trust as a party.
 */
async function expiringAgreements(
  db: Database,
  filter: SubscriberFilter,
  now: Date,
): Promise<DigestAgreement[]> {
  const municipalities = [...filter.municipalityNumbers];
  const rows = await db.agreement.findMany({
    where: {
      status: "ACTIVE",
      validTo: { gte: osloDay(now), lte: osloDay(now, agreementHorizonDays) },
      ...(municipalities.length > 0
        ? {
            parties: {
              some: {
                organisation: {
                  OR: [
                    { municipalityNumber: { in: municipalities } },
                    { catchment: { some: { number: { in: municipalities } } } },
                  ],
                },
              },
            },
          }
        : {}),
    },
    orderBy: [{ validTo: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      subAgreement: true,
      validTo: true,
      parties: {
        select: { organisationId: true, organisation: { select: { name: true } } },
        orderBy: { organisationId: "asc" },
      },
    },
  });
  return rows.map((a) => ({
    id: a.id,
    title: a.title,
    subAgreement: a.subAgreement,
    validTo: a.validTo as Date,
    parties: a.parties.map((p) => p.organisation.name),
    partyIds: a.parties.map((p) => p.organisationId),
  }));
}
