import ical, { ICalCalendarMethod } from "ical-generator";

// The calendar file a participant's confirmation and reminder carry: one event, their course
// run, made with ical-generator (the library the gateway's calendar feeds use). Times in UTC, so
// no VTIMEZONE is needed; the UID is the session's, so a reminder's file updates the event the
// confirmation's file added instead of adding a second one. Only this person's own link is in it.

export interface CourseIcsInput {
  sessionId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  onlineUrl: string | null;
  description: string;
  /** The person's own page of the sign-up (see, change, cancel). */
  url: string;
  domain: string;
}

export function courseIcs(input: CourseIcsInput): string {
  const calendar = ical({
    prodId: { company: "Samspill", product: "Samspill samhandlingsportal", language: "NB" },
    method: ICalCalendarMethod.PUBLISH,
  });
  calendar.createEvent({
    id: `session-${input.sessionId}@${input.domain}`,
    start: input.startsAt,
    end: input.endsAt,
    summary: input.title,
    location: input.location ?? input.onlineUrl ?? undefined,
    description: input.description,
    url: input.url,
  });
  return calendar.toString();
}
