import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  type ICalCalendar,
  ICalCalendarMethod,
  type ICalEventData,
  ICalEventStatus,
} from "ical-generator";
import { DateTime } from "luxon";
import { meetingKindLabels } from "./labels.js";
import { isHttpUrl, offerContact, offerOnlineUrl, offerPlace, sessionIsOff } from "./offer-facts.js";
import {
  type ExportOptions,
  type MeetingPointForExport,
  meetingPointPageUrl,
  type OfferForExport,
  offerPageUrl,
  type SessionForExport,
} from "./types.js";

// Sessions and meeting points → iCalendar (RFC 5545). Start and end are Oslo wall-clock times
// with TZID=Europe/Oslo and the zone's VTIMEZONE, so a course at 18:00 stays at 18:00 across a
// daylight-saving change whatever zone the reader's client guesses. UIDs are the row ids and
// SEQUENCE grows with the rows' versions, which every command that edits them bumps.
// Text goes into DESCRIPTION only as plain text: no X-ALT-DESC, so no client renders HTML.

const zone = "Europe/Oslo";
const oslo = (date: Date) => DateTime.fromJSDate(date, { zone });

const prodId = { company: "Samspill", product: "Samspill samhandlingsportal", language: "NB" };

export interface CalendarFeedOptions extends ExportOptions {
  /** Shown by clients as the subscribed calendar's name (X-WR-CALNAME). */
  name: string;
}

/** The "add to calendar" file for one offer: all its sessions, cancelled ones marked so. */
export function offerSessionsToICal(offer: OfferForExport, options: ExportOptions): string {
  const calendar = newCalendar(offer.title, offer.sessions.length);
  for (const session of offer.sessions) calendar.createEvent(sessionEvent(offer, session, options));
  return calendar.toString();
}

/** A subscribable feed of the sessions of many offers, e.g. everything one provider runs. */
export function offersSessionsToICal(
  offers: readonly OfferForExport[],
  options: CalendarFeedOptions,
): string {
  const count = offers.reduce((n, o) => n + o.sessions.length, 0);
  const calendar = newCalendar(options.name, count, true);
  for (const offer of offers) {
    for (const session of offer.sessions) calendar.createEvent(sessionEvent(offer, session, options));
  }
  return calendar.toString();
}

/** A subscribable feed of meeting points, e.g. an organisation's or a health community's. */
export function meetingPointsToICal(
  meetingPoints: readonly MeetingPointForExport[],
  options: CalendarFeedOptions,
): string {
  const calendar = newCalendar(options.name, meetingPoints.length, true);
  for (const meeting of meetingPoints) calendar.createEvent(meetingEvent(meeting, options));
  return calendar.toString();
}

function newCalendar(name: string, events: number, feed = false): ICalCalendar {
  return ical({
    prodId,
    method: ICalCalendarMethod.PUBLISH,
    name,
    // The generator writes a VTIMEZONE for every zone the events name. A calendar-wide zone
    // name would also write DTSTAMP, CREATED and LAST-MODIFIED as local times, which RFC 5545
    // requires in UTC; so it is named only when there are no events, for the block to be there.
    timezone: { name: events === 0 ? zone : null, generator: getVtimezoneComponent },
    // Subscribed feeds: ask clients to refresh hourly rather than whenever they like.
    ...(feed ? { ttl: 60 * 60 } : {}),
  });
}

function sessionEvent(
  offer: OfferForExport,
  session: SessionForExport,
  options: ExportOptions,
): ICalEventData {
  const off = sessionIsOff(offer, session);
  const place = session.location ?? offerPlace(offer);
  const online = session.onlineUrl ?? offerOnlineUrl(offer);
  const contact = offerContact(offer);
  const modified = new Date(Math.max(session.updatedAt.getTime(), offer.updatedAt.getTime()));
  const page = offerPageUrl(options.baseUrl, offer.id);
  const description = [
    off ? "AVLYST." : null,
    offer.summary,
    session.note,
    place ? `Sted: ${place}` : null,
    online ? `Digitalt: ${online}` : null,
    isHttpUrl(offer.registrationUrl) ? `Påmelding: ${offer.registrationUrl}` : null,
    `Arrangør: ${[offer.provider.name, offer.unit?.name].filter(Boolean).join(", ")}`,
    contactLine(contact),
    `Mer informasjon: ${page}`,
  ];
  return {
    id: `${session.id}@samspill`,
    // Title and place live on the offer, so a change to either must bump the sequence too;
    // both versions start at 1, RFC 5545 sequences at 0.
    sequence: session.version - 1 + (offer.version - 1),
    start: oslo(session.startsAt),
    end: oslo(session.endsAt),
    timezone: zone,
    stamp: modified,
    lastModified: modified,
    created: session.createdAt,
    summary: off ? `Avlyst: ${offer.title}` : offer.title,
    description: joinLines(description),
    location: place ?? online ?? null,
    url: page,
    status: off ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  };
}

function meetingEvent(meeting: MeetingPointForExport, options: ExportOptions): ICalEventData {
  const participants = meeting.participants.map((p) => p.organisation.name);
  const description = [
    meetingKindLabels[meeting.kind],
    `Arrangør: ${meeting.organiser.name}`,
    meeting.healthCommunity ? `Helsefellesskap: ${meeting.healthCommunity.name}` : null,
    participants.length > 0 ? `Deltakere: ${participants.join(", ")}` : null,
    meeting.onlineUrl && meeting.location ? `Digitalt: ${meeting.onlineUrl}` : null,
    meeting.agenda.trim() ? `Agenda:\n${meeting.agenda.trim()}` : null,
    `Mer informasjon: ${meetingPointPageUrl(options.baseUrl, meeting.id)}`,
  ];
  return {
    id: `${meeting.id}@samspill`,
    sequence: meeting.version - 1,
    start: oslo(meeting.startsAt),
    end: oslo(meeting.endsAt),
    timezone: zone,
    stamp: meeting.updatedAt,
    lastModified: meeting.updatedAt,
    created: meeting.createdAt,
    summary: meeting.title,
    description: joinLines(description),
    location: meeting.location ?? meeting.onlineUrl ?? null,
    url: meetingPointPageUrl(options.baseUrl, meeting.id),
    status: ICalEventStatus.CONFIRMED,
  };
}

function contactLine(contact: {
  name: string | null;
  email: string | null;
  phone: string | null;
}): string | null {
  const parts = [contact.name, contact.email, contact.phone].filter(Boolean);
  return parts.length > 0 ? `Kontakt: ${parts.join(", ")}` : null;
}

function joinLines(lines: readonly (string | null | undefined)[]): string {
  return lines.filter((l): l is string => !!l?.trim()).join("\n");
}
