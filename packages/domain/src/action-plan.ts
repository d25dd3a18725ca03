import { z } from "zod";
import { nonEmptyText, uuid, version } from "./common.js";
import { type Cadence, type MeasureStatus, measureStatuses } from "./enums.js";
import { bilingualIssue } from "./validation.js";

export interface CheckpointRule {
  cadence: Cadence | null;
  checkpointYear: number | null;
  cadenceYears: number | null;
  cadenceMonth: number | null;
  startYear: number | null;
}

/**
 * The next date a measure is to be checked, on or after `today`, or null when the plan gives
 * no date to check against (continuous work, "after each course"). A one-off checkpoint that
 * has passed stays on its date so it shows as overdue rather than vanishing.
 */
export function nextCheckpoint(rule: CheckpointRule, today: Date): Date | null {
  const endOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0));
  const year = today.getUTCFullYear();
  switch (rule.cadence) {
    case "ONCE": {
      if (rule.checkpointYear === null) return null;
      return endOfMonth(rule.checkpointYear, rule.cadenceMonth ?? 12);
    }
    case "ANNUAL": {
      const month = rule.cadenceMonth ?? 12;
      const first = rule.checkpointYear ?? year;
      let candidate = endOfMonth(Math.max(first, year), month);
      if (candidate < startOfUtcDay(today) && first <= year) candidate = endOfMonth(year + 1, month);
      return candidate;
    }
    case "EVERY_N_YEARS": {
      const every = rule.cadenceYears ?? 1;
      const base = rule.checkpointYear ?? rule.startYear ?? year;
      let y = base;
      while (endOfMonth(y, rule.cadenceMonth ?? 12) < startOfUtcDay(today)) y += every;
      return endOfMonth(y, rule.cadenceMonth ?? 12);
    }
    default:
      return null;
  }
}

/** Midnight (UTC) of the day `d` falls on: checkpoints are dates, compared day by day. */
export function startOfUtcDay(d: Date = new Date()): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

// Measures are followed up by the plan owner's editors: a status and dated progress notes.
// REMOVED is not a status one sets: removing a measure is a revision of the plan, and removed
// measures stay as history, unchanged.

export const MAX_PROGRESS_NOTE = 4_000;

const settableStatus = z.enum(measureStatuses).superRefine((status, ctx) => {
  if (status === "REMOVED")
    ctx.addIssue(
      bilingualIssue(
        [],
        "not_settable",
        "A measure is removed by revising the plan, not by its status",
        "Et tiltak fjernes ved å revidere planen, ikke ved å endre status",
      ),
    );
});

export const updateMeasureStatusInput = z
  .object({
    id: uuid,
    version,
    status: settableStatus,
    /** Optional note on why; stored as a progress note with the new status. */
    note: nonEmptyText(MAX_PROGRESS_NOTE).nullish(),
  })
  .strict();
export type UpdateMeasureStatusInput = z.output<typeof updateMeasureStatusInput>;

export const addMeasureProgressNoteInput = z
  .object({ measureId: uuid, text: nonEmptyText(MAX_PROGRESS_NOTE) })
  .strict();
export type AddMeasureProgressNoteInput = z.output<typeof addMeasureProgressNoteInput>;

/**
 * The checkpoint to remind about after a status change: none once the measure is done (there is
 * nothing left to check), otherwise the next one its cadence gives.
 */
export function checkpointAfter(rule: CheckpointRule, status: MeasureStatus, today: Date): Date | null {
  return status === "DONE" || status === "REMOVED" ? null : nextCheckpoint(rule, today);
}
