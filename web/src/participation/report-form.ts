import {
  MAX_PARTICIPANTS,
  MAX_USER_REPS,
  norwegianToday,
  type ParticipantField,
  type ParticipationFigures,
  participantFields,
  participationIssues,
  type UserRepField,
  userRepFields,
} from "@samspill/domain";
import type { TFunction } from "i18next";
import type { FieldErrors, FieldIssue } from "../shared/mutations.js";
import type { Report, ReportableOffer } from "./queries.js";

// The report form's values are kept as typed (text), so nothing is lost before it is checked.
// The browser checks what it can with the domain's own rules (participationIssues: the period,
// at least one participant, no phase with more user representatives than participants), so the
// messages are the gateway's word for word; the gateway checks everything again, and only it
// looks for personal data in the notes.

export type CountField = ParticipantField | UserRepField;
export const countFields: readonly CountField[] = [...participantFields, ...userRepFields];

export interface FiguresValues extends Record<CountField, string> {
  periodStart: string;
  periodEnd: string;
  notes: string;
}

export interface NewReportValues extends FiguresValues {
  subjectKind: "offer" | "meeting";
  offer: ReportableOffer | null;
  meetingPointId: string;
}

const blankCounts = Object.fromEntries(countFields.map((k) => [k, ""])) as Record<CountField, string>;

export function emptyReport(): NewReportValues {
  return {
    subjectKind: "offer",
    offer: null,
    meetingPointId: "",
    periodStart: "",
    periodEnd: "",
    notes: "",
    ...blankCounts,
  };
}

export function valuesFromReport(report: Report): FiguresValues {
  const counts = Object.fromEntries(countFields.map((k) => [k, String(report[k])])) as Record<
    CountField,
    string
  >;
  return {
    periodStart: report.periodStart,
    periodEnd: report.periodEnd,
    notes: report.notes ?? "",
    ...counts,
  };
}

/** A count as typed: empty is 0, anything but a whole number from 0 is null. */
export function parseCount(text: string): number | null {
  const v = text.trim();
  if (v === "") return 0;
  return /^\d+$/.test(v) ? Number(v) : null;
}

/** The participants added up, over the fields that hold whole numbers. */
export function totalOf(values: FiguresValues): number {
  return participantFields.reduce((sum, k) => sum + (parseCount(values[k]) ?? 0), 0);
}

function add(errors: FieldErrors, field: string, message: string) {
  errors[field] = [...(errors[field] ?? []), message];
}

/**
 * What the browser can tell is wrong before sending: required fields, whole numbers within
 * bounds, then the cross-field rules. `issueText` picks the language of a domain issue.
 */
export function checkFigures(
  values: FiguresValues,
  t: TFunction,
  issueText: (issue: FieldIssue) => string,
  today: string = norwegianToday(),
): FieldErrors {
  const errors: FieldErrors = {};
  const counts = {} as Record<CountField, number>;
  for (const k of countFields) {
    const n = parseCount(values[k]);
    const max = (userRepFields as readonly string[]).includes(k) ? MAX_USER_REPS : MAX_PARTICIPANTS;
    if (n === null) add(errors, k, t("participation.wholeNumber"));
    else if (n > max) add(errors, k, t("participation.tooLarge", { max }));
    else counts[k] = n;
  }
  if (!values.periodStart) add(errors, "periodStart", t("participation.required"));
  if (!values.periodEnd) add(errors, "periodEnd", t("participation.required"));
  // The cross-field rules only once every field is right on its own, so one mistake shows once.
  if (Object.keys(errors).length > 0) return errors;
  const figures: ParticipationFigures = {
    ...counts,
    periodStart: values.periodStart,
    periodEnd: values.periodEnd,
  };
  for (const issue of participationIssues(figures, today)) add(errors, issue.field, issueText(issue));
  return errors;
}

export function checkNewReport(
  values: NewReportValues,
  t: TFunction,
  issueText: (issue: FieldIssue) => string,
): FieldErrors {
  const subject: FieldErrors = {};
  if (values.subjectKind === "offer" && !values.offer)
    subject.offerId = [t("participation.chooseOfferError")];
  if (values.subjectKind === "meeting" && !values.meetingPointId)
    subject.meetingPointId = [t("participation.chooseMeetingError")];
  return { ...subject, ...checkFigures(values, t, issueText) };
}

function figuresInput(values: FiguresValues) {
  const counts = Object.fromEntries(countFields.map((k) => [k, parseCount(values[k]) ?? 0]));
  return { periodStart: values.periodStart, periodEnd: values.periodEnd, ...counts };
}

/** ReportParticipationInput for the form (checked first, so every count parses). */
export function toReportInput(reporterId: string, values: NewReportValues) {
  return {
    reporterId,
    offerId: values.subjectKind === "offer" ? (values.offer?.id ?? null) : null,
    meetingPointId: values.subjectKind === "meeting" ? values.meetingPointId || null : null,
    ...figuresInput(values),
    notes: values.notes.trim() || null,
  };
}

/** CorrectParticipationReportInput: every figure restated; empty notes clear them. */
export function toCorrectionInput(report: Pick<Report, "id" | "version">, values: FiguresValues) {
  return {
    id: report.id,
    version: report.version,
    ...figuresInput(values),
    notes: values.notes.trim() || null,
  };
}
