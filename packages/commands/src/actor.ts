import { ForbiddenError, type Role } from "@samspill/domain";

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
  return rolesOf(actor, organisationId).some((r) => roles.includes(r));
}

export function isMemberOf(actor: Actor | null, organisationId: string): boolean {
  if (actor?.kind === "SYSTEM") return true;
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
  return actor;
}

export const editorRoles = ["ADMIN", "EDITOR"] as const satisfies readonly Role[];
export const forumRoles = ["FORUM_MEMBER", "ADMIN"] as const satisfies readonly Role[];
/** Who reports participation and PAM figures for an organisation. */
export const reportingRoles = ["ADMIN", "EDITOR", "REPORTER"] as const satisfies readonly Role[];
/** Who manages an organisation's machine access (API tokens, webhooks). */
export const adminRoles = ["ADMIN"] as const satisfies readonly Role[];
