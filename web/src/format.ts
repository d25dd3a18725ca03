import { currentLocale } from "./i18n/index.js";

// Dates are shown in Norwegian time wherever the reader is: the offers happen in Norway.
const timeZone = "Europe/Oslo";

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: "long", timeZone }).format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(new Date(iso));
}

/** "tirsdag 3. februar 2026 kl. 18:00–20:00", or both ends in full when they fall on different days. */
export function formatSpan(startIso: string, endIso: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  const day = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(d);
  if (day(start) === day(end)) {
    const time = new Intl.DateTimeFormat(currentLocale(), { hour: "2-digit", minute: "2-digit", timeZone });
    return `${formatDateTime(startIso)}–${time.format(end)}`;
  }
  return `${formatDateTime(startIso)} – ${formatDateTime(endIso)}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a `datetime-local` input's value, in the browser's time zone (what it shows). */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value as an instant; null when empty. */
export function fromLocalInput(value: string): string | null {
  return value ? new Date(value).toISOString() : null;
}
