import { annualReportJob } from "./annual-report.js";
import { weeklyDigestJob } from "./digest.js";
import { outboxRetentionJob } from "./outbox-retention.js";
import { projectOverview } from "./project-overview.js";
import { publishOrganisationEvents } from "./publish-organisation-event.js";
import { remindersJob } from "./reminders.js";
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
  halfYearlySummaryJob,
  annualReportJob,
  remindersJob,
  webhookFanOut,
  webhookDeliver,
  // Housekeeping.
  outboxRetentionJob,
];

export { type AnyJobDefinition, defineJob, type JobContext, type JobDefinition } from "./types.js";
