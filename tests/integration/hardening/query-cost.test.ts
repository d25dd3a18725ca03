import type { Database } from "@samspill/database";
import { defaultMaxQueryCost, operationCost, schema } from "@samspill/gateway";
import { seedDemoData } from "@samspill/seed";
import { print } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway } from "../../support/gateway.js";
import { costliestVariables, webOperations } from "../../support/web-documents.js";

// A query is priced before it runs: lists count by their page size and nested lists multiply,
// so a query that could touch more than the limit is refused without a single SQL statement.

let db: Database;
let statements = 0;

beforeAll(async () => {
  db = testDatabase(() => {
    statements += 1;
  });
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());
beforeEach(() => {
  statements = 0;
});

const tooCostly = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.some((e) => e.extensions?.code === "QUERY_TOO_COSTLY") ?? false;

const catchmentChain = `{
  municipalities {
    name
    hospitalTrust {
      catchment {
        name
        hospitalTrust {
          catchment { name hospitalTrust { name } }
        }
      }
    }
  }
}`;

describe("query cost", () => {
  it("refuses municipalities → hospital trust → catchment → … before any SQL runs", async () => {
    const result = await testGateway(db).send(catchmentChain);
    expect(result.status).toBe(400);
    expect(tooCostly(result)).toBe(true);
    expect(result.errors?.[0]?.message).toMatch(/too costly.*nodes/i);
    expect(result.data ?? null).toBeNull();
    expect(statements).toBe(0);
  });

  it("refuses even one level of catchment under every municipality (400 × 400 nodes)", async () => {
    const result = await testGateway(db).send(`{ municipalities { hospitalTrust { catchment { name } } } }`);
    expect(tooCostly(result)).toBe(true);
    expect(statements).toBe(0);
  });

  it("counts a connection by the page size asked for, given as a variable", async () => {
    const query = `query ($first: Int) {
      organisations(first: $first) { edges { node { name catchment { name county } } } }
    }`;
    const gateway = testGateway(db);
    const small = await gateway.send(query, { first: 5 });
    expect(small.errors).toBeUndefined();
    expect(statements).toBeGreaterThan(0);
    // The same document again: yoga's validation cache must not let the larger page through.
    statements = 0;
    const large = await gateway.send(query, { first: 500 });
    expect(tooCostly(large)).toBe(true);
    expect(statements).toBe(0);
  });

  it("measures the operation the request names, not the first in the document", async () => {
    const document = `query Cheap { health { ok } } query Costly ${catchmentChain}`;
    const response = await testGateway(db).app.fetch(
      new Request("http://gateway.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", "x-samspill-csrf": "1" },
        body: JSON.stringify({ query: document, operationName: "Costly" }),
      }),
    );
    expect(
      tooCostly((await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] }),
    ).toBe(true);
    expect(statements).toBe(0);
  });

  it("does not run the rest of a query whose paged field has a bad argument", async () => {
    const result = await testGateway(db).send(
      `query ($text: String) { ${catchmentChain.slice(1, -1)} offers(filter: { municipalityNumbers: ["12"], text: $text }) { totalCount } }`,
      { text: "kurs" },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.data ?? null).toBeNull();
    expect(statements).toBe(0);
  });
});

describe("the web app's documents", () => {
  const operations = webOperations();

  it("are all found in web/src", () => {
    const names = operations.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(["Catalogue", "JointOverview", "OverviewAreas", "Offer"]));
    expect(operations.length).toBeGreaterThan(30);
  });

  it("stay within the limit at the largest pages they may ask for", () => {
    const over = operations
      .map((o) => ({
        ...o,
        cost: operationCost(schema, o.document, costliestVariables(schema, o.document, 1000)),
      }))
      .filter((o) => o.cost > defaultMaxQueryCost)
      .map((o) => `${o.file} ${o.name}: ${o.cost}`);
    expect(over).toEqual([]);
  });

  it("answer through the gateway: the catalogue and the overview pages", async () => {
    const gateway = testGateway(db);
    for (const name of [
      "Catalogue",
      "OverviewAreas",
      "JointOverview",
      "JointOverviewTrends",
      "FacetOptions",
    ]) {
      const operation = operations.find((o) => o.name === name);
      if (!operation) throw new Error(`${name} is not among the web app's documents`);
      const variables = { ...costliestVariables(schema, operation.document, 100), trust: orgId("hf:stolav") };
      const result = await gateway.send(print(operation.document), variables);
      expect({ name, errors: result.errors }).toEqual({ name, errors: undefined });
    }
  });
});
