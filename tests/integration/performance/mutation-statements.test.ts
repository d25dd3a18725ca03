import { readFileSync } from "node:fs";
import type { Database } from "@samspill/database";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";

// What a mutation costs in SQL. Each command loads what it needs once; this counts the
// statements of each mutation through the real gateway and fails when a count grows past the
// committed baseline (lower it in mutation-statements.json when a change makes one cheaper).

const baseline = JSON.parse(
  readFileSync(new URL("./mutation-statements.json", import.meta.url), "utf8"),
) as Record<string, number>;

let db: Database;
let recording: string[] | null = null;
beforeAll(async () => {
  db = testDatabase((sql) => recording?.push(sql));
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

const editor = viewerWith([{ org: "mun:1506", role: "EDITOR" }]);
const transactionControl = /^\s*(BEGIN|COMMIT|ROLLBACK|SET|SELECT 1)\b/i;

async function measure<T>(query: string, variables: Record<string, unknown>) {
  recording = [];
  const answer = await testGateway(db, editor).query(query, variables);
  const statements = recording.filter((s) => !transactionControl.test(s));
  recording = null;
  expect(answer.errors).toBeUndefined();
  return { answer, statements };
}

const answer = (success: string) =>
  `{ __typename ... on ${success} { data { id version status } } ... on Error { message } }`;
const createOffer = `mutation($input: CreateOfferInput!) { result: createOffer(input: $input) ${answer("MutationCreateOfferSuccess")} }`;
const updateOffer = `mutation($input: UpdateOfferInput!) { result: updateOffer(input: $input) ${answer("MutationUpdateOfferSuccess")} }`;
const changeStatus = `mutation($id: ID!, $version: Int!, $status: OfferStatus!) {
  result: changeOfferStatus(id: $id, version: $version, status: $status) ${answer("MutationChangeOfferStatusSuccess")} }`;

type OfferAnswer = {
  result: { __typename: string; message?: string; data: { id: string; version: number; status: string } };
};

/** SELECTs that read the Offer table itself (not its relations). */
const offerReads = (statements: string[]) =>
  statements.filter((s) => /^\s*SELECT\b/i.test(s) && /FROM\s+"public"\."Offer"(\s|$)/i.test(s));

describe("SQL statements per mutation", () => {
  const counts: Record<string, number> = {};
  afterAll(() => console.log(`[statements] ${JSON.stringify(counts)}`));

  it("create, edit and publish an offer stay within the baseline; publishing reads the offer once", async () => {
    const created = await measure<OfferAnswer>(createOffer, {
      input: {
        providerId: orgId("mun:1506"),
        title: "Mestringskurs for pårørende",
        summary: "Et kurs for pårørende til personer med langvarig sykdom.",
        kind: "GROUP_COURSE",
        diagnosisScope: "DIAGNOSIS_INDEPENDENT",
        format: "PHYSICAL",
        location: "Molde rådhus",
        audiences: ["CARERS"],
        languages: ["nb"],
        municipalityNumbers: ["1506"],
        contactEmail: "mestring@molde.kommune.no",
      },
    });
    expect(created.answer.data!.result.message).toBeUndefined();
    const offer = created.answer.data!.result.data;
    counts.createOffer = created.statements.length;

    const edited = await measure<OfferAnswer>(updateOffer, {
      input: { id: offer.id, version: offer.version, title: "Mestringskurs for pårørende, høst" },
    });
    expect(edited.answer.data!.result.message).toBeUndefined();
    counts.updateOffer = edited.statements.length;

    const published = await measure<OfferAnswer>(changeStatus, {
      id: offer.id,
      version: edited.answer.data!.result.data.version,
      status: "PUBLISHED",
    });
    expect(published.answer.data!.result.data).toMatchObject({ status: "PUBLISHED" });
    counts.publishOffer = published.statements.length;
    // One read in the command (before it writes) and one for the answer the client asked for.
    expect(offerReads(published.statements)).toHaveLength(2);

    for (const [name, count] of Object.entries(counts)) {
      expect(count, `${name}: ${count} statements, baseline ${baseline[name]}`).toBeLessThanOrEqual(
        baseline[name] ?? 0,
      );
    }
  });
});
