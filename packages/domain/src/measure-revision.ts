import { z } from "zod";
import { checkpointRuleIssues } from "./checkpoints.js";
import { nonEmptyText, optionalText, plainText, uuid, version } from "./common.js";
import { cadences } from "./enums.js";
import { addFieldIssues } from "./field-issues.js";

// Plans are revised (the LMS plan was, in October 2024): measures are added, reworded,
// rescheduled or removed, each with an audit entry. A removed measure stays as history.

const year = z.number().int().min(2000).max(2100);

/** A measure's wording and schedule, as an editor writes them. */
const measureFields = {
  text: nonEmptyText(10_000),
  /** Who is responsible, e.g. ["HF", "RHF"] or ["Camilla E"]. */
  responsibleParties: z.array(nonEmptyText(300)).max(20),
  startYear: year.nullable(),
  /** The schedule as written in the plan, e.g. "Årlig desember". */
  checkpointRaw: optionalText(300),
  checkpointYear: year.nullable(),
  cadence: z.enum(cadences).nullable(),
  cadenceYears: z.number().int().min(1).max(50).nullable(),
  cadenceMonth: z.number().int().min(1).max(12).nullable(),
};

export const addMeasureInput = z
  .object({
    planId: uuid,
    /** One of the plan's sections, e.g. "2.1.2". */
    section: nonEmptyText(20),
    ...measureFields,
    startYear: measureFields.startYear.default(null),
    checkpointYear: measureFields.checkpointYear.default(null),
    cadenceYears: measureFields.cadenceYears.default(null),
    cadenceMonth: measureFields.cadenceMonth.default(null),
    cadence: measureFields.cadence.default(null),
  })
  .strict()
  .superRefine((m, ctx) => addFieldIssues(ctx, checkpointRuleIssues(m)));
export type AddMeasureInput = z.output<typeof addMeasureInput>;

/** Only the fields given change; the schedule is checked as a whole once merged with the stored one. */
export const reviseMeasureInput = z
  .object({
    id: uuid,
    version,
    ...z.object(measureFields).partial().shape,
    /** Removes the measure from the current plan; it stays as history. */
    removed: z.literal(true).optional(),
    /** Why the plan changed here, kept as a progress note. */
    reason: plainText(4_000).min(1).nullish(),
  })
  .strict();
export type ReviseMeasureInput = z.output<typeof reviseMeasureInput>;

/** The measure's responsible parties as the plan writes them ("HF/RHF"). */
export const responsibleRawOf = (parties: readonly string[]) => parties.join("/");

export const meetCheckpointInput = z
  .object({ id: uuid, version, note: plainText(4_000).min(1).nullish() })
  .strict();
export type MeetCheckpointInput = z.output<typeof meetCheckpointInput>;

export const meetPlanReviewInput = z.object({ planId: uuid }).strict();
