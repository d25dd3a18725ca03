import { ForbiddenError, parseInput, uuid } from "@samspill/domain";
import type { z } from "zod";
import { type Actor, adminRoles, requireRole } from "./actor.js";

// An organisation's machine access (API tokens, webhook subscriptions) is managed by its ADMINs
// only. What they manage is refused alike whether the id is unknown or someone else's, so an
// answer never tells whether an id exists.

/** Parses a new item's input and requires the caller to be ADMIN of its organisation. */
export function parseAsAdmin<S extends z.ZodType<{ organisationId: string }>>(
  actor: Actor | null,
  schema: S,
  raw: unknown,
): { input: z.output<S>; admin: Actor } {
  const input = parseInput(schema, raw);
  return { input, admin: requireRole(actor, input.organisationId, adminRoles) };
}

/** Loads an item by id and requires the caller to be ADMIN of its organisation. */
export async function loadAsAdmin<T extends { organisationId: string }>(
  actor: Actor | null,
  id: string,
  load: (id: string) => Promise<T | null>,
): Promise<T> {
  const row = uuid.safeParse(id).success ? await load(id) : null;
  if (!row) throw new ForbiddenError();
  requireRole(actor, row.organisationId, adminRoles);
  return row;
}
