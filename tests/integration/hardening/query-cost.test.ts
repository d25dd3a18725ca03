import type { Database } from "@samspill/database";
import { defaultMaxQueryCost, operationCost, schema } from "@samspill/gateway";
import { seedDemoData } from "@samspill/seed";
import { type GraphQLSchema, getNamedType, getNullableType, isListType, isObjectType, print } from "graphql";
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

  it("refuses a list page over its maximum before any SQL runs, naming the field", async () => {
    const result = await testGateway(db).send(
      `{ municipalities(limit: 401) { name } actionPlans { measures(limit: 20) { text } } }`,
    );
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.extensions?.issues).toEqual([
      expect.objectContaining({ field: "municipalities.limit", code: "page_too_large" }),
    ]);
    expect(result.errors?.[0]?.message).toMatch(/municipalities.*between 0 and 400/);
    expect(statements).toBe(0);
  });

  it("serves a list a page at a time, counted by the page asked for", async () => {
    const gateway = testGateway(db);
    const all = await gateway.send(`{ municipalities { number } }`);
    const numbers = (all.data as { municipalities: { number: string }[] }).municipalities.map(
      (m) => m.number,
    );
    expect(numbers.length).toBeGreaterThan(60);
    const page = await gateway.send(`{ municipalities(limit: 10, offset: 5) { number } }`);
    expect(
      (page.data as { municipalities: { number: string }[] }).municipalities.map((m) => m.number),
    ).toEqual(numbers.slice(5, 15));
    // Three levels of catchment at a page of five cost 5 × 5 × 5 nodes and pass.
    const small = await gateway.send(
      `{ municipalities(limit: 5) { hospitalTrust { catchment(limit: 5) { hospitalTrust { catchment(limit: 5) { name } } } } } }`,
    );
    expect(small.errors).toBeUndefined();
  });

  it("gives every list of objects a page, or a bound the domain sets", () => {
    const unpaged = unpagedObjectLists(schema);
    expect(unpaged.filter((name) => !boundedByTheDomain.has(name))).toEqual([]);
    // A bound declared here stays honest only while the list has no page of its own.
    expect([...boundedByTheDomain].filter((name) => !unpaged.includes(name))).toEqual([]);
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

/**
 * Lists of objects without `limit`: each is as long as a vocabulary or an input the domain bounds,
 * never as long as the data grows.
 */
const boundedByTheDomain = new Set([
  // The overview's matrix: a row per municipality in scope (Norway has 357), a cell per value
  // of the dimension (a vocabulary), the months of a grid period.
  "Overview.rows",
  "Overview.totals",
  "Overview.gaps",
  "OverviewRow.cells",
  "OverviewTrends.months",
  // The catalogue's facet counts: a row per value of a vocabulary, language or municipality.
  "OfferFacets.audiences",
  "OfferFacets.daysOfWeek",
  "OfferFacets.diagnosisGroups",
  "OfferFacets.formats",
  "OfferFacets.kinds",
  "OfferFacets.languages",
  "OfferFacets.municipalities",
  "OfferFacets.timesOfDay",
  // The crossed overview: rows as the overview's (municipalities in scope or a vocabulary), a
  // column per value of a vocabulary or per language of the domain's list.
  "CrossedOverview.rows",
  "CrossedOverview.columns",
  // Providers serving one municipality with one kind of offer; the parties of one agreement (200 at most).
  "OverviewCell.providers",
  "ExpiringAgreement.parties",
  // Answers that echo what the caller sent: issues of an input, rows of one submitted report, the
  // attendance marks (500 at most) and PAM results (200 at most) of one save.
  "ValidationError.issues",
  "MutationRecordAttendanceSuccess.data",
  "MutationRecordPamResultsSuccess.data",
  // An import row's cells, one per template column; the first 50 errors of a failed import.
  "OfferImportRow.cells",
  "OfferImport.failures",
  // A person's mail subscriptions, one per kind of mail; the first five admins an access contact names.
  "Query.myMailSubscriptions",
  "AccessContact.admins",
]);

function unpagedObjectLists(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap()).flatMap((type) => {
    if (!isObjectType(type) || type.name.startsWith("__") || type.name === "Mutation") return [];
    return Object.values(type.getFields())
      .filter((field) => {
        const named = getNamedType(field.type);
        return (
          isListType(getNullableType(field.type)) &&
          isObjectType(named) &&
          !named.name.endsWith("Edge") &&
          !field.args.some((a) => a.name === "limit")
        );
      })
      .map((field) => `${type.name}.${field.name}`);
  });
}

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
