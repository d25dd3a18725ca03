import { z } from "zod";
import { builder } from "../builder.js";
import { MeasureStatusEnum } from "./action-plan-types.js";

// The input types of action plans: the measure list's filter and the two follow-ups.

export const MeasureFilterInput = builder.inputType("MeasureFilter", {
  fields: (t) => ({
    planKey: t.string(),
    section: t.string({ description: "Section number, e.g. 2.1.2; 2.1 also matches its subsections." }),
    status: t.field({ type: [MeasureStatusEnum] }),
    dueBefore: t.string({ description: "YYYY-MM-DD: measures whose next checkpoint is before this date." }),
    includeRemoved: t.boolean({ defaultValue: false }),
  }),
  validate: z
    .object({
      planKey: z.string().max(100).nullish(),
      section: z
        .string()
        .regex(/^\d+(\.\d+)*\.?$/)
        .nullish(),
      dueBefore: z.iso.date().nullish(),
    })
    .loose(),
});

export const UpdateMeasureStatusInputRef = builder.inputType("UpdateMeasureStatusInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true, description: "The version you saw; a stale one is refused." }),
    status: t.field({ type: MeasureStatusEnum, required: true }),
    note: t.string({ description: "Why, or what was done; kept as a progress note with the new status." }),
  }),
});

export const AddMeasureProgressNoteInputRef = builder.inputType("AddMeasureProgressNoteInput", {
  fields: (t) => ({
    measureId: t.id({ required: true }),
    text: t.string({ required: true }),
  }),
});
