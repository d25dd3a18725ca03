import type { Database } from "@samspill/database";
import {
  type MatrixDimension,
  type Overview,
  type OverviewReadOptions,
  type OverviewScope,
  readOverview,
} from "@samspill/read-model";

// The overview read model, cached per gateway process. Reading and assembling one hospital
// trust's overview costs several queries and thousands of objects, and at 50 concurrent readers
// the same few scopes are read over and over; concurrent readers of one scope share one read.
//
// An entry lives until what it shows changes, as far as this process hears: the worker's
// "overview changed" message for a trust drops that trust's entries (and those scoped by health
// community alone); any committed mutation (the relay wake-up every gateway publishes and hears,
// see change-listener.ts) drops all, which covers what the projector does not announce: agreements, organisation names,
// health communities. A read that raced a change was dropped with it, so it is never served
// afterwards. `ttlMs` bounds what a lost pub/sub message can cost, and the day is part of the key
// because reviews due and agreements expiring count days from today.

export interface OverviewCacheOptions {
  /** Longest time an entry is served without any change announced; 0 disables the cache. */
  ttlMs: number;
  /** Entries kept at most (scope × dimension); the oldest go first. */
  maxEntries?: number;
  now?: () => number;
}

export interface OverviewCache {
  read(
    db: Database,
    scope: OverviewScope,
    dimension: MatrixDimension,
    options?: OverviewReadOptions,
  ): Promise<Overview>;
  /** The trust's overview changed (null: anything may have). */
  changed(hospitalTrustId: string | null): void;
  readonly size: number;
}

interface Entry {
  at: number;
  /** The scope's hospital trust; "" for a health community alone. */
  trust: string;
  value: Promise<Overview>;
}

export function createOverviewCache(options: OverviewCacheOptions): OverviewCache {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 1_000;
  const entries = new Map<string, Entry>();
  // Each database (primary, replica, a test's own) gets its own keys.
  const databases = new WeakMap<Database, number>();
  let nextDatabase = 0;
  const databaseKey = (db: Database) => {
    let id = databases.get(db);
    if (id === undefined) {
      id = nextDatabase++;
      databases.set(db, id);
    }
    return id;
  };

  const cache: OverviewCache = {
    read(db, scope, dimension, readOptions = {}) {
      if (options.ttlMs <= 0) return readOverview(db, scope, dimension, readOptions);
      const trust = scope.hospitalTrustId ?? "";
      const key = JSON.stringify([
        databaseKey(db),
        trust,
        scope.healthCommunityId ?? "",
        dimension,
        readOptions.withProviders === true,
        readOptions.withAgreements !== false,
        new Date(now()).toISOString().slice(0, 10),
      ]);
      const hit = entries.get(key);
      if (hit && now() - hit.at < options.ttlMs) return hit.value;
      const value = readOverview(db, scope, dimension, readOptions);
      entries.set(key, { at: now(), trust, value });
      // A failed read is not remembered (unless a newer read replaced it meanwhile).
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      return value;
    },
    changed(hospitalTrustId) {
      if (hospitalTrustId === null) {
        entries.clear();
        return;
      }
      for (const [key, entry] of entries)
        if (entry.trust === hospitalTrustId || entry.trust === "") entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
  return cache;
}
