import type { Database } from "@samspill/database";
import { fhirValidator, hsdsValidator } from "@samspill/gateway/formats/validators";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { testGateway } from "../../support/gateway.js";

// The harvesting APIs (HSDS 3 API conventions and FHIR searchset paging) as a national directory
// uses them: walk the pages, follow the links, resolve the fullUrls.

let db: Database;
let published: string[];

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  published = (await db.offer.findMany({ where: { status: "PUBLISHED" }, select: { id: true } })).map(
    (o) => o.id,
  );
});
afterAll(() => db.$disconnect());

const origin = "http://gateway.test";
const get = (path: string) => testGateway(db, null).app.fetch(new Request(new URL(path, origin)));

interface Page<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

describe("the HSDS 3 API", () => {
  it("pages /services so a walk collects every public offer exactly once, each valid HSDS", async () => {
    const validate = hsdsValidator("service");
    const seen: string[] = [];
    let page: Page<{ id: string; name: string; description: string }>;
    let n = 1;
    do {
      const response = await get(`/export/hsds/services?page=${n}&per_page=4`);
      expect(response.status).toBe(200);
      page = (await response.json()) as typeof page;
      expect(page.page_number).toBe(n);
      expect(page.first_page).toBe(n === 1);
      expect(page.size).toBe(page.contents.length);
      for (const service of page.contents) {
        expect(validate(service).errors).toEqual([]);
        seen.push(service.id);
      }
      n += 1;
    } while (!page.last_page);
    expect(page.total_items).toBe(published.length);
    expect(page.total_pages).toBe(Math.ceil(published.length / 4));
    expect([...seen].sort()).toEqual([...published].sort());
  });

  it("does not repeat an offer's summary in its description", async () => {
    const page = (await (await get("/export/hsds/services?per_page=100")).json()) as Page<{
      description: string;
    }>;
    for (const service of page.contents) {
      const paragraphs = service.description.split("\n\n");
      expect(new Set(paragraphs).size).toBe(paragraphs.length);
    }
  });

  it("serves one service, its organisation, and 404 for an offer that is not public", async () => {
    const id = published[0]!;
    const service = (await (await get(`/export/hsds/services/${id}`)).json()) as {
      id: string;
      organization_id: string;
    };
    expect(service.id).toBe(id);
    const organisation = await get(`/export/hsds/organizations/${service.organization_id}`);
    expect(hsdsValidator("organization")(await organisation.json()).errors).toEqual([]);
    const draft = await db.offer.findFirstOrThrow({ where: { status: "DRAFT" } });
    expect((await get(`/export/hsds/services/${draft.id}`)).status).toBe(404);
  });

  it("lists organisations and taxonomies as pages of valid records", async () => {
    const organisations = (await (
      await get("/export/hsds/organizations?per_page=100")
    ).json()) as Page<unknown>;
    expect(organisations.total_items).toBeGreaterThan(0);
    const validate = hsdsValidator("organization");
    for (const o of organisations.contents) expect(validate(o).errors).toEqual([]);
    const taxonomies = (await (await get("/export/hsds/taxonomies")).json()) as Page<{ name: string }>;
    expect(taxonomies.contents.map((t) => t.name)).toContain("ICD-10");
  });

  it("answers a bad page parameter with 400 naming it", async () => {
    for (const [query, field] of [
      ["per_page=1000", "per_page"],
      ["page=0", "page"],
      ["pages=2", "pages"],
    ] as const) {
      const response = await get(`/export/hsds/services?${query}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { issues: { field: string }[] };
      expect(body.issues[0]?.field).toBe(field);
    }
    const bad = await get("/export/hsds/services/not-a-uuid");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { field: string }[] }).issues[0]?.field).toBe("id");
  });
});

describe("FHIR searchset paging", () => {
  it("follows `next` links through every public offer once, and every fullUrl resolves", async () => {
    const validate = fhirValidator();
    const seen: string[] = [];
    let url: string | undefined = "/export/fhir/HealthcareService?_count=5";
    while (url) {
      const response = await get(url);
      expect(response.status).toBe(200);
      const bundle = (await response.json()) as {
        total: number;
        link: { relation: string; url: string }[];
        entry: { fullUrl: string; resource: { id: string; comment?: string; extraDetails?: string } }[];
      };
      expect(validate(bundle).errors).toEqual([]);
      expect(bundle.total).toBe(published.length);
      for (const entry of bundle.entry) {
        seen.push(entry.resource.id);
        const resolved = await get(new URL(entry.fullUrl).pathname);
        expect(resolved.status).toBe(200);
        expect(((await resolved.json()) as { id: string }).id).toBe(entry.resource.id);
        // The summary is the comment; the details do not say it again.
        if (entry.resource.comment && entry.resource.extraDetails)
          expect(entry.resource.extraDetails).not.toContain(entry.resource.comment);
      }
      const next = bundle.link.find((l) => l.relation === "next")?.url;
      url = next ? `${new URL(next).pathname}${new URL(next).search}` : undefined;
    }
    expect([...seen].sort()).toEqual([...published].sort());
  });

  it("gives the download a `next` link and resolvable fullUrls too", async () => {
    const response = await get("/export/offers.fhir.json?limit=3");
    const bundle = (await response.json()) as {
      link: { relation: string; url: string }[];
      entry: { fullUrl: string }[];
    };
    expect(bundle.link.find((l) => l.relation === "next")?.url).toMatch(/offset=3/);
    const first = bundle.entry[0]!;
    expect((await get(new URL(first.fullUrl).pathname)).status).toBe(200);
  });

  it("answers a bad _count with 400 naming it, and an unknown resource with 404", async () => {
    const response = await get("/export/fhir/HealthcareService?_count=500");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { issues: { field: string }[] }).issues[0]?.field).toBe("_count");
    const draft = await db.offer.findFirstOrThrow({ where: { status: "DRAFT" } });
    expect((await get(`/export/fhir/HealthcareService/${draft.id}`)).status).toBe(404);
  });
});
