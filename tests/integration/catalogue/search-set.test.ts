// By path: the bench package is a tool, not a dependency of the test suites.

import type { Database } from "@samspill/database";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addSearchSet, recallAt, searchSet } from "../../../bench/src/search-set.js";
import { privateDatabase } from "../../support/db.js";
import { testGateway } from "../../support/gateway.js";

// The search test set (search-set.json): at least 40 Norwegian queries, each of whose expected
// offers must be among the first five found, over the demo seed plus the set's own offers: in a
// database of its own, so offers other test files add cannot push an expected one down.

let db: Database;
let close: () => Promise<void>;
let ids: Map<string, string>;

beforeAll(async () => {
  ({ db, close } = await privateDatabase());
  await seedDemoData(db);
  ids = await addSearchSet(db);
});
afterAll(() => close());

const search = graphql(`query SearchSet($filter: OfferFilter) {
  offers(filter: $filter, first: 10) { edges { node { id title } } }
}`);

describe("the catalogue search test set", () => {
  it("has at least 40 queries of every kind", () => {
    expect(searchSet.queries.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(searchSet.queries.map((q) => q.kind));
    expect([...kinds].sort()).toEqual([
      "compound",
      "diagnosis",
      "misspelling",
      "nynorsk",
      "prefix",
      "provider",
    ]);
  });

  it("finds every expected offer among the first five", async () => {
    const gateway = testGateway(db);
    const found = new Map<string, string[]>();
    const misses: string[] = [];
    for (const query of searchSet.queries) {
      const result = await gateway.query(search, { filter: { text: query.q } });
      expect(result.errors).toBeUndefined();
      const nodes = result.data!.offers.edges.map((e) => e.node);
      found.set(
        query.q,
        nodes.map((n) => n.id),
      );
      for (const key of query.expect)
        if (!nodes.slice(0, 5).some((n) => n.id === ids.get(key)))
          misses.push(
            `${query.q} → ${key} (got ${nodes
              .slice(0, 5)
              .map((n) => n.title)
              .join(" | ")})`,
          );
    }
    expect(misses).toEqual([]);
    expect(recallAt(5, found, ids)).toBe(1);
  });
});
