import { calendarFeedTokenPattern, hashCalendarFeedToken } from "@samspill/commands";
import type { Database, Prisma } from "@samspill/database";
import { municipalityNumber, type Role } from "@samspill/domain";
import type { Context, Env, Hono } from "hono";
import { z } from "zod";
import { meetingPointsToICal, offersSessionsToICal } from "../formats/ical.js";
import { meetingPointExportInclude } from "../formats/types.js";
import type { OfferFilters } from "../search/offer-search.js";
import { invalidParams, publishedOfferPage } from "./paging.js";

// Public iCalendar feeds anyone can subscribe to: the sessions of the published offers for a
// municipality, for a hospital trust's area, and of one provider (one offer's own file is in
// exports.ts). Under /calendar/*, so they share the exports' rate limit. The feed's name is the
// place or provider, so it reads well in a calendar client's list.
// A person's private feed of their meetings is reached by a token in the link (no cookie: calendar
// clients have none); only the token's hash is stored and a revoked link answers 404, as an
// unknown one does, so the answer tells nobody whether a link ever existed.

export interface CalendarFeedDeps {
  db: Database;
  publicUrl: string;
}

/** A feed holds at most this many offers; a region has a few hundred. */
const feedOffers = 1000;

const icsFile = /^(.*)\.ics$/;

const uuidParam = z.object({ id: z.uuid() });
const municipalityParam = z.object({ number: municipalityNumber });

/** The segment before `.ics`, checked by `schema` under `field`; undefined when it fails. */
function segment<S extends z.ZodType>(c: Context, schema: S, field: string) {
  const value = icsFile.exec(c.req.param("file") ?? "")?.[1] ?? "";
  return schema.safeParse({ [field]: value });
}

/**
 * The meeting points someone with these memberships sees: those their organisations organise or
 * take part in, and their health communities' forums (for forum members and admins).
 */
export function meetingsOfMembers(
  memberships: readonly { organisationId: string; role: Role }[],
): Prisma.MeetingPointWhereInput {
  const orgIds = memberships.map((m) => m.organisationId);
  const forumIds = memberships
    .filter((m) => m.role === "FORUM_MEMBER" || m.role === "ADMIN")
    .map((m) => m.organisationId);
  return {
    OR: [
      { organiserId: { in: orgIds } },
      { participants: { some: { organisationId: { in: orgIds } } } },
      { healthCommunityId: { in: forumIds } },
    ],
  };
}

export function registerCalendarFeedRoutes<E extends Env>(app: Hono<E>, deps: CalendarFeedDeps): void {
  async function feed(c: Context, name: string, filters: OfferFilters) {
    const { offers } = await publishedOfferPage(deps.db, filters, { limit: feedOffers, offset: 0 });
    const body = offersSessionsToICal(offers, { baseUrl: deps.publicUrl, now: new Date(), name });
    return c.body(body, 200, { "content-type": "text/calendar; charset=utf-8" });
  }

  app.get("/calendar/municipalities/:file{[^/]+\\.ics}", async (c) => {
    const parsed = segment(c, municipalityParam, "number");
    if (!parsed.success) return c.json(invalidParams(parsed.error), 400);
    const municipality = await deps.db.municipality.findUnique({ where: { number: parsed.data.number } });
    if (!municipality) return c.json({ error: "not_found" }, 404);
    return feed(c, `Samspill – ${municipality.name}`, { municipalityNumbers: [municipality.number] });
  });

  app.get("/calendar/hospital-trusts/:file{[^/]+\\.ics}", async (c) => {
    const parsed = segment(c, uuidParam, "id");
    if (!parsed.success) return c.json(invalidParams(parsed.error), 400);
    const trust = await deps.db.organisation.findUnique({ where: { id: parsed.data.id } });
    if (trust?.kind !== "HOSPITAL_TRUST") return c.json({ error: "not_found" }, 404);
    return feed(c, `Samspill – ${trust.name}`, { hospitalTrustId: trust.id });
  });

  app.get("/calendar/providers/:file{[^/]+\\.ics}", async (c) => {
    const parsed = segment(c, uuidParam, "id");
    if (!parsed.success) return c.json(invalidParams(parsed.error), 400);
    const provider = await deps.db.organisation.findUnique({ where: { id: parsed.data.id } });
    if (!provider) return c.json({ error: "not_found" }, 404);
    return feed(c, `Samspill – ${provider.name}`, { providerIds: [provider.id] });
  });

  app.get("/calendar/people/:file{[^/]+\\.ics}", async (c) => {
    const token = icsFile.exec(c.req.param("file"))?.[1] ?? "";
    // The shape is checked before any read, so a malformed link costs no query.
    if (!calendarFeedTokenPattern.test(token)) return c.json({ error: "not_found" }, 404);
    const feed = await deps.db.calendarFeed.findUnique({
      where: { tokenHash: hashCalendarFeedToken(token) },
      select: { revokedAt: true, person: { select: { memberships: true } } },
    });
    if (!feed || feed.revokedAt) return c.json({ error: "not_found" }, 404);
    const meetings = await deps.db.meetingPoint.findMany({
      where: meetingsOfMembers(feed.person.memberships),
      include: meetingPointExportInclude,
      orderBy: { startsAt: "asc" },
    });
    const body = meetingPointsToICal(meetings, {
      baseUrl: deps.publicUrl,
      now: new Date(),
      name: "Samspill – mine møter",
    });
    // A private feed: no shared cache may keep it.
    return c.body(body, 200, {
      "content-type": "text/calendar; charset=utf-8",
      "cache-control": "private, no-store",
    });
  });
}
