import type { Database } from "@samspill/database";
import { graphql } from "@samspill/graphql";
import { withCatchments } from "@samspill/mail";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { successData, validationIssues } from "../../support/answers.js";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway } from "../../support/gateway.js";

// A signed-in person's own mail subscriptions through the gateway (page /subscriptions): start
// one for chosen places and groups, see it, change it, stop it; each change audited and
// announced; bad choices answered field by field; nobody else's touched.

const save = graphql(`mutation($input: SaveMyMailSubscriptionInput!) {
  saveMyMailSubscription(input: $input) {
    __typename
    ... on MutationSaveMyMailSubscriptionSuccess { data { id kind active municipalityNumbers hospitalTrustIds priorityGroups diagnosisGroups } }
    ... on ValidationError { issues { field code } }
    ... on Error { message }
  }
}`);
const cancel = graphql(`mutation($kind: MailSubscriptionKind!) {
  cancelMyMailSubscription(kind: $kind) {
    __typename
    ... on MutationCancelMyMailSubscriptionSuccess { data { id kind active municipalityNumbers } }
    ... on Error { message }
  }
}`);
const mine = graphql(`query { myMailSubscriptions { id kind active municipalityNumbers hospitalTrustIds } }`);

let db: Database;
let person: { id: string; email: string };
let other: { id: string };

const as = (personId: string) =>
  testGateway(db, { kind: "PERSON", personId, tokenId: null, name: "Abonnent", memberships: [] });

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  const stamp = Date.now().toString(36);
  person = await db.person.create({ data: { name: "Abonnent", email: `own-sub-${stamp}@test.samspill.no` } });
  other = await db.person.create({
    data: { name: "Annen", email: `own-sub-other-${stamp}@test.samspill.no` },
  });
  await db.subscription.create({
    data: { personId: other.id, kind: "WEEKLY_DIGEST", municipalityNumbers: ["5001"] },
  });
});

afterAll(async () => {
  await db.$disconnect();
});

describe("own mail subscriptions", () => {
  it("starts, shows, changes and stops the caller's own subscription, audited and announced", async () => {
    const gateway = as(person.id);
    const started = successData(
      (
        await gateway.query(save, {
          input: {
            kind: "WEEKLY_DIGEST",
            municipalityNumbers: ["1506", "1506"],
            hospitalTrustIds: [orgId("hf:stolav")],
            priorityGroups: ["CHILDREN_AND_YOUTH"],
          },
        })
      ).data?.saveMyMailSubscription,
    );
    expect(started).toMatchObject({
      kind: "WEEKLY_DIGEST",
      active: true,
      municipalityNumbers: ["1506"],
      hospitalTrustIds: [orgId("hf:stolav")],
      priorityGroups: ["CHILDREN_AND_YOUTH"],
      diagnosisGroups: [],
    });
    const listed = (await gateway.query(mine, {})).data?.myMailSubscriptions ?? [];
    expect(listed.map((s) => [s.kind, s.active])).toEqual([["WEEKLY_DIGEST", true]]);

    const changed = successData(
      (await gateway.query(save, { input: { kind: "WEEKLY_DIGEST", municipalityNumbers: ["1505"] } })).data
        ?.saveMyMailSubscription,
    );
    expect(changed).toMatchObject({ id: started.id, municipalityNumbers: ["1505"], hospitalTrustIds: [] });

    const stopped = successData(
      (await gateway.query(cancel, { kind: "WEEKLY_DIGEST" })).data?.cancelMyMailSubscription,
    );
    expect(stopped).toMatchObject({ id: started.id, active: false, municipalityNumbers: ["1505"] });

    const audit = await db.auditEntry.findMany({
      where: { entityType: "Subscription", entityId: started.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorPersonId])).toEqual([
      ["subscription.create", person.id],
      ["subscription.update", person.id],
      ["subscription.cancel", person.id],
    ]);
    const events = await db.outboxEvent.findMany({
      where: { aggregateId: started.id },
      orderBy: { sequence: "asc" },
    });
    expect(events.map((e) => e.type)).toEqual([
      "subscription.created",
      "subscription.updated",
      "subscription.cancelled",
    ]);
    expect(JSON.stringify(events.map((e) => e.payload))).not.toContain(person.email);
  });

  it("answers unknown municipalities and organisations that are no hospital trust field by field", async () => {
    const answer = (
      await as(person.id).query(save, {
        input: {
          kind: "HALF_YEARLY_SUMMARY",
          municipalityNumbers: ["1506", "9999"],
          hospitalTrustIds: [orgId("mun:1506")],
        },
      })
    ).data?.saveMyMailSubscription;
    expect(validationIssues(answer)?.map((i) => i.field)).toEqual([
      "municipalityNumbers.1",
      "hospitalTrustIds.0",
    ]);
    const malformed = (
      await as(person.id).query(save, { input: { kind: "HALF_YEARLY_SUMMARY", municipalityNumbers: ["15"] } })
    ).data?.saveMyMailSubscription;
    expect(validationIssues(malformed)?.map((i) => i.field)).toEqual(["municipalityNumbers.0"]);
    expect(await db.subscription.count({ where: { personId: person.id, kind: "HALF_YEARLY_SUMMARY" } })).toBe(
      0,
    );
  });

  it("touches only the caller's own: another person's subscription stays as it was", async () => {
    await as(person.id).query(cancel, { kind: "WEEKLY_DIGEST" });
    const theirs = await db.subscription.findUniqueOrThrow({
      where: { personId_kind: { personId: other.id, kind: "WEEKLY_DIGEST" } },
    });
    expect(theirs).toMatchObject({ active: true, municipalityNumbers: ["5001"] });
    const listed = (await as(other.id).query(mine, {})).data?.myMailSubscriptions ?? [];
    expect(listed.map((s) => s.municipalityNumbers)).toEqual([["5001"]]);
  });

  it("refuses API tokens and signed-out callers", async () => {
    const token = testGateway(db, {
      kind: "API_TOKEN",
      personId: null,
      tokenId: "00000000-0000-7000-8000-000000000001",
      name: "Fagsystem",
      memberships: [{ organisationId: orgId("mun:1506"), role: "ADMIN" }],
      scopes: ["read", "write:offers"],
    });
    const byToken = (await token.query(save, { input: { kind: "WEEKLY_DIGEST" } })).data
      ?.saveMyMailSubscription;
    expect(byToken?.__typename).toBe("ForbiddenError");
    expect((await token.query(mine, {})).data?.myMailSubscriptions).toEqual([]);
    const signedOut = await testGateway(db, null).query(save, { input: { kind: "WEEKLY_DIGEST" } });
    expect(signedOut.data?.saveMyMailSubscription).toBeFalsy();
    expect(signedOut.errors?.length).toBeGreaterThan(0);
  });

  it("lets a hospital trust stand for the municipalities of its catchment", async () => {
    const [row] = await withCatchments(db, [
      {
        municipalityNumbers: ["5001"],
        hospitalTrustIds: [orgId("hf:hmr")],
        priorityGroups: [],
        diagnosisGroups: [],
      },
    ]);
    expect(row?.municipalityNumbers).toEqual(expect.arrayContaining(["5001", "1506", "1505", "1508"]));
    expect(row?.municipalityNumbers).not.toContain("5007");
  });
});
