import { readFileSync } from "node:fs";
import type { Database } from "@samspill/database";
import { graphql, type TadaDocumentNode } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { successData } from "../../support/answers.js";
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

async function measure<R, V>(document: TadaDocumentNode<R, V>, variables: V) {
  recording = [];
  const answer = await testGateway(db, editor).query(document, variables);
  const statements = recording.filter((s) => !transactionControl.test(s));
  recording = null;
  expect(answer.errors).toBeUndefined();
  return { answer, statements };
}

const counted = graphql(`fragment Counted on Offer { id version status }`);
const createOffer = graphql(
  `mutation($input: CreateOfferInput!) { result: createOffer(input: $input) {
    __typename ... on MutationCreateOfferSuccess { data { ...Counted } } ... on Error { message } } }`,
  [counted],
);
const updateOffer = graphql(
  `mutation($input: UpdateOfferInput!) { result: updateOffer(input: $input) {
    __typename ... on MutationUpdateOfferSuccess { data { ...Counted } } ... on Error { message } } }`,
  [counted],
);
const changeStatus = graphql(
  `mutation($id: ID!, $version: Int!, $status: OfferStatus!) {
    result: changeOfferStatus(id: $id, version: $version, status: $status) {
      __typename ... on MutationChangeOfferStatusSuccess { data { ...Counted } } ... on Error { message } } }`,
  [counted],
);

const countedSession = graphql(`fragment CountedSession on OfferSession { id version cancelled }`);
const addSession = graphql(
  `mutation($input: AddSessionInput!) { result: addSession(input: $input) {
    __typename ... on MutationAddSessionSuccess { data { ...CountedSession } } ... on Error { message } } }`,
  [countedSession],
);
const updateSession = graphql(
  `mutation($input: UpdateSessionInput!) { result: updateSession(input: $input) {
    __typename ... on MutationUpdateSessionSuccess { data { ...CountedSession } } ... on Error { message } } }`,
  [countedSession],
);
const cancelSession = graphql(
  `mutation($id: ID!, $version: Int!) { result: cancelSession(id: $id, version: $version) {
    __typename ... on MutationCancelSessionSuccess { data { ...CountedSession } } ... on Error { message } } }`,
  [countedSession],
);

/** SELECTs that read the Offer table itself (not its relations). */
const offerReads = (statements: string[]) =>
  statements.filter((s) => /^\s*SELECT\b/i.test(s) && /FROM\s+"public"\."Offer"(\s|$)/i.test(s));

describe("SQL statements per mutation", () => {
  const counts: Record<string, number> = {};
  afterAll(() => console.log(`[statements] ${JSON.stringify(counts)}`));

  it("an offer and its session, from draft to cancelled, stay within the baseline; publishing reads the offer once", async () => {
    const created = await measure(createOffer, {
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
    const offer = successData(created.answer.data!.result);
    counts.createOffer = created.statements.length;

    const edited = await measure(updateOffer, {
      input: { id: offer.id, version: offer.version, title: "Mestringskurs for pårørende, høst" },
    });
    const editedOffer = successData(edited.answer.data!.result);
    counts.updateOffer = edited.statements.length;

    const published = await measure(changeStatus, {
      id: offer.id,
      version: editedOffer.version,
      status: "PUBLISHED",
    });
    expect(successData(published.answer.data!.result)).toMatchObject({ status: "PUBLISHED" });
    counts.publishOffer = published.statements.length;
    // One read in the command (before it writes) and one for the answer the client asked for.
    expect(offerReads(published.statements)).toHaveLength(2);

    const startsAt = new Date(Date.now() + 30 * 86_400_000);
    const added = await measure(addSession, {
      input: {
        offerId: offer.id,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
        location: "Molde rådhus",
        capacity: 12,
      },
    });
    const session = successData(added.answer.data!.result);
    counts.addSession = added.statements.length;

    const moved = await measure(updateSession, {
      input: { id: session.id, version: session.version, location: "Molde helsehus" },
    });
    const movedSession = successData(moved.answer.data!.result);
    counts.updateSession = moved.statements.length;

    const cancelled = await measure(cancelSession, { id: session.id, version: movedSession.version });
    expect(successData(cancelled.answer.data!.result)).toMatchObject({ cancelled: true });
    counts.cancelSession = cancelled.statements.length;

    for (const [name, count] of Object.entries(counts)) {
      expect(count, `${name}: ${count} statements, baseline ${baseline[name]}`).toBeLessThanOrEqual(
        baseline[name] ?? 0,
      );
    }
  });
});
