import type { Database } from "@samspill/database";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

const search = graphql(`query Search($filter: OfferFilter, $first: Int, $after: String) {
  offers(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title status format languages provider { name } municipalities { number } } }
  }
}`);

describe("public catalogue", () => {
  const anonymous = () => testGateway(db);

  it("answers the health query", async () => {
    const result = await anonymous().query(graphql("{ health { ok database } }"));
    expect(result.data?.health.ok).toBe(true);
  });

  it("shows only published offers to a signed-out visitor, with working pagination", async () => {
    const published = await db.offer.count({ where: { status: "PUBLISHED" } });
    const first = await anonymous().query(search, { first: 10 });
    expect(first.errors).toBeUndefined();
    expect(first.data!.offers.totalCount).toBe(published);
    expect(first.data!.offers.edges).toHaveLength(10);
    expect(first.data!.offers.edges.every((e) => e.node.status === "PUBLISHED")).toBe(true);
    const second = await anonymous().query(search, {
      first: 10,
      after: first.data!.offers.pageInfo.endCursor,
    });
    const ids = new Set([...first.data!.offers.edges, ...second.data!.offers.edges].map((e) => e.node.id));
    expect(ids.size).toBe(20);
  });

  it("ranks Norwegian full-text matches, with stemming", async () => {
    const result = await anonymous().query(search, { filter: { text: "diabeteskurs" } });
    expect(result.errors).toBeUndefined();
    const titles = result.data!.offers.edges.map((e) => e.node.title);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles[0]).toMatch(/Diabeteskurs/i);
    const stemmed = await anonymous().query(search, { filter: { text: "depresjonsmestringen" } });
    expect(stemmed.data!.offers.edges.some((e) => /depresjonsmestring/i.test(e.node.title))).toBe(true);
  });

  it("combines filters: municipality, format and language", async () => {
    const result = await anonymous().query(search, {
      filter: { municipalityNumbers: ["5001"], formats: ["HYBRID"], languages: ["ar"] },
    });
    const nodes = result.data!.offers.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) {
      expect(n.format).toBe("HYBRID");
      expect(n.languages).toContain("ar");
      expect(n.municipalities.map((m) => m.number)).toContain("5001");
    }
  });

  it("finds other trusts' offers for a diagnosis by ICD-10 prefix", async () => {
    const result = await anonymous().query(search, { filter: { diagnosisCodes: ["E11"] } });
    const providers = new Set(result.data!.offers.edges.map((e) => e.node.provider.name));
    expect(providers).toContain("St. Olavs hospital HF");
    expect(providers).toContain("Helse Møre og Romsdal HF");
    expect(providers).toContain("Helse Nord-Trøndelag HF");
  });

  it("shows a provider its own drafts, and nobody else", async () => {
    const draft = await db.offer.findFirstOrThrow({
      where: { status: "DRAFT", providerId: orgId("hf:hmr") },
    });
    const filter = { statuses: ["DRAFT" as const] };
    const outsider = await anonymous().query(search, { filter });
    expect(outsider.data!.offers.edges.map((e) => e.node.id)).not.toContain(draft.id);
    const own = testGateway(db, viewerWith([{ org: "hf:hmr", role: "VIEWER" }]));
    const mine = await own.query(search, { filter });
    expect(mine.data!.offers.edges.map((e) => e.node.id)).toContain(draft.id);
  });

  it("rejects a malformed filter with a field-level error", async () => {
    const result = await anonymous().query(search, { filter: { municipalityNumbers: ["15x6"] } });
    expect(result.errors?.[0]?.message).toBeDefined();
    expect(result.data).toBeNull();
  });
});
