import type { Database } from "@samspill/database";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { successData, validationIssues } from "../../support/answers.js";
import { testDatabase } from "../../support/db.js";
import { orgId } from "../../support/gateway.js";
import { createSignInGateway, postGraphQL, type SignInGateway, signIn } from "../../support/sign-in.js";

// Each user group's journey through HTTP, signed in through the local OpenID provider's real
// pages, against the real database and Redis.

let db: Database;
let hub: SignInGateway;
let publishedOfferId: string;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  hub = await createSignInGateway(db);
});
afterAll(async () => {
  await hub.close();
  await db.$disconnect();
});

describe("user-group journeys", () => {
  it("a municipality registers a diagnosis-independent offer, is told what is missing, and publishes it", async () => {
    const kari = await signIn(hub.app, "demo-kari");
    const created = await postGraphQL(
      hub.app,
      graphql(`mutation($input: CreateOfferInput!) { createOffer(input: $input) { __typename
        ... on MutationCreateOfferSuccess { data { id version } } } }`),
      {
        input: {
          providerId: orgId("mun:1506"),
          title: "Mestringskurs for pårørende i Molde",
          summary: "Fire kvelder for pårørende til personer med langvarig sykdom.",
          kind: "GROUP_COURSE",
          diagnosisScope: "DIAGNOSIS_INDEPENDENT",
          topics: ["CARER_SUPPORT"],
          format: "PHYSICAL",
          location: "Molde helsehus",
          languages: ["nb"],
          municipalityNumbers: ["1506"],
        },
      },
      kari,
    );
    const offer = successData(created.data!.createOffer);
    const publish =
      graphql(`mutation($id: ID!, $version: Int!) { changeOfferStatus(id: $id, version: $version, status: PUBLISHED) {
      __typename ... on ValidationError { issues { field } } ... on MutationChangeOfferStatusSuccess { data { status version } } } }`);
    const refused = await postGraphQL(hub.app, publish, offer, kari);
    expect(refused.data!.changeOfferStatus.__typename).toBe("ValidationError");
    expect(
      validationIssues(refused.data!.changeOfferStatus)!
        .map((i) => i.field)
        .sort(),
    ).toEqual(["audiences", "contactEmail"]);

    const fixed = await postGraphQL(
      hub.app,
      graphql(
        `mutation($input: UpdateOfferInput!) { updateOffer(input: $input) { __typename ... on MutationUpdateOfferSuccess { data { version } } } }`,
      ),
      {
        input: {
          id: offer.id,
          version: offer.version,
          audiences: ["CARERS"],
          contactEmail: "frisklivs@molde.kommune.no",
        },
      },
      kari,
    );
    const version = successData(fixed.data!.updateOffer).version;
    const published = await postGraphQL(hub.app, publish, { id: offer.id, version }, kari);
    expect(successData(published.data!.changeOfferStatus).status).toBe("PUBLISHED");
    publishedOfferId = offer.id;
    expect(await db.outboxEvent.count({ where: { aggregateId: offer.id } })).toBe(3);
    expect(await db.auditEntry.count({ where: { entityId: offer.id } })).toBe(3);
  });

  it("a signed-out visitor finds the new offer in the catalogue", async () => {
    const found = await postGraphQL(
      hub.app,
      graphql(
        `query { offers(filter: { text: "pårørende Molde", municipalityNumbers: ["1506"] }) { edges { node { id } } } }`,
      ),
    );
    expect(found.data!.offers.edges.map((e) => e.node.id)).toContain(publishedOfferId);
  });

  it("a hospital trust finds the other trusts' offers for the same diagnosis", async () => {
    const per = await signIn(hub.app, "demo-per");
    const result = await postGraphQL(
      hub.app,
      graphql(
        `query { offers(filter: { diagnosisCodes: ["E11"], formats: [DIGITAL, HYBRID, PHYSICAL] }, first: 50) { edges { node { provider { id } } } } }`,
      ),
      {},
      per,
    );
    const providers = new Set(result.data!.offers.edges.map((e) => e.node.provider.id));
    expect(providers.has(orgId("hf:hmr"))).toBe(true);
    expect(providers.has(orgId("hf:hnt"))).toBe(true);
  });

  it("a forum member records a review with a decision and a follow-up, in one go", async () => {
    const lise = await signIn(hub.app, "demo-lise");
    const meeting = await db.meetingPoint.findFirstOrThrow({
      where: { healthCommunityId: orgId("hf-community:mr") },
    });
    const result = await postGraphQL(
      hub.app,
      graphql(`mutation($input: RecordForumReviewInput!) { recordForumReview(input: $input) { __typename
        ... on MutationRecordForumReviewSuccess { data { id } } } }`),
      {
        input: {
          meetingPointId: meeting.id,
          healthCommunityId: orgId("hf-community:mr"),
          findings:
            "Nytt pårørendetilbud i Molde dekker et hull; skrøpelige eldre på Sunnmøre mangler fortsatt tilbud.",
          decisions: ["Sunnmøre-kommunene kartlegger behov"],
          followUps: [
            {
              text: "Kartlegging av behov",
              responsibleOrgId: orgId("mun:1508"),
              dueOn: "2027-03-01",
              decisionIndex: 0,
            },
          ],
        },
      },
      lise,
    );
    expect(result.data!.recordForumReview.__typename).toBe("MutationRecordForumReviewSuccess");
    const id = successData(result.data!.recordForumReview).id;
    expect(await db.meetingDecision.count({ where: { reviewId: id } })).toBe(1);
  });

  it("a user organisation reports participation for a hospital's course", async () => {
    const sigrid = await signIn(hub.app, "demo-sigrid");
    const offer = await db.offer.findFirstOrThrow({
      where: { providerId: orgId("hf:stolav"), status: "PUBLISHED" },
    });
    const result = await postGraphQL(
      hub.app,
      graphql(`mutation($input: ReportParticipationInput!) { reportParticipation(input: $input) { __typename
        ... on MutationReportParticipationSuccess { data { id } } } }`),
      {
        input: {
          reporterId: orgId("uo:ffo"),
          offerId: offer.id,
          periodStart: "2026-01-01",
          periodEnd: "2026-06-30",
          patients: 14,
          carers: 6,
          userRepsPlanning: 1,
          userRepsDelivery: 2,
          userRepsEvaluation: 1,
        },
      },
      sigrid,
    );
    expect(result.data!.reportParticipation.__typename).toBe("MutationReportParticipationSuccess");
  });
});
