import type { Cadence } from "./enums.js";
import type { FieldIssue } from "./errors.js";
import { fieldIssue } from "./errors.js";

// When a measure (or a plan's own review) is to be checked. The plans write their schedule as a
// cadence: "2025" (one-off), "Årlig desember", "Halvårlig", "Hvert 5 år", "Etter kurs",
// "Kontinuerlig". Each checkpoint falls on the last day of its month. A recurring checkpoint
// stays on its date until someone marks it met; the advance-checkpoints job then moves it on
// (checkpointFollowing), so one missed is shown overdue rather than silently skipped.

export interface CheckpointRule {
  cadence: Cadence | null;
  checkpointYear: number | null;
  cadenceYears: number | null;
  cadenceMonth: number | null;
  startYear: number | null;
}

/** Months between the checkpoints of the cadences that repeat within a year or yearly. */
const monthsApart: Partial<Record<Cadence, number>> = { QUARTERLY: 3, HALF_YEARLY: 6, ANNUAL: 12 };

/** Cadences that give a date again after one is met. */
export const recurringCadences: readonly Cadence[] = ["ANNUAL", "HALF_YEARLY", "QUARTERLY", "EVERY_N_YEARS"];

const endOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0));

/** Midnight (UTC) of the day `d` falls on: checkpoints are dates, compared day by day. */
export function startOfUtcDay(d: Date = new Date()): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

const dayAfter = (d: Date) => new Date(startOfUtcDay(d).getTime() + 86_400_000);

/**
 * The first month-end on or after `from`, in a month `every` months apart from `anchorMonth`
 * (December unless the plan names one), and not before `firstYear` when the plan names a year.
 */
function nextMonthEnd(every: number, anchorMonth: number, firstYear: number | null, from: Date): Date {
  const day = startOfUtcDay(from);
  let year = Math.max(day.getUTCFullYear(), firstYear ?? 0);
  let month = ((anchorMonth - 1) % every) + 1;
  for (;;) {
    const candidate = endOfMonth(year, month);
    if (candidate >= day) return candidate;
    month += every;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
  }
}

/**
 * The next date a measure is to be checked, on or after `today`, or null when the plan gives
 * no date to check against (continuous work, "after each course"). A one-off checkpoint that
 * has passed stays on its date so it shows as overdue rather than vanishing.
 */
export function nextCheckpoint(rule: CheckpointRule, today: Date): Date | null {
  const year = today.getUTCFullYear();
  const every = rule.cadence ? monthsApart[rule.cadence] : undefined;
  if (every) return nextMonthEnd(every, rule.cadenceMonth ?? 12, rule.checkpointYear, today);
  switch (rule.cadence) {
    case "ONCE":
      return rule.checkpointYear === null ? null : endOfMonth(rule.checkpointYear, rule.cadenceMonth ?? 12);
    case "EVERY_N_YEARS": {
      const step = rule.cadenceYears ?? 1;
      let y = rule.checkpointYear ?? rule.startYear ?? year;
      while (endOfMonth(y, rule.cadenceMonth ?? 12) < startOfUtcDay(today)) y += step;
      return endOfMonth(y, rule.cadenceMonth ?? 12);
    }
    default:
      // CONTINUOUS, AFTER_EACH_COURSE (checked when a course ends, not on a date) and OTHER.
      return null;
  }
}

/**
 * The checkpoint after one that was due on `due` and met on `metOn`: the cadence's next date
 * after both, so a review met late counts for the one it made up for. A one-off checkpoint, once
 * met, has none.
 */
export function checkpointFollowing(rule: CheckpointRule, due: Date, metOn: Date): Date | null {
  if (!rule.cadence || !recurringCadences.includes(rule.cadence)) return null;
  return nextCheckpoint(rule, dayAfter(due > metOn ? due : metOn));
}

/** What a schedule must hold together: the year of a one-off, the step of "every N years". */
export function checkpointRuleIssues(rule: CheckpointRule): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (rule.cadence === "ONCE" && rule.checkpointYear === null)
    issues.push(
      fieldIssue(
        "checkpointYear",
        "checkpoint_year_required",
        "A one-off checkpoint needs its year",
        "Et enkeltstående sjekkpunkt trenger et år",
        "Eit einskildståande sjekkpunkt treng eit år",
      ),
    );
  if ((rule.cadence === "EVERY_N_YEARS") !== (rule.cadenceYears !== null))
    issues.push(
      fieldIssue(
        "cadenceYears",
        "cadence_years_mismatch",
        "Give the number of years for, and only for, a checkpoint every N years",
        "Oppgi antall år for, og bare for, et sjekkpunkt hvert N. år",
        "Oppgi talet på år for, og berre for, eit sjekkpunkt kvart N. år",
      ),
    );
  return issues;
}
