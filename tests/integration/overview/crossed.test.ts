import { randomUUID } from "node:crypto";
import type { Database } from "@samspill/database";
import { servedLanguages } from "@samspill/domain";
import { graphql, type VariablesOf } from "@samspill/graphql";
import { rebuildOverview } from "@samspill/read-model";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway } from "../../support/gateway.js";
import { municipalityNumbers } from "../../support/municipality-numbers.js";

// The crossed overview (issue 15, item 1): published offers over two dimensions with the rest as
// filters; every language the region must serve has a column, at zero where nobody offers it;
// the gaps list, sort and export as CSV, each with the offers nearest to filling it.

let db: Database;
let statements = 0;
let trust: string;
// Two municipalities of a trust of this test's own.
const [a, b] = municipalityNumbers("crossed", 2) as [string, string];

beforeAll(async () => {
  db = testDatabase(() => {
    statements += 1;
  });
  await seedDemoData(db);
  trust = (
    await db.organisation.create({ data: { kind: "HOSPITAL_TRUST", name: `Krysset HF ${randomUUID()}` } })
  ).id;
  await db.municipality.createMany({
    data: [
      { number: a, name: "Aheim", county: "Testfylke", hospitalTrustId: trust },
      { number: b, name: "Bevik", county: "Testfylke", hospitalTrustId: trust },
    ],
  });
  await offer("Diabeteskurs Aheim", { municipalities: [a] });
  await offer("Diabeteskurs digitalt", {
    municipalities: [b],
    format: "DIGITAL",
    languages: ["nb", "ar"],
    audiences: ["PATIENTS", "CARERS"],
  });
  await offer("KOLS-skole", { municipalities: [a, b], diagnosisGroups: ["COPD"], audiences: ["CARERS"] });
  // A draft in South Sami counts nowhere: the overview shows published offers only.
  await offer("Utkast på sørsamisk", { municipalities: [a], languages: ["sma"], status: "DRAFT" });
  await rebuildOverview(db);
});
afterAll(() => db.$disconnect());

async function offer(
  title: string,
  o: {
    municipalities: string[];
    format?: "PHYSICAL" | "DIGITAL";
    languages?: string[];
    audiences?: ("PATIENTS" | "CARERS")[];
    diagnosisGroups?: ("DIABETES" | "COPD")[];
    status?: "PUBLISHED" | "DRAFT";
  },
) {
  await db.offer.create({
    data: {
      providerId: trust,
      title,
      summary: "Kurs",
      kind: "GROUP_COURSE",
      diagnosisScope: "DIAGNOSIS_SPECIFIC",
      diagnosisGroups: o.diagnosisGroups ?? ["DIABETES"],
      priorityGroups: ["MULTIPLE_CHRONIC_CONDITIONS"],
      format: o.format ?? "PHYSICAL",
      languages: o.languages ?? ["nb"],
      audiences: o.audiences ?? ["PATIENTS"],
      status: o.status ?? "PUBLISHED",
      publishedAt: new Date(),
      municipalities: { create: o.municipalities.map((m) => ({ municipalityNumber: m })) },
    },
  });
}

const crossed = graphql(`query Crossed(
  $trust: ID, $rows: CrossDimension!, $columns: CrossDimension!, $filter: CrossedOverviewFilter,
  $languages: [String!], $sort: CrossedGapSort!, $below: Int!
) {
  crossedOverview(hospitalTrustId: $trust, rows: $rows, columns: $columns, filter: $filter, languages: $languages) {
    rowDimension columnDimension
    columns { value label }
    rows { value label counts }
    gapCount(below: $below)
    gaps(sort: $sort, below: $below, limit: 100) {
      row { value } column { value } offerCount
      nearestOffers { title providerName differsIn values distance }
    }
  }
}`);

async function query(
  variables: Omit<VariablesOf<typeof crossed>, "trust" | "sort" | "below"> & {
    sort?: "ROW" | "OFFER_COUNT";
    below?: number;
  },
) {
  const result = await testGateway(db).query(crossed, { trust, sort: "ROW", below: 1, ...variables });
  expect(result.errors).toBeUndefined();
  const data = result.data?.crossedOverview;
  if (!data) throw new Error("no crossed overview");
  const table = Object.fromEntries(
    data.rows.map((r) => [r.label, Object.fromEntries(data.columns.map((c, i) => [c.value, r.counts[i]]))]),
  );
  return { ...data, table };
}

describe("the crossed overview", () => {
  it("counts municipality × language with a column at zero for South Sami and every language asked for", async () => {
    const o = await query({ rows: "MUNICIPALITY", columns: "LANGUAGE", languages: ["se"] });
    expect(o.columns.map((c) => c.value)).toEqual(expect.arrayContaining([...servedLanguages, "se"]));
    expect(o.table).toEqual({
      Aheim: expect.objectContaining({ nb: 2, sma: 0, ar: 0, se: 0 }),
      Bevik: expect.objectContaining({ nb: 2, sma: 0, ar: 1, se: 0 }),
    });
  });

  it("crosses audience (patients, relatives, both) with municipality, and hospital trust with format", async () => {
    const byAudience = await query({ rows: "AUDIENCE", columns: "MUNICIPALITY" });
    expect(byAudience.rows.map((r) => [r.value, r.counts])).toEqual([
      ["PATIENT", [1, 0]],
      ["RELATIVE", [1, 1]],
      ["BOTH", [0, 1]],
    ]);
    const byTrust = await query({ rows: "HOSPITAL_TRUST", columns: "FORMAT" });
    expect(byTrust.rows).toEqual([
      { value: trust, label: expect.stringMatching(/^Krysset HF/), counts: [2, 1, 0] },
    ]);
  });

  it("narrows by filters and lists a gap's nearest offers, nearest first", async () => {
    const o = await query({
      rows: "MUNICIPALITY",
      columns: "FORMAT",
      filter: { diagnosisGroups: ["DIABETES"] },
    });
    expect(o.table).toEqual({
      Aheim: { PHYSICAL: 1, DIGITAL: 0, HYBRID: 0 },
      Bevik: { PHYSICAL: 0, DIGITAL: 1, HYBRID: 0 },
    });
    const gap = o.gaps.find((g) => g.row.value === b && g.column.value === "PHYSICAL");
    expect(gap?.nearestOffers.map((n) => [n.title, n.differsIn, n.distance])).toEqual([
      ["Diabeteskurs digitalt", "FORMAT", 1],
      ["Diabeteskurs Aheim", "MUNICIPALITY", 2],
      ["KOLS-skole", "DIAGNOSIS_GROUP", 4],
    ]);
    expect(gap?.nearestOffers[0]?.values).toEqual(["DIGITAL"]);
  });

  it("lists the South Sami gap with the offers that exist in another language", async () => {
    const o = await query({ rows: "MUNICIPALITY", columns: "LANGUAGE", filter: { languages: ["sma"] } });
    expect(o.columns.map((c) => c.value)).toEqual(["sma"]);
    expect(o.gapCount).toBe(2);
    const aheim = o.gaps.find((g) => g.row.value === a);
    expect(aheim?.nearestOffers.map((n) => [n.title, n.differsIn])).toEqual([
      ["Diabeteskurs Aheim", "LANGUAGE"],
      ["KOLS-skole", "LANGUAGE"],
    ]);
  });

  it("shows a language named only in the filter, at zero", async () => {
    const o = await query({ rows: "MUNICIPALITY", columns: "LANGUAGE", filter: { languages: ["smj"] } });
    expect(o.table).toEqual({ Aheim: { smj: 0 }, Bevik: { smj: 0 } });
  });

  it("sorts gaps below a threshold by their count, then in table order", async () => {
    const o = await query({ rows: "MUNICIPALITY", columns: "FORMAT", sort: "OFFER_COUNT", below: 2 });
    expect(o.table).toEqual({
      Aheim: { PHYSICAL: 2, DIGITAL: 0, HYBRID: 0 },
      Bevik: { PHYSICAL: 1, DIGITAL: 1, HYBRID: 0 },
    });
    expect(o.gapCount).toBe(5);
    expect(o.gaps.map((g) => `${g.row.value}:${g.column.value}:${g.offerCount}`)).toEqual([
      `${a}:DIGITAL:0`,
      `${a}:HYBRID:0`,
      `${b}:HYBRID:0`,
      `${b}:PHYSICAL:1`,
      `${b}:DIGITAL:1`,
    ]);
  });

  it("reads a region's table in a fixed number of statements, however many offers it counts", async () => {
    const hmr = orgId("hf:hmr");
    statements = 0;
    const result = await testGateway(db).query(crossed, {
      trust: hmr,
      rows: "MUNICIPALITY",
      columns: "LANGUAGE",
      sort: "OFFER_COUNT",
      below: 1,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.crossedOverview.rows.length).toBeGreaterThan(10);
    // The scope, the counts (one statement), the trusts' names, and the offers in scope once for
    // every gap's nearest offers.
    expect(statements).toBeLessThanOrEqual(4);
  });

  it("refuses rows and columns of the same dimension, naming the field", async () => {
    const result = await testGateway(db).query(crossed, {
      trust,
      rows: "FORMAT",
      columns: "FORMAT",
      sort: "ROW",
      below: 1,
    });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(result.errors?.[0]?.extensions)).toContain('"field":"columns"');
  });
});

describe("/export/crossed-gaps.csv", () => {
  const get = (query: string) =>
    testGateway(db).app.fetch(new Request(`http://gateway.test/export/crossed-gaps.csv?${query}`));

  it("exports the gaps with their nearest offers, South Sami at zero", async () => {
    const response = await get(
      `hospitalTrust=${trust}&rows=MUNICIPALITY&columns=LANGUAGE&language=sma&language=nb`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      "Rader;Radverdi;Rad;Kolonner;Kolonneverdi;Kolonne;Tilbud;Nærmeste tilbud;Lenker til nærmeste tilbud",
    );
    const aheim = lines.find((l) => l.startsWith(`Kommune;${a};Aheim;Språk;sma;Sørsamisk;0;`));
    expect(aheim).toContain("Diabeteskurs Aheim (Krysset HF");
    expect(aheim).toContain("annen språk");
    expect(aheim).toMatch(/;http:\/\/127\.0\.0\.1:5173\/offers\/[0-9a-f-]{36} /);
    // Both municipalities have bokmål offers: no gap there.
    expect(lines.filter((l) => l.includes(";nb;"))).toEqual([]);
  });

  it("answers 400 naming the field for a bad parameter", async () => {
    for (const [query, field] of [
      [`hospitalTrust=${trust}&rows=NOPE&columns=LANGUAGE`, "rows"],
      [`hospitalTrust=${trust}&rows=FORMAT&columns=FORMAT`, "columns"],
      ["rows=FORMAT&columns=LANGUAGE", "hospitalTrust"],
      [`hospitalTrust=${trust}&rows=FORMAT&columns=LANGUAGE&language=xx`, "language.0"],
      [`hospitalTrust=${trust}&rows=FORMAT&columns=LANGUAGE&below=0`, "below"],
    ] as const) {
      const response = await get(query);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      const body = (await response.json()) as { issues: { field: string }[] };
      expect(body.issues.map((i) => i.field)).toContain(field);
    }
  });
});
