import { z } from "zod";
import { isoDate, uuid, version } from "./common.js";
import { type FieldIssue, fieldIssue } from "./errors.js";
import { aggregateNotes } from "./personal-data.js";
import { bilingualIssue } from "./validation.js";

// Participation and PAM figures are aggregates: counts of people, never people. The rules
// below are what a report must satisfy; the gateway adds who may report on what.
//
// Participation report rules:
//  - subject: exactly one of an offer or a meeting point;
//  - period: start ≤ end ≤ today (Norwegian time), at most MAX_PERIOD_DAYS long: reports are
//    per course run, half-year or year, and the annual report cannot place a longer span;
//  - counts: whole numbers from 0; participants by audience at most MAX_PARTICIPANTS each, user
//    representatives at most MAX_USER_REPS per phase (larger numbers are typing errors);
//  - at least one participant: a report of nobody says nothing (a cancelled course is not
//    reported);
//  - no phase has more user representatives than there were participants: representatives
//    plan, run and evaluate a course for its participants, so more of them than participants
//    means the figures went into the wrong fields;
//  - notes hold no personal data (national identity numbers, e-mail addresses, phone numbers).

export const MAX_PARTICIPANTS = 50_000;
export const MAX_USER_REPS = 500;
export const MAX_PERIOD_DAYS = 366;
export const MAX_NOTES = 2_000;

export const participantFields = ["patients", "carers", "childrenAndYouth", "parents", "others"] as const;
export type ParticipantField = (typeof participantFields)[number];
export const userRepFields = ["userRepsPlanning", "userRepsDelivery", "userRepsEvaluation"] as const;
export type UserRepField = (typeof userRepFields)[number];

export type ParticipationFigures = Record<ParticipantField | UserRepField, number> & {
  periodStart: string;
  periodEnd: string;
};

/** Today's date in Norway as YYYY-MM-DD (reports are dated in local time, not UTC). */
export function norwegianToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(now);
}

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / dayMs);

/** Problems with a reporting period: order, future end, length. */
export function periodIssues(periodStart: string, periodEnd: string, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (periodEnd < periodStart)
    issues.push(
      fieldIssue(
        "periodEnd",
        "ends_before_start",
        "The period must end on or after its start",
        "Perioden må slutte samme dag som eller etter at den starter",
        "Perioden må slutte same dag som eller etter at han byrjar",
      ),
    );
  else if (daysBetween(periodStart, periodEnd) + 1 > MAX_PERIOD_DAYS)
    issues.push(
      fieldIssue(
        "periodEnd",
        "period_too_long",
        `A report covers at most ${MAX_PERIOD_DAYS} days; report each year separately`,
        `En rapport dekker høyst ${MAX_PERIOD_DAYS} dager; rapporter hvert år for seg`,
        `Ein rapport dekkjer høgst ${MAX_PERIOD_DAYS} dagar; rapporter kvart år for seg`,
      ),
    );
  if (periodEnd > today)
    issues.push(
      fieldIssue(
        "periodEnd",
        "in_future",
        "You can only report a period that has ended (today at the latest)",
        "Du kan bare rapportere en periode som er over (senest i dag)",
        "Du kan berre rapportere ein periode som er over (seinast i dag)",
      ),
    );
  if (periodStart > today)
    issues.push(
      fieldIssue(
        "periodStart",
        "in_future",
        "The period cannot start in the future",
        "Perioden kan ikke starte fram i tid",
        "Perioden kan ikkje byrje fram i tid",
      ),
    );
  return issues;
}

export function totalParticipants(f: Record<ParticipantField, number>): number {
  return participantFields.reduce((sum, k) => sum + f[k], 0);
}

/** The cross-field rules of a participation report (the single fields are checked by zod). */
export function participationIssues(f: ParticipationFigures, today: string = norwegianToday()): FieldIssue[] {
  const issues = periodIssues(f.periodStart, f.periodEnd, today);
  const participants = totalParticipants(f);
  if (participants === 0)
    issues.push(
      fieldIssue(
        "patients",
        "no_participants",
        "Report at least one participant",
        "Rapporter minst én deltaker",
        "Rapporter minst éin deltakar",
      ),
    );
  for (const k of userRepFields)
    if (participants > 0 && f[k] > participants)
      issues.push(
        fieldIssue(
          k,
          "more_reps_than_participants",
          `More user representatives (${f[k]}) than participants (${participants}): check that the figures are in the right fields`,
          `Flere brukerrepresentanter (${f[k]}) enn deltakere (${participants}): sjekk at tallene står i riktige felt`,
          `Fleire brukarrepresentantar (${f[k]}) enn deltakarar (${participants}): sjekk at tala står i rette felt`,
        ),
      );
  return issues;
}

const participantCount = z.number().int().min(0).max(MAX_PARTICIPANTS);
const userRepCount = z.number().int().min(0).max(MAX_USER_REPS);
const countDefault = <T extends z.ZodNumber>(n: T) => n.nullish().transform((v) => v ?? 0);

const countFields = {
  patients: countDefault(participantCount),
  carers: countDefault(participantCount),
  childrenAndYouth: countDefault(participantCount),
  parents: countDefault(participantCount),
  others: countDefault(participantCount),
  userRepsPlanning: countDefault(userRepCount),
  userRepsDelivery: countDefault(userRepCount),
  userRepsEvaluation: countDefault(userRepCount),
};

/** Cross-field rules run once every field is valid on its own, so one mistake is reported once. */
const crossFieldRules = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

function addAll(ctx: z.RefinementCtx, issues: FieldIssue[]) {
  for (const i of issues)
    ctx.addIssue(bilingualIssue(i.field.split("."), i.code, i.message, i.messageNb, i.messageNn));
}

/** A report is on an offer or on a meeting point: exactly one of them. */
export function checkOneSubject(
  v: { offerId?: string | null; meetingPointId?: string | null },
  ctx: z.RefinementCtx,
): void {
  if (!v.offerId === !v.meetingPointId)
    ctx.addIssue(
      bilingualIssue(
        [v.offerId ? "meetingPointId" : "offerId"],
        "one_subject",
        "Report on either an offer or a meeting point, not both or neither",
        "Rapporter enten for et tilbud eller for et møtepunkt, ikke begge eller ingen",
        "Rapporter anten for eit tilbod eller for eit møtepunkt, ikkje begge eller ingen",
      ),
    );
}

export const reportParticipationInput = z
  .object({
    reporterId: uuid,
    offerId: uuid.nullish(),
    meetingPointId: uuid.nullish(),
    periodStart: isoDate,
    periodEnd: isoDate,
    ...countFields,
    notes: aggregateNotes(MAX_NOTES),
  })
  .strict()
  .superRefine((v, ctx) => {
    checkOneSubject(v, ctx);
    addAll(ctx, participationIssues(v));
  }, crossFieldRules);
export type ReportParticipationInput = z.output<typeof reportParticipationInput>;

/**
 * A correction restates some of the figures; the gateway merges them with the stored report
 * and checks the result with `participationIssues`. Reporter and subject never change.
 */
export const correctParticipationReportInput = z
  .object({
    id: uuid,
    version,
    periodStart: isoDate.optional(),
    periodEnd: isoDate.optional(),
    ...(Object.fromEntries(
      Object.keys(countFields).map((k) => [
        k,
        (k.startsWith("userReps") ? userRepCount : participantCount).optional(),
      ]),
    ) as Record<ParticipantField | UserRepField, z.ZodOptional<z.ZodNumber>>),
    notes: aggregateNotes(MAX_NOTES),
  })
  .strict();
export type CorrectParticipationReportInput = z.output<typeof correctParticipationReportInput>;

// ---------------------------------------------------------------- PAM
//
// Patient Activation Measure (13 items): each respondent scores 0–100 and falls in one of four
// levels by the instrument's cut points. Per offer and period the hub stores, before and after
// the course, the respondents, their mean score and how many were at each level. Rules: period
// as for participation; respondents 1–MAX_PARTICIPANTS on each side; the four level counts add
// up to the respondents; the mean score (0–100, two decimals) is one the levels allow — between
// the mean of every respondent at the bottom of their level and at the top of it.

/** Score range of each PAM level (level 1 ≤ 47.0, 2: 47.1–55.1, 3: 55.2–67.0, 4 ≥ 67.1). */
export const pamLevelRanges: readonly (readonly [number, number])[] = [
  [0, 47.0],
  [47.1, 55.1],
  [55.2, 67.0],
  [67.1, 100],
];

/** The lowest and highest mean score respondents spread over the levels as `levels` can have. */
export function pamMeanBounds(levels: readonly number[]): [number, number] {
  const n = levels.reduce((a, b) => a + b, 0);
  if (n === 0) return [0, 100];
  const lo = levels.reduce((s, c, i) => s + c * pamLevelRanges[i]![0], 0) / n;
  const hi = levels.reduce((s, c, i) => s + c * pamLevelRanges[i]![1], 0) / n;
  return [lo, hi];
}

const pamScore = z
  .number()
  .min(0)
  .max(100)
  .transform((v) => Math.round(v * 100) / 100);
const pamLevels = z.array(z.number().int().min(0).max(MAX_PARTICIPANTS)).length(4);
const respondents = z.number().int().min(1).max(MAX_PARTICIPANTS);

export const reportPamEvaluationInput = z
  .object({
    offerId: uuid,
    periodStart: isoDate,
    periodEnd: isoDate,
    respondentsBefore: respondents,
    respondentsAfter: respondents,
    meanScoreBefore: pamScore,
    meanScoreAfter: pamScore,
    levelsBefore: pamLevels,
    levelsAfter: pamLevels,
  })
  .strict()
  .superRefine((v, ctx) => {
    addAll(ctx, periodIssues(v.periodStart, v.periodEnd, norwegianToday()));
    for (const side of ["Before", "After"] as const) {
      const levels = v[`levels${side}`];
      const n = v[`respondents${side}`];
      const sum = levels.reduce((a, b) => a + b, 0);
      if (sum !== n) {
        ctx.addIssue(
          bilingualIssue(
            [`levels${side}`],
            "levels_sum",
            `The four levels add up to ${sum}, not to the ${n} respondents`,
            `De fire nivåene summerer til ${sum}, ikke til de ${n} respondentene`,
            `Dei fire nivåa summerer til ${sum}, ikkje til dei ${n} respondentane`,
          ),
        );
        continue;
      }
      const [lo, hi] = pamMeanBounds(levels);
      const mean = v[`meanScore${side}`];
      // Half a hundredth of slack for means rounded to two decimals.
      if (mean < lo - 0.005 || mean > hi + 0.005)
        ctx.addIssue(
          bilingualIssue(
            [`meanScore${side}`],
            "mean_outside_levels",
            `A mean score of ${mean} is impossible with these levels (it must lie between ${lo.toFixed(1)} and ${hi.toFixed(1)})`,
            `En gjennomsnittsskår på ${mean} er umulig med disse nivåene (den må ligge mellom ${lo.toFixed(1)} og ${hi.toFixed(1)})`,
            `Ein gjennomsnittsskår på ${mean} er umogleg med desse nivåa (han må liggje mellom ${lo.toFixed(1)} og ${hi.toFixed(1)})`,
          ),
        );
    }
  }, crossFieldRules);
export type ReportPamEvaluationInput = z.output<typeof reportPamEvaluationInput>;

/** A date window for summaries: reports lying wholly inside it count. */
export const periodWindow = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .superRefine((v, ctx) => {
    if (v.to < v.from)
      ctx.addIssue(
        bilingualIssue(
          ["to"],
          "ends_before_start",
          "`to` is before `from`",
          "`to` er før `from`",
          "`to` er før `from`",
        ),
      );
  });
