import { z } from "zod";
import { builder } from "../builder.js";

// The input types of participation reports: a new report, a correction and the list's filter.

type InputFields = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];

const countInputs = (t: InputFields) => ({
  patients: t.int(),
  carers: t.int(),
  childrenAndYouth: t.int(),
  parents: t.int(),
  others: t.int({ description: "Health personnel, students and anyone not in an audience." }),
  userRepsPlanning: t.int(),
  userRepsDelivery: t.int(),
  userRepsEvaluation: t.int(),
});

export const ReportParticipationInputRef = builder.inputType("ReportParticipationInput", {
  description: "Aggregates only. Absent counts are 0. Notes must not name or identify anyone.",
  fields: (t) => ({
    reporterId: t.id({ required: true, description: "Your organisation, reporting." }),
    offerId: t.id(),
    meetingPointId: t.id(),
    periodStart: t.string({ required: true, description: "YYYY-MM-DD" }),
    periodEnd: t.string({ required: true, description: "YYYY-MM-DD, today at the latest." }),
    ...countInputs(t),
    notes: t.string(),
  }),
});

export const CorrectParticipationReportInputRef = builder.inputType("CorrectParticipationReportInput", {
  description: "Restates some figures of a report; the others stay. Pass the version you corrected.",
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    periodStart: t.string(),
    periodEnd: t.string(),
    ...countInputs(t),
    notes: t.string({ description: "null clears the notes." }),
  }),
});

export const ParticipationReportFilter = builder.inputType("ParticipationReportFilter", {
  description: "Dates are YYYY-MM-DD; a report matches when its period overlaps from–to.",
  fields: (t) => ({
    reporterId: t.id(),
    offerId: t.id(),
    meetingPointId: t.id(),
    from: t.string(),
    to: t.string(),
  }),
  validate: z
    .object({
      reporterId: z.uuid().nullish(),
      offerId: z.uuid().nullish(),
      meetingPointId: z.uuid().nullish(),
      from: z.iso.date().nullish(),
      to: z.iso.date().nullish(),
    })
    .strict(),
});
