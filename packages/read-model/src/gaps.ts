import { type PriorityGroup, priorityGroups } from "@samspill/domain";

// What the forum should look at, as pure rules over the counts and today's date. Time-relative
// rules are evaluated when the overview is read, never stored: "due within 90 days" changes
// every night without any event.

/** Agreements expiring and reviews falling due within this many days need attention. */
export const attentionHorizonDays = 90;

export type GapKind =
  /** Not one published offer serves the municipality. */
  | "MUNICIPALITY_WITHOUT_OFFER"
  /** No municipality in scope has a published offer for the priority group. */
  | "PRIORITY_GROUP_WITHOUT_OFFER"
  /** The municipality has offers, but none for this priority group. */
  | "PRIORITY_GROUP_MISSING_IN_MUNICIPALITY";

export interface Gap {
  kind: GapKind;
  municipalityNumber: string | null;
  priorityGroup: PriorityGroup | null;
}

export interface GapInput {
  /** The municipalities in scope, in display order. */
  municipalityNumbers: readonly string[];
  /** Published offers per municipality. */
  totals: ReadonlyMap<string, number>;
  /** Published offers per municipality and priority group. */
  byPriorityGroup: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/**
 * A municipality with no offer is one gap, not five: its missing priority groups are implied.
 * A priority group missing everywhere is one gap, not one per municipality.
 */
export function findGaps(input: GapInput): Gap[] {
  const gaps: Gap[] = [];
  const served = input.municipalityNumbers.filter((m) => (input.totals.get(m) ?? 0) > 0);
  for (const m of input.municipalityNumbers) {
    if ((input.totals.get(m) ?? 0) === 0)
      gaps.push({ kind: "MUNICIPALITY_WITHOUT_OFFER", municipalityNumber: m, priorityGroup: null });
  }
  const count = (m: string, g: PriorityGroup) => input.byPriorityGroup.get(m)?.get(g) ?? 0;
  for (const group of priorityGroups) {
    if (input.municipalityNumbers.length > 0 && served.every((m) => count(m, group) === 0)) {
      gaps.push({ kind: "PRIORITY_GROUP_WITHOUT_OFFER", municipalityNumber: null, priorityGroup: group });
      continue;
    }
    for (const m of served) {
      if (count(m, group) === 0)
        gaps.push({
          kind: "PRIORITY_GROUP_MISSING_IN_MUNICIPALITY",
          municipalityNumber: m,
          priorityGroup: group,
        });
    }
  }
  return gaps;
}

const dayMs = 86_400_000;

/** Calendar days from `today` to `date` (UTC dates; negative when `date` has passed). */
export function daysUntil(date: Date, today: Date): number {
  const utcDay = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return Math.round((utcDay(date) - utcDay(today)) / dayMs);
}

/**
 * Days left when `date` is within the horizon or already past (overdue counts: a review or an
 * agreement that lapsed unnoticed is the most urgent case); null when it is further away.
 */
export function needsAttention(
  date: Date | null,
  today: Date,
  horizonDays = attentionHorizonDays,
): number | null {
  if (!date) return null;
  const days = daysUntil(date, today);
  return days <= horizonDays ? days : null;
}

/** The last day counted as "within the horizon", for database filters. */
export function horizonEnd(today: Date, horizonDays = attentionHorizonDays): Date {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + horizonDays));
}
