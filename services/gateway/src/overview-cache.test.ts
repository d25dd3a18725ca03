import type { Database } from "@samspill/database";
import type { Overview, OverviewCell } from "@samspill/read-model";
import { describe, expect, it } from "vitest";
import { createOverviewCache, overviewBytes } from "./overview-cache.js";

// The overview cache is bounded by the memory its overviews take (an estimate by their cells and
// providers), not only by their number: a national overview with every cell's providers is
// megabytes, and the gateway's heap is capped.

const db = {} as Database;

/** An overview of `rows` municipalities × 4 values with `providers` providers in every cell. */
function overview(rows: number, providers: number): Overview {
  const cell = (value: string): OverviewCell => ({
    value,
    offerCount: providers,
    providerCount: providers,
    providers: Array.from({ length: providers }, (_, i) => ({ id: `p${i}`, name: `Provider ${i}` })),
  });
  const values = ["A", "B", "C", "D"];
  return {
    dimension: "FORMAT",
    values,
    rows: Array.from({ length: rows }, (_, i) => ({
      municipalityNumber: String(1000 + i),
      municipalityName: `Municipality ${i}`,
      total: cell("TOTAL"),
      cells: values.map(cell),
    })),
    totals: values.map(cell),
    total: cell("TOTAL"),
    gaps: [],
    flaggedOffers: [],
    reviewsDue: [],
    expiringAgreements: [],
  };
}

function countingCache(maxBytes: number, sizeOf: (trust: string) => Overview) {
  const reads: string[] = [];
  const cache = createOverviewCache({
    ttlMs: 60_000,
    maxBytes,
    read: async (_db, scope) => {
      reads.push(scope.hospitalTrustId ?? "");
      return sizeOf(scope.hospitalTrustId ?? "");
    },
  });
  const read = (trust: string) => cache.read(db, { hospitalTrustId: trust }, "FORMAT");
  return { cache, reads, read };
}

describe("the overview cache's memory bound", () => {
  it("estimates more memory for more cells and more providers", () => {
    expect(overviewBytes(overview(10, 0))).toBeLessThan(overviewBytes(overview(100, 0)));
    expect(overviewBytes(overview(10, 0))).toBeLessThan(overviewBytes(overview(10, 20)));
  });

  it("drops the oldest overviews once the kept ones pass maxBytes", async () => {
    const large = overview(50, 20);
    const size = overviewBytes(large);
    const { cache, reads, read } = countingCache(size * 2.5, () => large);
    for (const trust of ["t1", "t2", "t3"]) await read(trust);
    expect(cache.size).toBe(2);
    expect(cache.bytes).toBe(size * 2);
    // t1 went first: read again; t3 is still kept.
    await read("t3");
    await read("t1");
    expect(reads).toEqual(["t1", "t2", "t3", "t1"]);
  });

  it("keeps the newest overview even when it alone passes the bound", async () => {
    const { cache, reads, read } = countingCache(1, () => overview(5, 1));
    await read("t1");
    await read("t1");
    expect(cache.size).toBe(1);
    expect(reads).toEqual(["t1"]);
  });

  it("counts nothing for overviews dropped by a change while they were read", async () => {
    const { cache, read } = countingCache(Number.MAX_SAFE_INTEGER, () => overview(5, 1));
    const pending = read("t1");
    cache.changed("t1");
    await pending;
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
    await read("t2");
    expect(cache.bytes).toBe(overviewBytes(overview(5, 1)));
    cache.changed(null);
    expect(cache.bytes).toBe(0);
  });
});
