// Mails are read in Norway: dates and periods follow Europe/Oslo, whatever zone the worker runs in.

const zone = "Europe/Oslo";
const dateParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: zone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const longDate = new Intl.DateTimeFormat("nb-NO", { dateStyle: "long", timeZone: zone });
const calendarDate = new Intl.DateTimeFormat("nb-NO", { dateStyle: "long", timeZone: "UTC" });
const sessionTime = new Intl.DateTimeFormat("nb-NO", {
  weekday: "long",
  day: "numeric",
  month: "long",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: zone,
});

/** The Oslo calendar date of an instant, as YYYY-MM-DD. */
export function osloDate(at: Date): string {
  return dateParts.format(at);
}

/** "14. mai 2026" for an instant, in Oslo. */
export function formatInstantDate(at: Date): string {
  return longDate.format(at);
}

/** "14. mai 2026" for a `@db.Date` column, which Prisma gives as UTC midnight. */
export function formatCalendarDate(date: Date): string {
  return calendarDate.format(date);
}

/** "torsdag 14. mai kl. 09:00". */
export function formatSessionStart(at: Date): string {
  return sessionTime.format(at);
}

/** UTC midnight of the Oslo calendar date of `at`, shifted by `days`: comparable with `@db.Date` columns. */
export function osloDay(at: Date, days = 0): Date {
  const day = new Date(`${osloDate(at)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day;
}

/** Whole days from the Oslo date of `now` to a `@db.Date` value (negative when past). */
export function daysUntil(date: Date, now: Date): number {
  return Math.round((date.getTime() - osloDay(now).getTime()) / 86_400_000);
}

/** The calendar date a `@db.Date` column holds, as YYYY-MM-DD (Prisma gives it as UTC midnight). */
export function dateOnly(date: Date): string {
  return date.toISOString().slice(0, 10);
}
