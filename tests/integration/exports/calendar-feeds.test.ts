import {
  type Actor,
  createMyCalendarFeed,
  revokeMyCalendarFeed,
  systemActor,
  unitOf,
  updateMeetingPoint,
  updateSession,
} from "@samspill/commands";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { testGateway } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";

// The calendars anyone can subscribe to (per municipality, hospital trust, provider and offer)
// and a person's private feed of their meetings, read back the way a calendar client reads them.

useSeededDatabase();

const get = (path: string) => testGateway(db, null).app.fetch(new Request(`http://gateway.test${path}`));
const system = systemActor("Test");

/** Parses like a calendar client (ical.js throws on malformed lines) and checks the zone block. */
async function read(path: string) {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/text\/calendar/);
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  const zones = calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"));
  expect(zones, path).toEqual(["Europe/Oslo"]);
  return calendar.getAllSubcomponents("vevent").map((e) => ({
    uid: String(e.getFirstPropertyValue("uid")),
    sequence: Number(e.getFirstPropertyValue("sequence")),
    tzid: e.getFirstProperty("dtstart")?.getParameter("tzid"),
  }));
}

const sequenceOf = (events: { uid: string; sequence: number }[], id: string) =>
  events.find((e) => e.uid === `${id}@samspill`)?.sequence;

async function aSessionFeed() {
  const session = await db.offerSession.findFirstOrThrow({
    where: { offer: { status: "PUBLISHED", municipalities: { some: {} } } },
    include: { offer: { include: { municipalities: { include: { municipality: true } } } } },
  });
  const municipality = session.offer.municipalities[0]!.municipality;
  return { session, municipality };
}

describe("public calendar feeds", () => {
  it("serve a municipality's, a hospital trust's, a provider's and an offer's sessions with stable UIDs", async () => {
    const { session, municipality } = await aSessionFeed();
    const trustId = municipality.hospitalTrustId ?? session.offer.providerId;
    const paths = [
      `/calendar/municipalities/${municipality.number}.ics`,
      `/calendar/providers/${session.offer.providerId}.ics`,
      `/calendar/offers/${session.offerId}.ics`,
      ...(municipality.hospitalTrustId ? [`/calendar/hospital-trusts/${trustId}.ics`] : []),
    ];
    for (const path of paths) {
      const first = await read(path);
      expect(
        first.map((e) => e.uid),
        path,
      ).toContain(`${session.id}@samspill`);
      expect(
        first.every((e) => e.tzid === "Europe/Oslo"),
        path,
      ).toBe(true);
      const second = await read(path);
      expect(second.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
    }
  });

  it("grows a session's SEQUENCE when a command moves it", async () => {
    const { session, municipality } = await aSessionFeed();
    const path = `/calendar/municipalities/${municipality.number}.ics`;
    const before = sequenceOf(await read(path), session.id);
    await updateSession(unitOf(db), system, {
      id: session.id,
      version: session.version,
      location: "Et annet sted",
    });
    const after = sequenceOf(await read(path), session.id);
    expect(after).toBeGreaterThan(before ?? Number.POSITIVE_INFINITY);
  });

  it("answers a malformed path segment with 400 naming it, and an unknown one with 404", async () => {
    for (const [path, field] of [
      ["/calendar/municipalities/12.ics", "number"],
      ["/calendar/providers/not-a-uuid.ics", "id"],
      ["/calendar/hospital-trusts/x.ics", "id"],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(((await response.json()) as { issues: { field: string }[] }).issues[0]?.field).toBe(field);
    }
    expect((await get("/calendar/providers/00000000-0000-4000-8000-000000000000.ics")).status).toBe(404);
  });
});

describe("a person's private calendar feed", () => {
  it("opens by its token alone, follows changes, and answers 404 once revoked", async () => {
    const member = await db.membership.findFirstOrThrow({
      where: { organisation: { organisedMeetings: { some: {} } } },
      include: { person: true },
    });
    const meeting = await db.meetingPoint.findFirstOrThrow({ where: { organiserId: member.organisationId } });
    const memberships = await db.membership.findMany({ where: { personId: member.personId } });
    const actor: Actor = {
      kind: "PERSON",
      personId: member.personId,
      tokenId: null,
      name: member.person.name,
      memberships: memberships.map((m) => ({ organisationId: m.organisationId, role: m.role })),
    };
    const feed = await createMyCalendarFeed(unitOf(db), actor);
    const stored = await db.calendarFeed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(stored.tokenHash).not.toContain(feed.token);
    const path = `/calendar/people/${feed.token}.ics`;

    const before = await read(path);
    expect(before.map((e) => e.uid)).toContain(`${meeting.id}@samspill`);
    await updateMeetingPoint(unitOf(db), system, {
      id: meeting.id,
      version: meeting.version,
      startsAt: new Date(meeting.startsAt.getTime() + 3_600_000),
      endsAt: new Date(meeting.endsAt.getTime() + 3_600_000),
    });
    const after = await read(path);
    expect(sequenceOf(after, meeting.id)).toBeGreaterThan(sequenceOf(before, meeting.id) ?? Infinity);

    // A new link retires the old one; revoking retires the new one.
    const replacement = await createMyCalendarFeed(unitOf(db), actor);
    expect((await get(path)).status).toBe(404);
    await read(`/calendar/people/${replacement.token}.ics`);
    expect(await revokeMyCalendarFeed(unitOf(db), actor)).toBe(true);
    expect((await get(`/calendar/people/${replacement.token}.ics`)).status).toBe(404);
    expect((await get("/calendar/people/not-a-token.ics")).status).toBe(404);

    const audit = await db.auditEntry.findMany({
      where: { entityType: "CalendarFeed", entityId: { in: [feed.id, replacement.id] } },
      select: { action: true },
    });
    expect(audit.map((a) => a.action).sort()).toEqual([
      "calendarFeed.create",
      "calendarFeed.create",
      "calendarFeed.revoke",
      "calendarFeed.revoke",
    ]);
  });
});
