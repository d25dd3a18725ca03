import { z } from "zod";

// The fixed grid of periods over which people are counted in published figures: calendar
// months, quarters, half-years and years (UTC). Callers choose a period of the grid, never a
// window of their own: two free windows that overlap would publish their difference, and the
// difference of two small-count-safe figures is not safe. A year is a tree (year → halves →
// quarters → months), and each figure is suppressed together with the tree it belongs to
// (suppressAcrossPeriods), so no quarter minus two months gives back the third.
//
// A count belongs to the month its period starts in, so every period is exactly the sum of its
// children and the tree's equations hold.

export const periodKinds = ["MONTH", "QUARTER", "HALF_YEAR", "YEAR"] as const;
export type PeriodKind = (typeof periodKinds)[number];

export interface GridPeriod {
  kind: PeriodKind;
  year: number;
  /** 1-based within the year: month 1–12, quarter 1–4, half 1–2, and 1 for the year. */
  index: number;
}

/** Months each kind spans. */
const span: Record<PeriodKind, number> = { MONTH: 1, QUARTER: 3, HALF_YEAR: 6, YEAR: 12 };

export const MIN_PERIOD_YEAR = 2000;
export const MAX_PERIOD_YEAR = 2100;

/** "2026", "2026-H1", "2026-Q3" or "2026-03". */
export function periodKey(p: GridPeriod): string {
  switch (p.kind) {
    case "YEAR":
      return String(p.year);
    case "HALF_YEAR":
      return `${p.year}-H${p.index}`;
    case "QUARTER":
      return `${p.year}-Q${p.index}`;
    case "MONTH":
      return `${p.year}-${String(p.index).padStart(2, "0")}`;
  }
}

const keyPattern = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])))?$/;

/** The grid period a key names, or null when it names none. */
export function parsePeriodKey(key: string): GridPeriod | null {
  const m = keyPattern.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) return null;
  if (m[2]) return { kind: "HALF_YEAR", year, index: Number(m[2]) };
  if (m[3]) return { kind: "QUARTER", year, index: Number(m[3]) };
  if (m[4]) return { kind: "MONTH", year, index: Number(m[4]) };
  return { kind: "YEAR", year, index: 1 };
}

/**
 * A period key as callers give it (bilingual message on failure); it stays a string, so it can
 * validate an argument as it is. parsePeriodKey then gives the period.
 */
export const gridPeriodKey = z.string().refine((key) => parsePeriodKey(key) !== null, {
  message: `Give a period of the grid: a year (2026), half-year (2026-H1), quarter (2026-Q3) or month (2026-03), ${MIN_PERIOD_YEAR}–${MAX_PERIOD_YEAR} / Oppgi en periode i rutenettet: år (2026), halvår (2026-H1), kvartal (2026-Q3) eller måned (2026-03)`,
});

/** The first month (1–12) of a period. */
const firstMonth = (p: GridPeriod) => (p.index - 1) * span[p.kind] + 1;

/** The period as a half-open range [start, end) of UTC instants. */
export function periodRange(p: GridPeriod): { start: Date; end: Date } {
  const first = firstMonth(p) - 1;
  return {
    start: new Date(Date.UTC(p.year, first, 1)),
    end: new Date(Date.UTC(p.year, first + span[p.kind], 1)),
  };
}

/** The months a period covers, in order. */
export function periodMonths(p: GridPeriod): GridPeriod[] {
  const first = firstMonth(p);
  return Array.from({ length: span[p.kind] }, (_, i) => ({ kind: "MONTH", year: p.year, index: first + i }));
}

/** The next level down: a year's halves, a half's quarters, a quarter's months; none for a month. */
export function periodChildren(p: GridPeriod): GridPeriod[] {
  const down: Record<PeriodKind, PeriodKind | null> = {
    YEAR: "HALF_YEAR",
    HALF_YEAR: "QUARTER",
    QUARTER: "MONTH",
    MONTH: null,
  };
  const kind = down[p.kind];
  if (!kind) return [];
  const per = span[p.kind] / span[kind];
  return Array.from({ length: per }, (_, i) => ({ kind, year: p.year, index: (p.index - 1) * per + i + 1 }));
}

/** Every period of a year, the year first, then its halves, quarters and months. */
export function yearPeriods(year: number): GridPeriod[] {
  const out: GridPeriod[] = [];
  for (const kind of ["YEAR", "HALF_YEAR", "QUARTER", "MONTH"] as const)
    for (let index = 1; index <= 12 / span[kind]; index++) out.push({ kind, year, index });
  return out;
}

/** The month (1–12) of a UTC instant or day. */
export const monthOf = (d: Date) => d.getUTCMonth() + 1;
