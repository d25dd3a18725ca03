import type { Database } from "@samspill/database";
import { graphql } from "@samspill/graphql";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { testGateway } from "../../support/gateway.js";

// The HTTP layer in front of GraphQL: odd methods, content types, bodies and bytes never cause
// a 500.

let db: Database;
beforeAll(() => {
  db = testDatabase();
});
afterAll(() => db.$disconnect());

const contentTypes = fc.constantFrom(
  "application/json",
  "application/graphql-response+json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "",
);
const bodies = fc.oneof(
  fc.string(),
  fc.json(),
  fc.uint8Array({ maxLength: 2000 }),
  fc.constantFrom(
    '{"query":"{ health { ok } }"}',
    '{"query": 42}',
    '{"query":"{ health { ok } }","variables":"not an object"}',
    '{"query":"mutation { createOffer }"}',
    "\xff\xfe\xfd",
    '{"query":"{ offers(filter: {text: \\"\' OR 1=1 --\\"}) { totalCount } }"}',
  ),
);

describe("HTTP layer under random requests", () => {
  it("never answers 500", async () => {
    const { app } = testGateway(db);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH"),
        contentTypes,
        bodies,
        async (method, type, body) => {
          const init: RequestInit = { method, headers: type ? { "content-type": type } : {} };
          if (method !== "GET")
            init.body =
              typeof body === "string" ? body : body instanceof Uint8Array ? body : JSON.stringify(body);
          const response = await app.fetch(new Request("http://gateway.test/graphql", init));
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect(response.status).toBeLessThan(500);
          await response.arrayBuffer();
        },
      ),
      { numRuns: 300 },
    );
    console.log(`HTTP statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
  }, 120_000);

  it("treats SQL in a search text as text", async () => {
    const { query } = testGateway(db);
    const result = await query(
      graphql(`query ($t: String) { offers(filter: { text: $t }) { totalCount } }`),
      { t: '\'); DROP TABLE "Offer"; --' },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.offers.totalCount).toBe(0);
    expect(await db.offer.count()).toBeGreaterThanOrEqual(0);
  });
});
