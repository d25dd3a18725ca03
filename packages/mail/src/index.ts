// The hub's mail: what each summary holds (built from the database), its React Email template,
// the periods and links it uses, sending once per recipient and period over SMTP, and the local
// SMTP sink. The worker's jobs decide when; the gateway previews with the same code.

export {
  type AnnualReport,
  buildAnnualReport,
  loadReportScopes,
  type ReportScope,
  scopesFor,
} from "./annual-report-content.js";
export {
  buildDigest,
  type DigestContent,
  digestLookups,
  digestSince,
  isEmptyDigest,
  lookbackFloor,
} from "./digest-content.js";
export { buildHalfYearly } from "./half-yearly-content.js";
export { loadOfferEvents } from "./offer-changes.js";
export { osloDay } from "./oslo.js";
export { halfYearOf, isoWeekKey, reportYearOf, weekLabel } from "./periods.js";
export { type DigestPreview, previewDigest } from "./preview.js";
export { dueReminders, type Reminder, reminderRecipients } from "./reminders-content.js";
export { sendOnce } from "./send-once.js";
export { type CapturedMessage, type SmtpSink, startSmtpSink, storeInDatabase } from "./sink.js";
export { renderAnnualReport } from "./templates/annual-report.js";
export { renderDigest } from "./templates/digest.js";
export { renderHalfYearly } from "./templates/half-yearly.js";
export { renderReminders } from "./templates/reminders.js";
export type { RenderedMail } from "./templates/render.js";
export { createMailer, type Mailer } from "./transport.js";
