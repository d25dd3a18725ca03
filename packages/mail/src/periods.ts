import type { WrittenLanguage } from "@samspill/domain";
import { osloDate } from "./oslo.js";
import { mailTexts } from "./texts/index.js";

// Period keys make "once per recipient and period" concrete: SentSummary is unique on
// (kind, recipient, periodKey), and every run in the same period computes the same key.

/** ISO 8601 week of the Oslo date of `at`: "2026-W48". */
export function isoWeekKey(at: Date): string {
  const day = new Date(`${osloDate(at)}T00:00:00Z`);
  const weekday = day.getUTCDay() || 7;
  // The Thursday of this week decides the week's year.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** "2026-W48" → "uke 48" (nynorsk "veke 48", English "week 48"). */
export const weekLabel = (weekKey: string, language: WrittenLanguage = "nb") =>
  mailTexts(language).weekLabel(Number(weekKey.slice(-2)));

export interface HalfYear {
  key: string;
  year: number;
  half: 1 | 2;
  /** UTC midnight of the first and the last day. */
  start: Date;
  end: Date;
}

/** The half-year the Oslo date of `at` falls in: on 1 July the poster covers July–December. */
export function halfYearOf(at: Date): HalfYear {
  const [year, month] = osloDate(at).split("-").map(Number) as [number, number];
  const half = month <= 6 ? 1 : 2;
  return {
    key: `${year}-H${half}`,
    year,
    half,
    start: new Date(Date.UTC(year, half === 1 ? 0 : 6, 1)),
    end: new Date(Date.UTC(year, half === 1 ? 5 : 11, half === 1 ? 30 : 31)),
  };
}

export interface ReportYear {
  year: number;
  start: Date;
  /** Exclusive: UTC midnight of 1 January of the next year. */
  end: Date;
}

/** The calendar year an annual report run at `at` covers: the year before (run in January). */
export function reportYearOf(at: Date): ReportYear {
  const year = Number(osloDate(at).slice(0, 4)) - 1;
  return { year, start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year + 1, 0, 1)) };
}
