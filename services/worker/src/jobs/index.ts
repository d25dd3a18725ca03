import { advanceCheckpointsJob } from "./advance-checkpoints.js";
import { annualReportJob } from "./annual-report.js";
import { courseConfirmationJob } from "./course-confirmation.js";
import { courseRemindersJob } from "./course-reminders.js";
import { weeklyDigestJob } from "./digest.js";
import { weeklyDigestChunkJob } from "./digest-chunk.js";
import { forumFlagDueJob } from "./forum-flag-due.js";
import { forumFlagRaisedJob } from "./forum-flag-raised.js";
import { invitationMailJob } from "./invitation-mail.js";
import { offerImport, offerImportConfirmed } from "./offer-import.js";
import { outboxRetentionJob } from "./outbox-retention.js";
import { projectOverview } from "./project-overview.js";
import { publishOrganisationEvents } from "./publish-organisation-event.js";
import { remindersJob } from "./reminders.js";
import { signUpMailJob } from "./sign-up-mail.js";
import { signUpMinimumCheckJob } from "./sign-up-minimum-check.js";
import { signUpOfferExpiryJob } from "./sign-up-offer-expiry.js";
import { signUpRetentionJob } from "./sign-up-retention.js";
import { signUpSessionCancelledJob } from "./sign-up-session-cancelled.js";
import { signUpSessionDecisionJob } from "./sign-up-session-decision.js";
import { signUpWaitingListJob } from "./sign-up-waiting-list.js";
import { halfYearlySummaryJob } from "./summary.js";
import type { AnyJobDefinition } from "./types.js";
import { webhookDeliver, webhookFanOut } from "./webhook.js";

// Every job the worker runs. main.ts starts one BullMQ Worker per queue named here and hands
// each job to the definitions that take its name; add a definition to this list to plug a job in.
export const jobs: readonly AnyJobDefinition[] = [
  projectOverview,
  publishOrganisationEvents,
  // Summaries, reminders and webhooks (mail/README.md, jobs/webhook.ts).
  weeklyDigestJob,
  weeklyDigestChunkJob,
  halfYearlySummaryJob,
  annualReportJob,
  remindersJob,
  // Forum flags (issue 15): the owner is told when flagged and again as the due date nears.
  forumFlagRaisedJob,
  forumFlagDueJob,
  invitationMailJob,
  webhookFanOut,
  webhookDeliver,
  // Course sign-up (issue 14): the waiting list moves before the mails that report it.
  signUpWaitingListJob,
  signUpMailJob,
  courseConfirmationJob,
  courseRemindersJob,
  signUpSessionCancelledJob,
  signUpSessionDecisionJob,
  signUpOfferExpiryJob,
  signUpMinimumCheckJob,
  // Confirmed offer imports (commands/offer-import).
  offerImportConfirmed,
  offerImport,
  // Housekeeping.
  advanceCheckpointsJob,
  outboxRetentionJob,
  signUpRetentionJob,
];

export { type AnyJobDefinition, defineJob, type JobContext, type JobDefinition } from "./types.js";
