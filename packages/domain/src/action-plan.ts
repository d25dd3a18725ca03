import { z } from "zod";
import { type CheckpointRule, nextCheckpoint } from "./checkpoints.js";
import { nonEmptyText, uuid, version } from "./common.js";
import { type MeasureStatus, measureStatuses } from "./enums.js";
import { bilingualIssue } from "./validation.js";

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
        "Eit tiltak blir fjerna ved å revidere planen, ikkje ved å endre status",
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
