import { randomUUID } from "node:crypto";
import type { Database } from "@samspill/database";
import type { DiagnosisGroup } from "@samspill/domain";
import { graphql } from "@samspill/graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { testGateway } from "../../support/gateway.js";

// How the catalogue orders what it finds: a title match above a match only in the text,
// whatever the lengths; a condition's other names and ICD-10 codes count as the name itself.
// One provider of its own, so other tests' offers stay out of the way.

let db: Database;
let providerId: string;

const long = "Vi møtes i grupper, snakker om hverdagen, deler erfaringer og lærer av hverandre. ".repeat(4);

async function offer(title: string, summary: string, codes: string[], groups: DiagnosisGroup[]) {
  await db.offer.create({
    data: {
      providerId,
      title,
      summary,
      kind: "GROUP_COURSE",
      diagnosisScope: groups.length > 0 ? "DIAGNOSIS_SPECIFIC" : "DIAGNOSIS_INDEPENDENT",
      diagnosisCodes: codes,
      diagnosisGroups: groups,
      format: "PHYSICAL",
      status: "PUBLISHED",
      publishedAt: new Date(),
    },
  });
}

beforeAll(async () => {
  db = testDatabase();
  const provider = await db.organisation.create({
    data: { name: `Rangeringsforeningen ${randomUUID()}`, kind: "USER_ORGANISATION" },
  });
  providerId = provider.id;
  await offer("Søvnkurs for voksne", `Om kveldene. ${long}`, [], []);
  await offer("Aktiv hverdag", "Søvn, mer søvn og bedre søvn med trening.", [], []);
  await offer("Slagskolen", "For deg som har hatt hjerneslag.", ["I63"], ["STROKE"]);
  await offer("Rehabilitering i gruppe", "Etter hjerneslag.", ["I63"], ["STROKE"]);
  await offer("Lær å leve med MS", "Et kurs for nydiagnostiserte.", ["G35"], ["NEUROLOGICAL"]);
  await offer("Epilepsiskolen", "Et kurs for nydiagnostiserte.", ["G40"], ["NEUROLOGICAL"]);
});
afterAll(() => db.$disconnect());

const search = graphql(`query SearchRanking($filter: OfferFilter) {
  offers(filter: $filter, first: 20) { edges { node { title } } }
}`);

async function titles(text: string) {
  const result = await testGateway(db).query(search, { filter: { text, providerIds: [providerId] } });
  expect(result.errors).toBeUndefined();
  return result.data!.offers.edges.map((e) => e.node.title);
}

describe("catalogue search ranking", () => {
  it("ranks a title match above a shorter offer that says the word only in its text", async () => {
    expect(await titles("søvn")).toEqual(["Søvnkurs for voksne", "Aktiv hverdag"]);
  });

  it("counts another name of the condition in the title as a title match", async () => {
    expect(await titles("hjerneslag")).toEqual(["Slagskolen", "Rehabilitering i gruppe"]);
  });

  it("finds an offer by the ICD-10 code of a named condition, not its whole diagnosis group", async () => {
    expect(await titles("multippel sklerose")).toEqual(["Lær å leve med MS"]);
    expect(await titles("multipel")).toEqual(["Lær å leve med MS"]);
  });
});
