import { Prisma } from "@samspill/database";
import type { TimeOfDay, Weekday } from "@samspill/domain";

// When and where an offer happens, as SQL over the catalogue's "Offer" o: the weekday and part of
// the day of its sessions (Oslo time), and its distance from a point. An offer's place is the
// administrative centre of each municipality it serves or its provider belongs to (the nearest
// counts): sessions carry a free-text venue, not coordinates, so distances are approximate to a
// municipality. An operator wanting venue precision adds coordinates to sessions and extends
// `offerDistanceKm` with them.

/** Starts before 12:00 are morning, before 17:00 afternoon, later evening (Oslo time). */
export const timeOfDaySql = (local: Prisma.Sql) =>
  Prisma.sql`CASE WHEN extract(hour FROM ${local}) < 12 THEN 'MORNING'
    WHEN extract(hour FROM ${local}) < 17 THEN 'AFTERNOON' ELSE 'EVENING' END`;
/** ISO weekday 1 (Monday) … 7 as the enum's name. */
export const weekdaySql = (local: Prisma.Sql) =>
  Prisma.sql`(ARRAY['MONDAY','TUESDAY','WEDNESDAY','THURSDAY','FRIDAY','SATURDAY','SUNDAY'])[extract(isodow FROM ${local})::int]`;
/** A session's start in Oslo wall-clock time (timestamps are stored as UTC without a zone). */
export const osloStart = (alias: string) =>
  Prisma.sql`((${Prisma.raw(`${alias}."startsAt"`)} AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Oslo')`;

export interface SessionFilter {
  sessionFrom?: Date | null;
  sessionTo?: Date | null;
  daysOfWeek?: readonly Weekday[] | null;
  timesOfDay?: readonly TimeOfDay[] | null;
}

/**
 * Offers with a session (not cancelled) in the window, on one of the days and at one of the
 * times asked for. Weekday and time alone mean upcoming sessions: a patient planning their week
 * is not helped by last spring's Tuesdays.
 */
export function sessionCondition(f: SessionFilter): Prisma.Sql | undefined {
  const days = f.daysOfWeek?.length ? f.daysOfWeek : undefined;
  const times = f.timesOfDay?.length ? f.timesOfDay : undefined;
  if (!f.sessionFrom && !f.sessionTo && !days && !times) return undefined;
  const c = [Prisma.sql`s."offerId" = o."id"`, Prisma.sql`NOT s."cancelled"`];
  if (f.sessionFrom) c.push(Prisma.sql`s."startsAt" >= ${f.sessionFrom}`);
  else if (days || times) c.push(Prisma.sql`s."startsAt" >= now() AT TIME ZONE 'UTC'`);
  if (f.sessionTo) c.push(Prisma.sql`s."startsAt" < ${f.sessionTo}`);
  const local = osloStart("s");
  if (days) c.push(Prisma.sql`${weekdaySql(local)} = ANY(${[...days]}::text[])`);
  if (times) c.push(Prisma.sql`${timeOfDaySql(local)} = ANY(${[...times]}::text[])`);
  return Prisma.sql`EXISTS (SELECT 1 FROM "OfferSession" s WHERE ${Prisma.join(c, " AND ")})`;
}

export interface Point {
  latitude: number;
  longitude: number;
}

/** Great-circle (haversine) distance in km from the point to the offer's nearest place; null when it has none. */
export function offerDistanceKm(p: Point): Prisma.Sql {
  return Prisma.sql`(SELECT min(2 * 6371 * asin(sqrt(
      power(sin(radians(m."latitude" - ${p.latitude}::float8) / 2), 2)
      + cos(radians(${p.latitude}::float8)) * cos(radians(m."latitude"))
        * power(sin(radians(m."longitude" - ${p.longitude}::float8) / 2), 2))))
    FROM "Municipality" m
    WHERE m."latitude" IS NOT NULL AND (
      m."number" IN (SELECT om."municipalityNumber" FROM "OfferMunicipality" om WHERE om."offerId" = o."id")
      OR m."number" = (SELECT p."municipalityNumber" FROM "Organisation" p WHERE p."id" = o."providerId")))`;
}
