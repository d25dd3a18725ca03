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
export { type DigestCatalogue, loadDigestCatalogue } from "./digest-catalogue.js";
export {
  buildDigest,
  type DigestContent,
  digestLookups,
  digestSince,
  isEmptyDigest,
  lookbackFloor,
  shownPerSection,
} from "./digest-content.js";
export {
  type DigestReader,
  digestReaderOrder,
  type GroupedDigests,
  groupedDigests,
} from "./digest-groups.js";
export { withCatchments } from "./filters.js";
export {
  dueForumFlags,
  type FlagMailItem,
  type FlagRecipient,
  flagPeriodKey,
  flagRecipients,
  raisedFlag,
} from "./forum-flag-content.js";
export { buildHalfYearly } from "./half-yearly-content.js";
export { links } from "./links.js";
export { loadOfferEvents } from "./offer-changes.js";
export { osloDay } from "./oslo.js";
export { halfYearOf, isoWeekKey, reportYearOf, weekLabel } from "./periods.js";
export { type DigestPreview, previewDigest } from "./preview.js";
export { recipientLanguage, recipientLanguages } from "./recipient-language.js";
export {
  checkpointHorizonDays,
  dueReminders,
  type Reminder,
  reminderRecipients,
} from "./reminders-content.js";
export { type BatchMail, type BatchResult, sendBatchOnce } from "./send-batch.js";
export { sendOnce } from "./send-once.js";
export { claimSignUpMail, releaseSignUpMail } from "./sign-up-claims.js";
export { type CapturedMessage, type SmtpSink, startSmtpSink, storeInDatabase } from "./sink.js";
export { renderAnnualReport } from "./templates/annual-report.js";
export { type CourseMailKind, type CourseMailLocale, renderCourseMail } from "./templates/course-mail.js";
export {
  type DigestRenderer,
  type DigestTemplate,
  type DigestTemplates,
  digestRenderer,
  digestTemplates,
  renderDigest,
} from "./templates/digest.js";
export { type FlagOccasion, renderForumFlagMail } from "./templates/forum-flag.js";
export { renderHalfYearly } from "./templates/half-yearly.js";
export { type InvitationLocale, renderInvitation } from "./templates/invitation.js";
export { renderReminders } from "./templates/reminders.js";
export type { RenderedMail } from "./templates/render.js";
export { renderSessionDecision, type SessionDecisionProps } from "./templates/session-decision.js";
export {
  renderSignUpMail,
  type SignUpMailKind,
  type SignUpMailLocale,
  type SignUpMailProps,
} from "./templates/sign-up.js";
export { type MailTexts, mailTexts, mailTextsByLanguage } from "./texts/index.js";
export { createMailer, type Mailer, newMessageId } from "./transport.js";
export { type UnsubscribeLinks, unsubscribeLinks } from "./unsubscribe.js";
