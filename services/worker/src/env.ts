import { signUpRetentionSetting, smallCountThresholdSetting } from "@samspill/domain";
import { workerRoles } from "@samspill/events";
import { allowedPrivateCidrsSetting } from "@samspill/events/webhooks";
import { z } from "zod";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// connection URL"),
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .optional(),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// URL"),
    QUEUE_PREFIX: z.string().min(1).default("samspill"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
    /**
     * The queues this process takes (packages/events/src/queues.ts): `live` (events, projection,
     * outbox relay), `bulk` (summaries, mail, webhooks, imports, housekeeping) or `all`.
     * Production runs a live and a bulk process, so bulk work never delays the overview.
     */
    WORKER_ROLE: z.enum(workerRoles).default("all"),
    /**
     * Events held at once. Higher than WORKER_CONCURRENCY: the projector applies all the offer
     * events it holds in one transaction (jobs/project-overview.ts), so more held is fewer commits.
     * It also caps the rate: at most this many events per job time (≈ one projection commit), so a
     * commit slowed to ~170 ms by a loaded host holds 32 near 190 events/s (bench lag stages).
     */
    WORKER_EVENTS_CONCURRENCY: z.coerce.number().int().min(1).max(512).default(32),
    /**
     * Scheduling priority (nice, 0–19) the process gives itself; default 5 for `bulk`, 0 otherwise,
     * so that on a shared host a digest run yields the CPU to the live projection.
     */
    WORKER_NICE: z.coerce.number().int().min(0).max(19).optional(),
    /**
     * The longest a bulk job waits, before each mail, for a live events queue that is behind
     * (live-gate.ts); 0 turns the waiting off. The live role never waits.
     */
    WORKER_YIELD_MAX_MS: z.coerce.number().int().min(0).max(10_000).default(500),
    /** Prometheus /metrics (and /healthz) on this port; 0 picks a free one. */
    WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
    WORKER_METRICS_HOST: z.string().default("127.0.0.1"),
    /** When set, /metrics requires `Authorization: Bearer <token>` (a metrics port opened beyond localhost). */
    METRICS_TOKEN: z.string().min(16).optional(),
    /** Refuse to start (enforce), log (warn) or skip (off) when Redis lacks AOF/noeviction; default by NODE_ENV. */
    REDIS_DURABILITY_CHECK: z.enum(["enforce", "warn", "off"]).optional(),
    /** Outbox relay: poll interval while idle, and rows per claim. */
    RELAY_IDLE_MS: z.coerce.number().int().min(10).max(60_000).default(200),
    RELAY_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(100),
    /** A running job's lock; a worker that dies (SIGKILL) has its jobs taken over this long after. */
    WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
    /**
     * Sent outbox rows older than this many days are deleted daily (jobs/outbox-retention.ts). The
     * outbox is the event history (digest, change feed); the floor keeps more than a whole year, so
     * anything reporting on last year, in the first weeks of this one, still finds all of it.
     */
    OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(400).max(36_500).default(730),
    /** Sign-up personal data is anonymised this many months after the session (jobs/sign-up-retention.ts). */
    SIGN_UP_RETENTION_MONTHS: signUpRetentionSetting,
    /** How long a seat offered from the waiting list is held for the person to accept. */
    SEAT_OFFER_HOURS: z.coerce
      .number()
      .min(0.01)
      .max(24 * 14)
      .default(48),
    /**
     * Days before a course run its participants get a reminder (with the calendar file), e.g. "2"
     * or "7,1" for two reminders; jobs/course-reminders.ts.
     */
    COURSE_REMINDER_DAYS: z
      .string()
      .default("2")
      .transform((v) => [...new Set(v.split(",").map((d) => Number(d.trim())))])
      .pipe(z.array(z.number().int().min(1).max(60)).min(1).max(5)),
    /** How long before a session with a minimum the hub decides whether it goes ahead. */
    MINIMUM_CHECK_HOURS: z.coerce
      .number()
      .min(1)
      .max(24 * 60)
      .default(72),
    /** Where summaries and reminders are sent; `npm start` points it at the local SMTP sink. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Samspill <ikke-svar@samspill.localhost>"),
    /** The web app's origin, for links in mails. */
    PUBLIC_URL: z.url().default("http://127.0.0.1:5173"),
    /**
     * Signs each mail's one-click unsubscribe link (HMAC-SHA256); the gateway must have the same.
     * Required in production, 32+ characters; a fixed development secret otherwise.
     */
    MAIL_LINK_SECRET: z
      .string()
      .min(32)
      .refine((v) => !v.startsWith("REPLACE"), "is still the template's placeholder")
      .optional(),
    /** Counts of fewer people than this are not published in mails; as the gateway's, at least 5. */
    SMALL_COUNT_THRESHOLD: smallCountThresholdSetting,
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** Delivery attempts per webhook event, and the first retry's delay (it doubles each time: 30 s … ≈ 1 h). */
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(25).default(8),
    WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
    /**
     * Non-public networks webhooks may be delivered to (addresses or CIDR ranges, comma-separated);
     * empty: public addresses only, whatever NODE_ENV says (server-side request forgery).
     */
    WEBHOOK_ALLOWED_PRIVATE_CIDRS: allowedPrivateCidrsSetting,
    /** The former blanket switch; refused so that no deployment believes it still applies. */
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: z
      .undefined({ error: "replaced by WEBHOOK_ALLOWED_PRIVATE_CIDRS (addresses or CIDR ranges)" })
      .optional(),
  })
  .refine((env) => env.NODE_ENV !== "production" || env.MAIL_LINK_SECRET, {
    path: ["MAIL_LINK_SECRET"],
    message: "is required in production (the gateway checks mails' unsubscribe links with the same)",
  });

export type WorkerEnv = z.infer<typeof schema>;

export function parseWorkerEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`The worker cannot start; fix these environment variables:\n${lines.join("\n")}`);
  }
  return result.data;
}
