import { type ApiTokenScope, ForbiddenError, type Role } from "@samspill/domain";

// Who performs a command. The gateway turns its viewer into one; the worker, the importer, the
// seed and the bench act as the system. Commands authorise against this alone, so an action is
// refused the same way whichever door it came in through.

export interface ActorMembership {
  organisationId: string;
  role: Role;
}

export interface Actor {
  kind: "PERSON" | "API_TOKEN" | "SYSTEM";
  personId: string | null;
  tokenId: string | null;
  name: string;
  memberships: readonly ActorMembership[];
  /** An API token's scopes; a token without them may do nothing. People and the system have none. */
  scopes?: readonly ApiTokenScope[];
  /** When an API token stops working (a token it mints may not outlive it). */
  expiresAt?: Date | null;
}

/** The hub itself (seed, worker jobs, importer confirmations already authorised upstream). */
export function systemActor(name = "Samspill"): Actor {
  return { kind: "SYSTEM", personId: null, tokenId: null, name, memberships: [] };
}

export function rolesOf(actor: Actor | null, organisationId: string): Role[] {
  if (!actor) return [];
  return actor.memberships.filter((m) => m.organisationId === organisationId).map((m) => m.role);
}

export function holdsRole(actor: Actor | null, organisationId: string, roles: readonly Role[]): boolean {
  if (actor?.kind === "SYSTEM") return true;
  if (!canWriteAtAll(actor)) return false;
  return rolesOf(actor, organisationId).some((r) => roles.includes(r));
}

/** Whether the actor may use `scope`: always for people and the system, by its scopes for a token. */
export function hasScope(actor: Actor | null, scope: ApiTokenScope): boolean {
  if (!actor) return false;
  if (actor.kind !== "API_TOKEN") return true;
  return actor.scopes?.includes(scope) ?? false;
}

/** Refuses a token that lacks `scope`; the unit of work asks this for every change it records. */
export function requireScope(actor: Actor | null, scope: ApiTokenScope): Actor {
  if (!actor || !hasScope(actor, scope)) throw new ForbiddenError(`This token lacks the ${scope} scope`);
  return actor;
}

// Commands only write, so a token holding no write scope at all is refused before any loading;
// which write scope a change needs is checked when it is recorded (unit-of-work.ts).
function canWriteAtAll(actor: Actor | null): boolean {
  if (actor?.kind !== "API_TOKEN") return true;
  return actor.scopes?.some((s) => s !== "read") ?? false;
}

export function isMemberOf(actor: Actor | null, organisationId: string): boolean {
  if (actor?.kind === "SYSTEM") return true;
  if (!canWriteAtAll(actor)) return false;
  return actor?.memberships.some((m) => m.organisationId === organisationId) ?? false;
}

/** Refuses unless the actor holds one of `roles` in the organisation (the system always may). */
export function requireRole(actor: Actor | null, organisationId: string, roles: readonly Role[]): Actor {
  if (!actor || !holdsRole(actor, organisationId, roles)) throw new ForbiddenError();
  return actor;
}

/** Refuses unless the actor holds one of `roles` in at least one of the organisations. */
export function requireRoleInAny(
  actor: Actor | null,
  organisationIds: readonly string[],
  roles: readonly Role[],
): Actor {
  if (!actor || !organisationIds.some((id) => holdsRole(actor, id, roles))) throw new ForbiddenError();
  return actor;
}

export function requireMember(actor: Actor | null, organisationId: string): Actor {
  if (!actor || !isMemberOf(actor, organisationId)) throw new ForbiddenError();
  return actor;
}

export function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) throw new ForbiddenError("Sign in first");
  if (!canWriteAtAll(actor)) throw new ForbiddenError("This token may only read");
  return actor;
}

export const editorRoles = ["ADMIN", "EDITOR"] as const satisfies readonly Role[];
export const forumRoles = ["FORUM_MEMBER", "ADMIN"] as const satisfies readonly Role[];
/** Who reports participation and PAM figures for an organisation. */
export const reportingRoles = ["ADMIN", "EDITOR", "REPORTER"] as const satisfies readonly Role[];
/** Who manages an organisation's machine access (API tokens, webhooks). */
export const adminRoles = ["ADMIN"] as const satisfies readonly Role[];
