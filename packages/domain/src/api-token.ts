import { z } from "zod";
import { nonEmptyText, uuid } from "./common.js";
import { type Role, roles } from "./enums.js";

// An API token acts for one organisation in one role, within its scopes, until it expires or is
// revoked. Scopes narrow what the role allows: a token needs both the role and the scope.

/** What a token may do; a closed set, stored on the token. */
export const apiTokenScopes = [
  /** Read the organisation's non-public data (GraphQL queries that need a membership). */
  "read",
  /** Offers and their sessions. */
  "write:offers",
  /** Agreements and their parts. */
  "write:agreements",
  /** Participation reports and PAM evaluations. */
  "write:participation",
  /** Meeting points, follow-ups, action plans, forum reviews. */
  "write:meetings",
  /** The organisation's units, people and register data. */
  "write:organisation",
  /** The organisation's API tokens and webhook subscriptions. */
  "manage:access",
] as const;
export type ApiTokenScope = (typeof apiTokenScopes)[number];

/** Narrows a stored scope string to the known set (the database also refuses others). */
export const isApiTokenScope = (scope: string): scope is ApiTokenScope =>
  (apiTokenScopes as readonly string[]).includes(scope);

/** Days a token lives when its creator names no lifetime, and the most it may be given. */
export interface ApiTokenLifetime {
  defaultDays: number;
  maxDays: number;
}
export const defaultApiTokenLifetime: ApiTokenLifetime = { defaultDays: 90, maxDays: 365 };

/** The roles each role includes (what its holder may also do); a token mints none beyond its own. */
const includedRoles: Record<Role, readonly Role[]> = {
  ADMIN: roles,
  EDITOR: ["EDITOR", "REPORTER", "VIEWER"],
  REPORTER: ["REPORTER", "VIEWER"],
  FORUM_MEMBER: ["FORUM_MEMBER", "VIEWER"],
  VIEWER: ["VIEWER"],
};

/** Whether `role` grants no more than `ceiling` does. */
export function roleWithin(role: Role, ceiling: Role): boolean {
  return includedRoles[ceiling].includes(role);
}

export const createApiTokenInput = z
  .object({
    organisationId: uuid,
    name: nonEmptyText(100),
    role: z.enum(roles),
    expiresAt: z
      .date()
      .refine((d) => d.getTime() > Date.now(), {
        message: "must be in the future",
        params: { nb: "må være fram i tid", nn: "må vere fram i tid" },
      })
      .nullish(),
    /** Lifetime in whole days from now; the deployment's default when neither this nor expiresAt is given. */
    expiresInDays: z.number().int().min(1).nullish(),
    /** What the token may do; every scope when none are named. */
    scopes: z
      .array(z.enum(apiTokenScopes))
      .min(1)
      .transform((s) => [...new Set(s)])
      .nullish(),
  })
  .refine((v) => !(v.expiresAt && v.expiresInDays), {
    path: ["expiresInDays"],
    message: "give either expiresAt or expiresInDays",
    params: {
      nb: "oppgi enten expiresAt eller expiresInDays",
      nn: "oppgi anten expiresAt eller expiresInDays",
    },
  });
export type CreateApiTokenInput = z.output<typeof createApiTokenInput>;
