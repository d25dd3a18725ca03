import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { meetingPointsToICal, offerSessionsToICal, offersSessionsToICal } from "./ical.js";
import {
  allOffers,
  baseUrl,
  cooperationMeeting,
  copdFilm,
  diabetesCourse,
  forumMeeting,
  kidCourse,
  withOffer,
} from "./testing/fixtures.js";

const options = { baseUrl };

/** Parses the way a calendar client does; ical.js throws on malformed content lines. */
function read(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((component) => ({
    component,
    event: new ICAL.Event(component),
  }));
  return { calendar, events };
}

function value(component: InstanceType<typeof ICAL.Component>, name: string): string | null {
  const v = component.getFirstPropertyValue(name);
  return v === null ? null : String(v);
}

describe("iCalendar for one offer's sessions", () => {
  const text = offerSessionsToICal(diabetesCourse, options);
  const { calendar, events } = read(text);

  it("parses, with one VEVENT per session and stable UIDs", () => {
    expect(value(calendar, "version")).toBe("2.0");
    expect(value(calendar, "prodid")).toContain("Samspill");
    expect(value(calendar, "method")).toBe("PUBLISH");
    expect(events.map((e) => e.event.uid)).toEqual([
      "01936f3c-0000-7000-8000-000000000201@samspill",
      "01936f3c-0000-7000-8000-000000000202@samspill",
    ]);
    expect(offerSessionsToICal(diabetesCourse, options)).toBe(text);
  });

  it("writes the session times as Oslo wall-clock times with the zone's VTIMEZONE", () => {
    const [first] = events;
    expect(first?.event.startDate.toJSDate().toISOString()).toBe("2025-05-14T07:00:00.000Z");
    expect(first?.event.endDate.toJSDate().toISOString()).toBe("2025-05-14T13:00:00.000Z");
    expect(first?.event.startDate.zone?.tzid).toBe("Europe/Oslo");
    expect(text).toContain("DTSTART;TZID=Europe/Oslo:20250514T090000");
    const [timezone] = calendar.getAllSubcomponents("vtimezone");
    expect(timezone && value(timezone, "tzid")).toBe("Europe/Oslo");
    // RFC 5545 wants the stamp in UTC even when the events name a zone.
    expect(text).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r?$/m);
  });

  it("marks the cancelled session CANCELLED and bumps SEQUENCE with both versions", () => {
    const [held, cancelled] = events;
    expect(value(held!.component, "status")).toBe("CONFIRMED");
    expect(value(cancelled!.component, "status")).toBe("CANCELLED");
    expect(cancelled?.event.summary).toBe("Avlyst: Diabetesskolen: leve godt med diabetes type 2");
    // session version 2 and offer version 3 → 1 + 2; session version 4 → 3 + 2.
    expect(held?.event.sequence).toBe(3);
    expect(cancelled?.event.sequence).toBe(5);
  });

  it("reads back text with commas, semicolons, newlines, æøå and HTML as plain text", () => {
    const [held] = events;
    expect(held?.event.location).toBe("Ålesund sjukehus, Møterom Fjorden; 2. etasje");
    const description = held?.event.description ?? "";
    expect(description.split("\n")).toEqual([
      "Todagerskurs om mat, aktivitet og medisiner – for deg med diabetes type 2, og dine pårørende.",
      "Dag 1: mat, blodsukker; aktivitet",
      "Sted: Ålesund sjukehus, Møterom Fjorden; 2. etasje",
      "Digitalt: https://helse-mr.no/digitalt-kurs/diabetes",
      "Påmelding: https://helse-mr.no/pamelding/diabetes",
      "Arrangør: Helse Møre og Romsdal HF, Lærings- og mestringssenteret Ålesund",
      "Kontakt: Kari Nordmann, lms.alesund@helse-mr.no, +47 70 10 50 00",
      `Mer informasjon: ${baseUrl}/offers/${diabetesCourse.id}`,
    ]);
    expect(value(held!.component, "url")).toBe(`${baseUrl}/offers/${diabetesCourse.id}`);
    expect(text).not.toMatch(/X-ALT-DESC|text\/html/i);
  });

  it("keeps user HTML out of markup in DESCRIPTION", () => {
    const withHtml = withOffer(kidCourse, { summary: '<script>alert("x")</script> & <b>fet</b>' });
    const [event] = read(offerSessionsToICal(withHtml, options)).events;
    expect(event?.event.description.split("\n")[0]).toBe('<script>alert("x")</script> & <b>fet</b>');
  });

  it("folds long lines at 75 octets without splitting æøå", () => {
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(text).not.toContain("\uFFFD");
  });

  it("gives an offer without sessions a valid, empty calendar", () => {
    const { calendar: empty, events: none } = read(offerSessionsToICal(copdFilm, options));
    expect(none).toEqual([]);
    expect(value(empty, "x-wr-calname")).toBe("Film: Å puste med KOLS");
    expect(empty.getAllSubcomponents("vtimezone")).toHaveLength(1);
  });

  it("cancels every session of an offer that is no longer published", () => {
    const archived = withOffer(diabetesCourse, { status: "ARCHIVED" });
    const { events: off } = read(offerSessionsToICal(archived, options));
    expect(off.map((e) => value(e.component, "status"))).toEqual(["CANCELLED", "CANCELLED"]);
  });
});

describe("iCalendar feeds", () => {
  it("collects the sessions of many offers", () => {
    const text = offersSessionsToICal(allOffers, { ...options, name: "Kurs i Møre og Romsdal" });
    const { calendar, events } = read(text);
    expect(value(calendar, "x-wr-calname")).toBe("Kurs i Møre og Romsdal");
    expect(events).toHaveLength(3);
    expect(text).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
  });

  it("publishes a health community's meeting points", () => {
    const text = meetingPointsToICal([forumMeeting, cooperationMeeting], {
      ...options,
      name: "Helsefellesskapet Møre og Romsdal",
    });
    const { events } = read(text);
    expect(events.map((e) => e.event.uid)).toEqual([
      `${forumMeeting.id}@samspill`,
      `${cooperationMeeting.id}@samspill`,
    ]);
    const [forum, annual] = events;
    expect(forum?.event.summary).toBe("Forum for helsefremming, Møre og Romsdal");
    expect(forum?.event.sequence).toBe(1);
    expect(forum?.event.startDate.toJSDate().toISOString()).toBe("2025-05-20T08:00:00.000Z");
    expect(forum?.event.location).toBe("Molde sjukehus, auditoriet");
    expect(forum?.event.description).toContain("Deltakere: Molde kommune, Helse Møre og Romsdal HF");
    expect(forum?.event.description).toContain(
      "Agenda:\n1. Gjennomgang av felles oversikt; tilbud og hull\n2. Eventuelt, spørsmål & innspill",
    );
    expect(value(forum!.component, "url")).toBe(`${baseUrl}/meeting-points/${forumMeeting.id}`);
    expect(annual?.event.location).toBe("https://helse-mr.no/teams/forum");
    expect(annual?.event.sequence).toBe(0);
  });
});
