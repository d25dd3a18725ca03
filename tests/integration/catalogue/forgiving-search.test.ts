import type { Database } from "@samspill/database";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway } from "../../support/gateway.js";

// Words a patient types: compounds, hyphens, prefixes, one-letter typos, provider and
// diagnosis names. Seeded offers plus two whose only "mestring" is inside a compound.

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  const base = {
    summary: "Et tilbud for deg som lever med langvarig sykdom.",
    kind: "GROUP_COURSE" as const,
    diagnosisScope: "DIAGNOSIS_INDEPENDENT" as const,
    format: "PHYSICAL" as const,
    status: "PUBLISHED" as const,
    publishedAt: new Date(),
    diagnosisCodes: [],
  };
  await db.offer.createMany({
    data: [
      { ...base, providerId: orgId("mun:5001"), title: "Lærings- og mestringskurs for pårørende" },
      { ...base, providerId: orgId("mun:1506"), title: "Mestringskurs i Molde" },
    ],
  });
});
afterAll(() => db.$disconnect());

const search = graphql(`query ForgivingSearch($filter: OfferFilter) {
  offers(filter: $filter, first: 100) { totalCount edges { node { title provider { name } } } }
}`);

async function titles(text: string) {
  const result = await testGateway(db).query(search, { filter: { text } });
  expect(result.errors).toBeUndefined();
  return result.data!.offers.edges.map((e) => e.node.title);
}

describe("catalogue text search that forgives", () => {
  it("splits a compound: diabeteskurs finds courses about diabetes, exact compounds first", async () => {
    const found = await titles("diabeteskurs");
    expect(found).toEqual(
      expect.arrayContaining([
        "Kurs for personer med diabetes type 2",
        "Diabeteskurs – type 2",
        "Diabeteskurs for nyoppdaget diabetes type 2",
      ]),
    );
    expect(found.slice(0, 2).every((t) => /^Diabeteskurs/.test(t))).toBe(true);
    expect(found).not.toContain("Hjerteskolen");
  });

  it("splits a hyphen: kols-skole finds the KOLS school and other KOLS offers", async () => {
    const found = await titles("kols-skole");
    expect(found[0]).toBe("KOLS-skole");
    expect(found).toContain("Leve med KOLS – filmserie");
  });

  it("mestringskurs finds mestringskurs and lærings- og mestringskurs", async () => {
    const found = await titles("mestringskurs");
    expect(found).toEqual(
      expect.arrayContaining(["Mestringskurs i Molde", "Lærings- og mestringskurs for pårørende"]),
    );
  });

  it("finds a title typed in full, whose words include a stop word of the Norwegian dictionary", async () => {
    expect((await titles("Livet etter kreft"))[0]).toBe("Livet etter kreft");
    expect(await titles("hvordan leve med KOLS")).toContain("Leve med KOLS – filmserie");
  });

  it("matches a prefix and a word one letter off, ranked below exact matches", async () => {
    expect(await titles("hjerteskol")).toContain("Hjerteskolen");
    const typo = await titles("diabetis");
    expect(typo).toEqual(
      expect.arrayContaining(["Kurs for personer med diabetes type 2", "Diabeteskurs – type 2"]),
    );
  });

  it("finds offers by provider name and by diagnosis name in nb, nn and en", async () => {
    const byProvider = await testGateway(db).query(search, { filter: { text: "Kreftforeningen" } });
    const providers = byProvider.data!.offers.edges.map((e) => e.node.provider.name);
    expect(providers.length).toBeGreaterThan(0);
    expect(providers.every((p) => /Kreftforeningen/i.test(p))).toBe(true);
    for (const name of ["hjertesykdom", "hjartesjukdom", "heart"])
      expect(await titles(name)).toContain("Hjerteskolen");
    expect(await titles("copd")).toContain("KOLS-skole");
  });

  it("finds nothing for an unrelated word, and keeps websearch operators strict", async () => {
    expect(await titles("xylofonorkester")).toEqual([]);
    const strict = await titles('"diabetes type 2" -diabeteskurs');
    expect(strict).toContain("Kurs for personer med diabetes type 2");
    expect(strict.some((t) => /^Diabeteskurs/.test(t))).toBe(false);
  });
});
