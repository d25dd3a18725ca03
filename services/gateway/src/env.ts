import { signUpRetentionSetting, smallCountThresholdSetting } from "@samspill/domain";
import { allowedPrivateCidrsSetting } from "@samspill/events/webhooks";
import { z } from "zod";

// Parsed once at start; a missing or malformed variable stops the gateway with a readable list.

/** An optional secret or setting; empty counts as unset (compose passes `${VAR:-}` through). */
const optionalText = (min = 1) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.string().min(min).optional());
const fields = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// connection URL"),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .optional(),
  /** A streaming read replica of DATABASE_URL; GraphQL queries and exports read from it when set. */
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// connection URL")
    .optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// URL"),
  QUEUE_PREFIX: z.string().min(1).default("samspill"),
  GATEWAY_HOST: z.string().default("127.0.0.1"),
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  PUBLIC_URL: z.url().optional(),
  WEB_ORIGIN: z.string().default("http://127.0.0.1:5173"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Nodes one GraphQL operation may touch, lists counted by page size (query-cost.ts). */
  GRAPHQL_MAX_COST: z.coerce.number().int().min(1_000).max(10_000_000).default(100_000),
  RATE_LIMIT_POINTS: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Sign-in and demo-provider requests per client address and window. */
  RATE_LIMIT_SIGN_IN_POINTS: z.coerce.number().int().min(1).default(30),
  /** Export and calendar downloads per client and window. */
  RATE_LIMIT_EXPORT_POINTS: z.coerce.number().int().min(1).default(60),
  /** Requests with an unknown bearer token per client address and window. */
  RATE_LIMIT_UNKNOWN_TOKEN_POINTS: z.coerce.number().int().min(1).default(10),
  /**
   * Bearer token Prometheus sends for /metrics. Unset: /metrics answers only requests from the
   * gateway's own host (loopback, not forwarded by a proxy).
   */
  METRICS_TOKEN: optionalText(16),
  /**
   * Load balancers and reverse proxies (addresses or CIDR ranges, comma-separated) whose
   * X-Forwarded-For names the client, for the anonymous rate limit. Empty: the socket peer counts.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], {
          error: "each entry must be an IPv4/IPv6 address or CIDR range",
        }),
      ),
    ),
  /**
   * Checks the mails' one-click unsubscribe links (HMAC-SHA256); the worker signs with the same.
   * Required in production, 32+ random characters.
   */
  MAIL_LINK_SECRET: optionalText(32).refine(
    (v) => !v?.startsWith("REPLACE"),
    "is still the template's placeholder",
  ),
  /** Months sign-up personal data is kept after the session (the worker's job clears it). */
  SIGN_UP_RETENTION_MONTHS: signUpRetentionSetting,
  /** Published people counts below this are hidden (participation, PAM, trends); 5 or more. */
  SMALL_COUNT_THRESHOLD: smallCountThresholdSetting,
  /** Days a new API token lives when its creator names no lifetime. */
  API_TOKEN_DEFAULT_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** The longest lifetime an API token may be given, in days; at least the default. */
  API_TOKEN_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
  /** Non-public networks a webhook subscription may name (as the worker's); empty: public only. */
  WEBHOOK_ALLOWED_PRIVATE_CIDRS: allowedPrivateCidrsSetting,
  /**
   * Longest an unchanged overview is served from this process's cache; 0 turns it off. Default:
   * 10 s in production, off otherwise (tests write the read model behind the gateway's back).
   */
  OVERVIEW_CACHE_MS: z.coerce.number().int().min(0).optional(),
  /** Longest a signed-out reader's query answer is served from this process's cache; 0: off. Default: 5 s in production, off otherwise. */
  RESPONSE_CACHE_MS: z.coerce.number().int().min(0).optional(),
  // Sign-in: HelseID or ID-porten are plugged in by setting the issuer and client below; the
  // embedded demo provider under /oidc runs only with DEMO_SIGN_IN=on (never in production).
  /** Idle lifetime of a session: it ends after this long without a request. */
  SESSION_TTL_SECONDS: z.coerce.number().int().min(1).max(604_800).default(28_800),
  /** Absolute lifetime of a session, from sign-in, however busy; at least the idle one. */
  SESSION_MAX_AGE_SECONDS: z.coerce.number().int().min(60).max(2_592_000).default(43_200),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).default("samspill-gateway"),
  OIDC_CLIENT_SECRET: optionalText(),
  /** Private JWK (JSON) for private_key_jwt client authentication, as HelseID requires. */
  OIDC_CLIENT_PRIVATE_JWK: optionalText(),
  OIDC_REDIRECT_URI: z.url().optional(),
  OIDC_POST_LOGOUT_REDIRECT_URI: z.url().optional(),
  OIDC_SCOPES: z.string().min(1).default("openid profile"),
  OIDC_ACR_VALUES: optionalText(),
  /** The embedded demo provider (anyone signs in as any demo user): `on` to run it. */
  DEMO_SIGN_IN: z.enum(["on", "off"]).default("off"),
  OIDC_LOCAL_ISSUER: z.url().optional(),
  /** Signing keys (JWKS JSON) for the demo provider; generated at start when unset. */
  OIDC_LOCAL_JWKS: z.string().min(1).optional(),
});

const schema = fields
  .refine((env) => env.API_TOKEN_DEFAULT_DAYS <= env.API_TOKEN_MAX_DAYS, {
    path: ["API_TOKEN_DEFAULT_DAYS"],
    message: "must not exceed API_TOKEN_MAX_DAYS",
  })
  .refine((env) => env.NODE_ENV !== "production" || env.MAIL_LINK_SECRET, {
    path: ["MAIL_LINK_SECRET"],
    message: "is required in production (the worker signs mails' unsubscribe links with the same)",
  });

export type GatewayEnv = z.infer<typeof schema>;

export function parseGatewayEnv(source: NodeJS.ProcessEnv = process.env): GatewayEnv {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`The gateway cannot start; fix these environment variables:\n${lines.join("\n")}`);
  }
  return result.data;
}
