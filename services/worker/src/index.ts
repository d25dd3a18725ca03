export { parseWorkerEnv, type WorkerEnv } from "./env.js";
export { type AnyJobDefinition, defineJob, type JobContext, type JobDefinition, jobs } from "./jobs/index.js";
export { deleteSentOutboxRows, outboxRetentionJob, type RetentionRun } from "./jobs/outbox-retention.js";
export { signUpRetentionJob } from "./jobs/sign-up-retention.js";
export { serveMetrics, type WorkerMetrics } from "./metrics.js";
export { type RedriveResult, redriveFailed } from "./redrive.js";
export {
  inviteRegionalAdmin,
  type RegionalAdminInvitation,
  type RegionalAdminInvitationInput,
} from "./regional-admin-invitation.js";
export { startWorker, type WorkerDeps, type WorkerRuntime } from "./runtime.js";
