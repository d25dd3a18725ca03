import { z } from "zod";
import { uuid } from "./common.js";
import { MAX_USER_REPS } from "./participation.js";

// Attendance after a course run, and the participation report it gives (issue 14, item 6). The
// provider ticks who came among the confirmed sign-ups; the report counts the patients and
// relatives who came and takes the user representatives (planning, delivery, evaluation) from the
// provider. The report's own rules are the participation report's (participationIssues).

export const MAX_ATTENDANCE_MARKS = 500;

export const recordAttendanceInput = z
  .object({
    sessionId: uuid,
    marks: z
      .array(z.object({ signUpId: uuid, attended: z.boolean() }).strict())
      .min(1)
      .max(MAX_ATTENDANCE_MARKS),
  })
  .strict();
export type RecordAttendanceInput = z.output<typeof recordAttendanceInput>;

const reps = z
  .number()
  .int()
  .min(0)
  .max(MAX_USER_REPS)
  .nullish()
  .transform((v) => v ?? 0);

export const prepareAttendanceReportInput = z
  .object({
    sessionId: uuid,
    /** The user organisation that confirms the figures; none when no user organisation took part. */
    userOrganisationId: uuid.nullish(),
    userRepsPlanning: reps,
    userRepsDelivery: reps,
    userRepsEvaluation: reps,
  })
  .strict();
export type PrepareAttendanceReportInput = z.output<typeof prepareAttendanceReportInput>;

export const confirmAttendanceReportInput = z.object({ sessionId: uuid }).strict();
