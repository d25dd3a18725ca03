import { type Actor, systemActor, type Unit, unitOf } from "@samspill/commands";
import type { Database } from "@samspill/database";
import { seedId } from "./ids.js";

// What every part of the seed shares: the unit and actor its commands run as, and the ids and
// dates it derives from names and from the reference day.

export interface SeedContext {
  unit: Unit;
  actor: Actor;
  today: Date;
  /** A moment `days` after the reference day, at `hour` UTC. */
  at: (days: number, hour?: number) => Date;
  orgId: (key: string) => string;
  unitId: (orgKey: string, key: string) => string;
}

const day = 86_400_000;

export function seedContext(db: Database, now: Date): SeedContext {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return {
    unit: unitOf(db),
    actor: systemActor(),
    today,
    at: (days, hour = 0) => new Date(today.getTime() + days * day + hour * 3_600_000),
    orgId: (key) => seedId(`org:${key}`),
    unitId: (orgKey, key) => seedId(`unit:${orgKey}:${key}`),
  };
}

/** A calendar date as YYYY-MM-DD (the form date inputs take). */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * Runs `fn` over independent items a few at a time. Each command is its own short transaction
 * and mostly waits on the database, so a handful at once seeds several times faster; the limit
 * stays within the client's connection pool.
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  fn: (item: T, index: number) => Promise<unknown>,
  limit = 4,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
