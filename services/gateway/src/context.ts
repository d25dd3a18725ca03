import type { Database } from "@samspill/database";
import type { ApiTokenLifetime, ApiTokenScope, Role } from "@samspill/domain";
import type { WebhookTargetPolicy } from "@samspill/events/webhooks";
import type { Logger } from "pino";
import type { OverviewCache } from "./overview-cache.js";
import type { GatewayPubSub } from "./pubsub.js";

export interface ViewerMembership {
  organisationId: string;
  role: Role;
}

/** Who is calling: a signed-in person or an organisation's API token. */
export interface Viewer {
  kind: "PERSON" | "API_TOKEN";
  personId: string | null;
  tokenId: string | null;
  name: string;
  memberships: ViewerMembership[];
  /** An API token's scopes (what it may do within its role); absent for people. */
  scopes?: readonly ApiTokenScope[];
  /** When an API token stops working. */
  expiresAt?: Date | null;
}

export interface Context {
  /** The primary; the read replica while a query operation executes (see replica.ts). */
  db: Database;
  /** The primary always, for the writes a query makes too (the logged reads of others' data). */
  primary?: Database;
  viewer: Viewer | null;
  requestId: string;
  /** Preferred language for messages, from Accept-Language. */
  lang: "nb" | "en";
  log: Logger;
  /** Live updates for subscriptions (Redis-backed across gateway instances). */
  pubsub: GatewayPubSub;
  /** The web app's origin, for links in rendered mails (previewDigest). */
  publicUrl: string;
  /** Published people counts below this are suppressed (SMALL_COUNT_THRESHOLD). */
  smallCountThreshold: number;
  /** The overview read model's cache (overview-cache.ts); without it every query reads the database. */
  overviewCache?: OverviewCache;
  /** Where webhook subscriptions may point (WEBHOOK_ALLOWED_PRIVATE_CIDRS); public only without it. */
  webhookTargets?: WebhookTargetPolicy;
  /** Default and longest lifetime of new API tokens (API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS). */
  apiTokenLifetime?: ApiTokenLifetime;
  /** Months sign-up personal data is kept after the session (SIGN_UP_RETENTION_MONTHS); told at consent. */
  signUpRetentionMonths?: number;
}

export function rolesIn(viewer: Viewer | null, organisationId: string): Role[] {
  if (!viewer) return [];
  return viewer.memberships.filter((m) => m.organisationId === organisationId).map((m) => m.role);
}

export function hasRole(viewer: Viewer | null, organisationId: string, roles: readonly Role[]): boolean {
  return rolesIn(viewer, organisationId).some((r) => roles.includes(r));
}
