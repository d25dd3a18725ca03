import type { Database } from "@samspill/database";
import { graphql, type TadaDocumentNode, type VariablesOf } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { seedId } from "@samspill/seed/ids";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { testGateway } from "../../support/gateway.js";

// No N+1: the number of SQL statements a page costs must not grow with the page size.

let db: Database;
const statements: string[] = [];

beforeAll(async () => {
  db = testDatabase((sql) => statements.push(sql));
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

async function countStatements<R, V>(document: TadaDocumentNode<R, V>, variables: V) {
  statements.length = 0;
  const result = await testGateway(db).query(document, variables);
  expect(result.errors).toBeUndefined();
  return statements.filter((s) => !/^\s*(BEGIN|COMMIT|ROLLBACK|SET|SELECT 1)\b/i.test(s)).length;
}

const cataloguePage = graphql(`query Page($first: Int!, $filter: OfferFilter) {
  offers(first: $first, filter: $filter) {
    totalCount
    edges { node {
      id title summary format languages accessibility audiences priorityGroups
      provider { id name kind }
      unit { id name }
      municipalities { number name hospitalTrust { name } }
      sessions(upcomingOnly: true) { id startsAt endsAt capacity availablePlaces }
    } }
  }
}`);

const offerDetail = graphql(`query Detail($id: ID!) {
  offer(id: $id) {
    id title description howToJoin contactName contactEmail contactPhone
    provider { name units { name } }
    municipalities { number name hospitalTrust { name } }
    sessions { id startsAt endsAt location capacity registrations cancelled }
  }
}`);

describe("SQL statements per request", () => {
  it("catalogue page: the same for 5 and 25 offers, and a small constant", async () => {
    const small = await countStatements(cataloguePage, { first: 5 });
    const large = await countStatements(cataloguePage, { first: 25 });
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(3);
  });

  it("catalogue page with filters and text search: still constant", async () => {
    const filter: VariablesOf<typeof cataloguePage>["filter"] = {
      text: "kurs",
      formats: ["PHYSICAL", "HYBRID"],
      priorityGroups: ["MULTIPLE_CHRONIC_CONDITIONS", "FRAIL_ELDERLY"],
    };
    const small = await countStatements(cataloguePage, { first: 2, filter });
    const large = await countStatements(cataloguePage, { first: 20, filter });
    expect(large).toBe(small);
  });

  it("offer detail: a constant, whatever the number of sessions and municipalities", async () => {
    // Seeded offers, so other tests' rows cannot change the pair: 20 municipalities and three
    // sessions against one municipality and one session.
    const many = { id: seedId("offer:stolav-diabetes2") };
    const few = { id: seedId("offer:molde-bra-mat") };
    const a = await countStatements(offerDetail, { id: many.id });
    const b = await countStatements(offerDetail, { id: few.id });
    expect(a).toBe(b);
    expect(a).toBeLessThanOrEqual(2);
  });
});
