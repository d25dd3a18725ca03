// Courses happen in Norway: people read times in Europe/Oslo, whatever zone the server runs in.

const osloParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZoneName: "longOffset",
});

export interface OsloTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** UTC offset in hours: 1 in winter, 2 in summer. */
  offsetHours: number;
  /** +01:00 or +02:00 */
  offset: string;
}

export function osloTime(at: Date): OsloTime {
  const parts = Object.fromEntries(osloParts.formatToParts(at).map((p) => [p.type, p.value]));
  const offset = (parts.timeZoneName ?? "GMT").replace("GMT", "") || "+00:00";
  const [hours = "0", minutes = "0"] = offset.slice(1).split(":");
  const sign = offset.startsWith("-") ? -1 : 1;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    offsetHours: sign * (Number(hours) + Number(minutes) / 60),
    offset,
  };
}

/** "14.05.2025 kl. 09:00–15:00", or with both dates when a session runs past midnight. */
export function osloSpan(start: Date, end: Date): string {
  const from = osloTime(start);
  const to = osloTime(end);
  const endText = from.date === to.date ? to.time : `${norwegianDate(to.date)} kl. ${to.time}`;
  return `${norwegianDate(from.date)} kl. ${from.time}–${endText}`;
}

/** The calendar date a `@db.Date` column holds; Prisma gives it as UTC midnight. */
export function dateOnly(value: Date): string {
  return value.toISOString().slice(0, 10);
}

function norwegianDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${d}.${m}.${y}`;
}
