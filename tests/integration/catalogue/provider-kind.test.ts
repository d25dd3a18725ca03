import type { Database } from "@samspill/database";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway } from "../../support/gateway.js";

// A hospital trust looking for what the other trusts offer for a diagnosis filters the
// catalogue by provider kind; the CSV export takes the same filter as `providerKind`.

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

const search = graphql(`query Search($filter: OfferFilter) {
  offers(filter: $filter, first: 100) {
    totalCount
    edges { node { id title provider { id kind name } } }
  }
}`);

async function offers(filter: Record<string, unknown>) {
  const result = await testGateway(db).query(search, { filter });
  expect(result.errors).toBeUndefined();
  return result.data!.offers;
}

describe("the provider-kind facet", () => {
  it("keeps only offers whose provider is of the chosen kinds, combined with a diagnosis group", async () => {
    const copd = await offers({ diagnosisGroups: ["COPD"] });
    const kinds = new Set(copd.edges.map((e) => e.node.provider.kind));
    // Without the facet, COPD offers come from hospital trusts and municipalities alike.
    expect(kinds.has("HOSPITAL_TRUST")).toBe(true);
    expect(kinds.size).toBeGreaterThan(1);

    const trusts = await offers({ diagnosisGroups: ["COPD"], providerKinds: ["HOSPITAL_TRUST"] });
    const nodes = trusts.edges.map((e) => e.node);
    expect(nodes.every((n) => n.provider.kind === "HOSPITAL_TRUST")).toBe(true);
    expect(trusts.totalCount).toBe(
      copd.edges.filter((e) => e.node.provider.kind === "HOSPITAL_TRUST").length,
    );
    // Other test files add trusts of their own to the shared database: judge the seeded ones.
    const seededTrusts = [orgId("hf:stolav"), orgId("hf:hmr"), orgId("hf:hnt")];
    const seededFound = nodes.map((n) => n.provider.id).filter((id) => seededTrusts.includes(id));
    expect(new Set(seededFound)).toEqual(new Set([orgId("hf:stolav"), orgId("hf:hmr")]));
  });

  it("matches any of several kinds and refuses an unknown kind", async () => {
    const both = await offers({ providerKinds: ["USER_ORGANISATION", "UNIVERSITY"] });
    expect(both.totalCount).toBeGreaterThan(0);
    expect(new Set(both.edges.map((e) => e.node.provider.kind))).toEqual(
      new Set(["USER_ORGANISATION", "UNIVERSITY"]),
    );
    // An unknown kind on purpose: the variables cannot be typed.
    const bad = await testGateway(db).send(print(search), { filter: { providerKinds: ["HOSPITAL"] } });
    expect(bad.errors?.[0]?.message).toMatch(/HOSPITAL/);
  });

  it("filters the CSV export by providerKind and answers a bad value with 400 naming it", async () => {
    const get = (path: string) => testGateway(db).app.fetch(new Request(`http://gateway.test${path}`));
    const response = await get("/export/offers.csv?diagnosisGroup=DIABETES&providerKind=HOSPITAL_TRUST");
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split(/\r?\n/);
    const expected = await offers({ diagnosisGroups: ["DIABETES"], providerKinds: ["HOSPITAL_TRUST"] });
    expect(lines).toHaveLength(1 + expected.totalCount);
    const bad = await get("/export/offers.csv?providerKind=HOSPITAL");
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { issues: { field: string }[] };
    expect(body.issues.map((i) => i.field)).toEqual(["providerKind.0"]);
  });
});
