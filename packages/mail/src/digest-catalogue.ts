import type { Database, Prisma } from "@samspill/database";
import { matchesFilter, offerWhere, type SubscriberFilter } from "./filters.js";
import { osloDay } from "./oslo.js";

// What a weekly digest lists besides offer changes: sessions in the next two weeks and active
// agreements ending within 90 days, narrowed to the subscriber's filter. One digest (the
// preview) asks the database with its filter; a run's chunk reads both lists once, unfiltered,
// and narrows them in memory by the same rules (matchesFilter is offerWhere's rule), since its
// hundreds of subscribers have nearly as many filters and a query each was most of its statements.

export const sessionHorizonDays = 14;
export const agreementHorizonDays = 90;
/**
 * Entries a digest lists at most in each of its sections (each kind of offer change, the
 * sessions, the agreements); a line after the last one says how many more there are and links
 * to the hub page that lists them all. An unfiltered digest of a busy week listed about 210
 * changed offers, a mail nobody reads to the end (and 121 KB to build and send). Twenty is what
 * fits in a screen or two of a mail client per section, enough to show the week's pattern; the
 * rest is a click away on a page that can be searched and narrowed.
 */
export const shownPerSection = 20;

/** The first sessions a digest lists and how many more of its filter there are in the horizon. */
export interface DigestSessions {
  shown: DigestSession[];
  more: number;
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

const sessionWhere = (from: Date, offer: Prisma.OfferWhereInput): Prisma.OfferSessionWhereInput => ({
  cancelled: false,
  startsAt: { gte: from, lt: new Date(from.getTime() + sessionHorizonDays * 86_400_000) },
  offer: { status: "PUBLISHED", ...offer },
});
const sessionOrder: Prisma.OfferSessionOrderByWithRelationInput[] = [{ startsAt: "asc" }, { id: "asc" }];
const sessionSelect = {
  id: true,
  startsAt: true,
  location: true,
  onlineUrl: true,
  capacity: true,
  registrations: true,
  offer: {
    select: {
      id: true,
      title: true,
      provider: { select: { name: true } },
      priorityGroups: true,
      diagnosisGroups: true,
      municipalities: { select: { municipalityNumber: true } },
    },
  },
} satisfies Prisma.OfferSessionSelect;
type SessionRow = Prisma.OfferSessionGetPayload<{ select: typeof sessionSelect }>;

const toSession = (s: SessionRow): DigestSession => ({
  id: s.id,
  offerId: s.offer.id,
  offerTitle: s.offer.title,
  providerName: s.offer.provider.name,
  startsAt: s.startsAt,
  location: s.location,
  online: s.onlineUrl !== null,
  seatsLeft: s.capacity === null ? null : Math.max(0, s.capacity - s.registrations),
  registrations: s.registrations,
});

/** The first sessions of the horizon from `from` whose offer meets the filter, and the count of the rest. */
export async function upcomingSessions(
  db: Database,
  filter: SubscriberFilter,
  from: Date,
): Promise<DigestSessions> {
  const where = sessionWhere(from, offerWhere(filter));
  const [rows, all] = await Promise.all([
    db.offerSession.findMany({ where, orderBy: sessionOrder, take: shownPerSection, select: sessionSelect }),
    db.offerSession.count({ where }),
  ]);
  return { shown: rows.map(toSession), more: Math.max(0, all - rows.length) };
}

const agreementWindow = (now: Date): Prisma.AgreementWhereInput => ({
  status: "ACTIVE",
  validTo: { gte: osloDay(now), lte: osloDay(now, agreementHorizonDays) },
});
const agreementOrder: Prisma.AgreementOrderByWithRelationInput[] = [{ validTo: "asc" }, { id: "asc" }];
const agreementSelect = {
  id: true,
  title: true,
  subAgreement: true,
  validTo: true,
  parties: {
    select: {
      organisationId: true,
      organisation: {
        select: { name: true, municipalityNumber: true, catchment: { select: { number: true } } },
      },
    },
    orderBy: { organisationId: "asc" },
  },
} satisfies Prisma.AgreementSelect;
type AgreementRow = Prisma.AgreementGetPayload<{ select: typeof agreementSelect }>;

const toAgreement = (a: AgreementRow): DigestAgreement => ({
  id: a.id,
  title: a.title,
  subAgreement: a.subAgreement,
  validTo: a.validTo as Date,
  parties: a.parties.map((p) => p.organisation.name),
  partyIds: a.parties.map((p) => p.organisationId),
});

/**
 * Active agreements ending within 90 days. With a municipality filter, only those with one of
 * the municipalities or their hospital trust as a party.
 */
export async function expiringAgreements(
  db: Database,
  filter: SubscriberFilter,
  now: Date,
): Promise<DigestAgreement[]> {
  const municipalities = [...filter.municipalityNumbers];
  const rows = await db.agreement.findMany({
    where: {
      ...agreementWindow(now),
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
    orderBy: agreementOrder,
    select: agreementSelect,
  });
  return rows.map(toAgreement);
}

/** Both lists for one `until`, read once and narrowed per filter without a query. */
export interface DigestCatalogue {
  until: Date;
  sessions(filter: SubscriberFilter): DigestSessions;
  agreements(filter: SubscriberFilter): DigestAgreement[];
}

/**
 * Reads the horizon's sessions and the expiring agreements once (two statements) for a chunk of
 * digests. `agreements: false` skips the second when no recipient belongs to an organisation:
 * agreements are shown only to members of a party (buildDigest).
 */
export async function loadDigestCatalogue(
  db: Database,
  until: Date,
  options: { agreements: boolean } = { agreements: true },
): Promise<DigestCatalogue> {
  const [sessionRows, agreementRows] = await Promise.all([
    db.offerSession.findMany({
      where: sessionWhere(until, {}),
      orderBy: sessionOrder,
      select: sessionSelect,
    }),
    options.agreements
      ? db.agreement.findMany({
          where: agreementWindow(until),
          orderBy: agreementOrder,
          select: agreementSelect,
        })
      : Promise.resolve([]),
  ]);
  const sessions = sessionRows.map((row) => ({
    session: toSession(row),
    facets: {
      municipalityNumbers: row.offer.municipalities.map((m) => m.municipalityNumber),
      priorityGroups: row.offer.priorityGroups,
      diagnosisGroups: row.offer.diagnosisGroups,
    },
  }));
  const agreements = agreementRows.map((row) => ({
    agreement: toAgreement(row),
    // A party counts by its own municipality and, for a hospital trust, its catchment's.
    places: new Set(
      row.parties.flatMap((p) => [
        ...(p.organisation.municipalityNumber ? [p.organisation.municipalityNumber] : []),
        ...p.organisation.catchment.map((m) => m.number),
      ]),
    ),
  }));
  return {
    until,
    sessions(filter) {
      const shown: DigestSession[] = [];
      let more = 0;
      for (const { session, facets } of sessions) {
        if (!matchesFilter(filter, facets)) continue;
        if (shown.length < shownPerSection) shown.push(session);
        else more += 1;
      }
      return { shown, more };
    },
    agreements(filter) {
      const wanted = filter.municipalityNumbers;
      return agreements
        .filter(({ places }) => wanted.length === 0 || wanted.some((n) => places.has(n)))
        .map((a) => a.agreement);
    },
  };
}
