import type { EventType } from "@samspill/events";
import { type Change, diff, type Work } from "../unit-of-work.js";

// The one rule every import command follows: a row named by the caller's id is created when it is
// missing, updated when what is stored differs from what is imported, and left alone otherwise.
// Only a create or a real change writes an audit entry and an event, so importing the same data
// twice records nothing the second time.

export type ImportOutcome = "CREATED" | "UPDATED" | "UNCHANGED";

export interface Imported {
  id: string;
  outcome: ImportOutcome;
}

/** The row an import keeps, as its audit entry names it. */
export interface ImportTarget {
  entityType: string;
  /** Audit action prefix: "offer" records "offer.create" or "offer.update". */
  action: string;
  id: string;
  organisationId: string | null;
}

export interface ImportSpec<T extends EventType> extends ImportTarget {
  /** What is stored, in the shape of `next`; null when the row does not exist yet. */
  stored: object | null;
  /** What the import says; keys left undefined are not compared (and not written). */
  next: object;
  create: () => Promise<unknown>;
  update: (changedFields: string[]) => Promise<unknown>;
  /** Writes the parts listed with the row (parties, participants, sections), after either. */
  writeParts?: () => Promise<unknown>;
  event?: (outcome: Exclude<ImportOutcome, "UNCHANGED">, changedFields: string[]) => Change<T>["event"];
}

export async function applyImport<T extends EventType>(
  { record }: Work,
  spec: ImportSpec<T>,
): Promise<Imported> {
  const { entityType, id, organisationId, stored, next } = spec;
  const changes = stored ? diff(stored, next) : { created: next };
  const changedFields = stored ? Object.keys(changes) : [];
  if (stored && changedFields.length === 0) return { id, outcome: "UNCHANGED" };
  if (stored) await spec.update(changedFields);
  else await spec.create();
  await spec.writeParts?.();
  const outcome = stored ? "UPDATED" : "CREATED";
  await record({
    action: `${spec.action}.${stored ? "update" : "create"}`,
    entityType,
    entityId: id,
    organisationId,
    changes,
    event: spec.event?.(outcome, changedFields),
  });
  return { id, outcome };
}

/** A set of keys as compared by an import: sorted, so order in the source does not count as a change. */
export const sortedKeys = (keys: Iterable<string>): string[] => [...new Set(keys)].sort();

/**
 * For additive parts (agreement parties, meeting participants): the listed keys that are stored
 * already. Compared with the listed keys, a difference means something listed is missing.
 */
export const presentOf = (listed: readonly string[], stored: Iterable<string>): string[] => {
  const have = new Set(stored);
  return sortedKeys(listed.filter((k) => have.has(k)));
};
