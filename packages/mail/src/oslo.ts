// Mails are read in Norway: dates and periods follow Europe/Oslo, whatever zone the worker runs in.

const zone = "Europe/Oslo";
const dateParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: zone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
// Formatters by locale (nb-NO, nn-NO, en-GB): made once each, as building one is costly.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: "long" | "calendar" | "session", locale: string): Intl.DateTimeFormat {
  const key = `${kind}:${locale}`;
  let found = formatters.get(key);
  if (!found) {
    found =
      kind === "session"
        ? new Intl.DateTimeFormat(locale, {
            weekday: "long",
            day: "numeric",
            month: "long",
            hour: "2-digit",
            minute: "2-digit",
            timeZone: zone,
          })
        : new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: kind === "long" ? zone : "UTC" });
    formatters.set(key, found);
  }
  return found;
}

/** The Oslo calendar date of an instant, as YYYY-MM-DD. */
export function osloDate(at: Date): string {
  return dateParts.format(at);
}

/** "14. mai 2026" for an instant, in Oslo (in the mail's locale, bokmål by default). */
export function formatInstantDate(at: Date, locale = "nb-NO"): string {
  return formatter("long", locale).format(at);
}

/** "14. mai 2026" for a `@db.Date` column, which Prisma gives as UTC midnight. */
export function formatCalendarDate(date: Date, locale = "nb-NO"): string {
  return formatter("calendar", locale).format(date);
}

/** "torsdag 14. mai kl. 09:00". */
export function formatSessionStart(at: Date, locale = "nb-NO"): string {
  return formatter("session", locale).format(at);
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
