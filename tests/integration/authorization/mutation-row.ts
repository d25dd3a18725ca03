import type { Database } from "@samspill/database";
import type { Viewer } from "@samspill/gateway";
import { controls, type MutationTargets } from "./mutation-targets.js";

// One row of the mutation table: the arguments aimed at a real object of the foreign
// organisation, how to re-read that object, and who may do it (the control).

export type Vars = Record<string, unknown>;

export interface MutationRow {
  /** Variables naming the foreign organisation's real object (versions read when called). */
  args: (t: MutationTargets, db: Database) => Vars | Promise<Vars>;
  /** Re-reads what the mutation changes; equal before and after each outsider's call. */
  state: (t: MutationTargets, db: Database) => Promise<unknown>;
  /** Who the control runs as; the owner's admin unless given (null: signed out). */
  by?: (t: MutationTargets) => Viewer | null;
  /**
   * Set for mutations that act on the caller's own things (their person, a private link they
   * hold, a public course): says why, so outsiders are not required to be refused; only the
   * owner's object must stay as it was.
   */
  ownThings?: string;
  /** Why the control leaves `state` as it was (it acts on the caller's own things). */
  keepsState?: string;
  /** What an outsider sends instead of `args` (a private link they do not hold). */
  outsiderArgs?: (t: MutationTargets, db: Database) => Vars;
}

export type MutationRows = Record<string, MutationRow>;

export const byOwner = () => controls.owner;
export const byForum = () => controls.forum;
export const byMember = (t: MutationTargets) => controls.member(t);

/** A private link no outsider holds: well-formed, naming nothing. */
export const guessedLink = "A".repeat(43);
