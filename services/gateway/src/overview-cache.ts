import type { Database } from "@samspill/database";
import {
  type MatrixDimension,
  type Overview,
  type OverviewReadOptions,
  type OverviewScope,
  readOverview,
} from "@samspill/read-model";
import { defaultMaxBytes } from "./response-cache.js";

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
  /**
   * Bytes the kept overviews may take at most, as overviewBytes estimates them; the oldest go
   * first. A national overview with every cell's providers is megabytes, so the entry count alone
   * left the gateway's heap to the number of scopes read.
   */
  maxBytes?: number;
  now?: () => number;
  /** The read behind the cache (tests count and shape it). */
  read?: typeof readOverview;
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
  /** What the finished reads kept take, as overviewBytes estimates it. */
  readonly bytes: number;
}

interface Entry {
  at: number;
  /** The scope's hospital trust; "" for a health community alone. */
  trust: string;
  value: Promise<Overview>;
  /** Counted once the read has finished (0 until then). */
  bytes: number;
}

// Rough sizes in V8 of the overview's objects (header, fields, their share of strings): close
// enough to bound the cache, and far cheaper than serialising megabytes on every miss.
const cellBytes = 96;
const providerBytes = 40;
const rowBytes = 160;
const itemBytes = 240;

/** An estimate of the memory one overview holds. */
export function overviewBytes(overview: Overview): number {
  const cell = (c: { providers: unknown[] | null }) => cellBytes + (c.providers?.length ?? 0) * providerBytes;
  let bytes = overview.values.length * 32;
  for (const row of overview.rows) {
    bytes += rowBytes + cell(row.total);
    for (const c of row.cells) bytes += cell(c);
  }
  for (const c of overview.totals) bytes += cell(c);
  bytes += cell(overview.total);
  bytes += (overview.gaps.length + overview.flaggedOffers.length + overview.reviewsDue.length) * itemBytes;
  bytes += overview.expiringAgreements.length * itemBytes;
  return bytes;
}

export function createOverviewCache(options: OverviewCacheOptions): OverviewCache {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 1_000;
  const maxBytes = options.maxBytes ?? defaultMaxBytes();
  const read = options.read ?? readOverview;
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.bytes;
    entries.delete(key);
  };
  /** Oldest first, until both bounds hold (the newest entry stays, whatever its size). */
  const evict = () => {
    for (const oldest of entries.keys()) {
      if ((entries.size <= maxEntries && bytes <= maxBytes) || entries.size <= 1) break;
      drop(oldest);
    }
  };
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
      if (options.ttlMs <= 0) return read(db, scope, dimension, readOptions);
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
      if (hit) drop(key);
      const value = read(db, scope, dimension, readOptions);
      const entry: Entry = { at: now(), trust, value, bytes: 0 };
      entries.set(key, entry);
      // Counted only while still kept: a change or a newer read may have dropped it meanwhile.
      value.then(
        (overview) => {
          if (entries.get(key) !== entry) return;
          entry.bytes = overviewBytes(overview);
          bytes += entry.bytes;
          evict();
        },
        // A failed read is not remembered (unless a newer read replaced it meanwhile).
        () => {
          if (entries.get(key) === entry) drop(key);
        },
      );
      evict();
      return value;
    },
    changed(hospitalTrustId) {
      if (hospitalTrustId === null) {
        entries.clear();
        bytes = 0;
        return;
      }
      for (const [key, entry] of entries)
        if (entry.trust === hospitalTrustId || entry.trust === "") drop(key);
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };
  return cache;
}
