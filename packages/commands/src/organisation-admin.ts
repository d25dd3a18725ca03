import { ForbiddenError, parseInput, uuid } from "@samspill/domain";
import type { z } from "zod";
import { type Actor, adminRoles, requireRole, requireSignedIn } from "./actor.js";
import { type Tx, transact, type Unit, type Work } from "./unit-of-work.js";

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

/**
 * Runs `body` in one transaction on an item the caller manages: `load` reads it once, and the
 * caller must be ADMIN of its organisation.
 */
export function transactAsAdmin<T extends { organisationId: string }, R>(
  unit: Unit,
  actor: Actor | null,
  input: { id: string },
  load: (tx: Tx, id: string) => Promise<T | null>,
  body: (work: Work, item: T, id: string) => Promise<R>,
): Promise<R> {
  const id = String(input.id);
  return transact(unit, requireSignedIn(actor), async (work) => {
    const item = uuid.safeParse(id).success ? await load(work.tx, id) : null;
    if (!item) throw new ForbiddenError();
    requireRole(actor, item.organisationId, adminRoles);
    return body(work, item, id);
  });
}
