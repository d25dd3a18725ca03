import type { Database } from "@samspill/database";
import { graphql, type VariablesOf } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { successData, validationIssues } from "../../support/answers.js";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { captureWrites, writeCounts } from "../../support/writes.js";

// A health community's forum records its review of the joint overview: all or nothing, only by
// its own forum members, and it sees the offers the task-division rule flagged for it.

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

type Viewer = ReturnType<typeof viewerWith>;
const mrForum = viewerWith([{ org: "hf-community:mr", role: "FORUM_MEMBER" }]);
const mrAdmin = viewerWith([{ org: "hf-community:mr", role: "ADMIN" }]);
const trondelagForum = viewerWith([{ org: "hf-community:trondelag", role: "FORUM_MEMBER" }]);

const record = graphql(`mutation($input: RecordForumReviewInput!) { recordForumReview(input: $input) {
  __typename
  ... on MutationRecordForumReviewSuccess { data {
    id findings healthCommunity { id } meetingPoint { id }
    decisions { id text followUps { id text } }
  } }
  ... on ValidationError { issues { field code message messageNb } }
  ... on Error { message } } }`);
const reviewsQuery = graphql(`query($id: ID!) { forumReviews(healthCommunityId: $id, first: 50) {
  edges { node { id findings decisions { text } meetingPoint { id } } } } }`);
const flaggedQuery = graphql(`query($id: ID!) { flaggedOffers(healthCommunityId: $id, first: 100) {
  totalCount edges { node { id title flaggedForReview flagReason provider { id } } } } }`);

async function recordReview(viewer: Viewer | null, input: VariablesOf<typeof record>["input"]) {
  return testGateway(db, viewer).query(record, { input });
}

/** A fresh forum meeting of the health community, so each test writes its own rows. */
let serial = 0;
async function forumMeeting(community: "hf-community:mr" | "hf-community:trondelag" = "hf-community:mr") {
  serial += 1;
  return db.meetingPoint.create({
    data: {
      kind: "HEALTH_COMMUNITY_FORUM",
      title: `Fagråd ${serial} (${Date.now()})`,
      organiserId: orgId(community === "hf-community:mr" ? "hf:hmr" : "hf:stolav"),
      healthCommunityId: orgId(community),
      startsAt: new Date("2031-11-04T09:00:00Z"),
      endsAt: new Date("2031-11-04T12:00:00Z"),
    },
  });
}

function reviewInput(meetingPointId: string, overrides: Record<string, unknown> = {}) {
  return {
    meetingPointId,
    healthCommunityId: orgId("hf-community:mr"),
    findings:
      "Få tilbud til skrøpelige eldre på Sunnmøre; hjertetrening gis både av sykehuset og Molde kommune.",
    decisions: [
      "Kommunene på Sunnmøre kartlegger behov for tilbud til skrøpelige eldre",
      "Hjertetrening blir sykehusets oppgave",
    ],
    followUps: [
      {
        text: "Kartlegging av behov",
        responsibleOrgId: orgId("mun:1508"),
        dueOn: "2032-03-01",
        decisionIndex: 0,
      },
      { text: "Overføre hjertetrening", responsibleOrgId: orgId("hf:hmr"), dueOn: "2032-06-01" },
    ],
    ...overrides,
  };
}

/** Everything a review could write, counted. */
async function reviewRows() {
  const [reviews, decisions, followUps, counts] = await Promise.all([
    db.forumReview.count(),
    db.meetingDecision.count(),
    db.followUp.count(),
    writeCounts(db),
  ]);
  return { reviews, decisions, followUps, ...counts };
}

describe("recordForumReview", () => {
  it("stores the review, its decisions and follow-ups with an audit entry and event for each entity", async () => {
    const meeting = await forumMeeting();
    const input = reviewInput(meeting.id);
    const { result, audits, events } = await captureWrites(db, () => recordReview(mrForum, input));
    expect(result.errors).toBeUndefined();
    const answer = result.data!.recordForumReview;
    expect(answer.__typename).toBe("MutationRecordForumReviewSuccess");
    const review = successData(answer);
    expect(review.healthCommunity.id).toBe(orgId("hf-community:mr"));
    expect(review.decisions.map((d) => d.text)).toEqual(input.decisions);
    expect(review.decisions[0]!.followUps.map((f) => f.text)).toEqual(["Kartlegging av behov"]);
    expect(review.decisions[1]!.followUps).toEqual([]);

    const followUps = await db.followUp.findMany({
      where: { meetingPointId: meeting.id },
      orderBy: { dueOn: "asc" },
    });
    expect(followUps.map((f) => [f.text, f.responsibleOrgId, f.status])).toEqual([
      ["Kartlegging av behov", orgId("mun:1508"), "OPEN"],
      ["Overføre hjertetrening", orgId("hf:hmr"), "OPEN"],
    ]);

    expect(audits.map((a) => [a.action, a.entityType, a.entityId, a.organisationId])).toEqual([
      ["forum_review.record", "ForumReview", review.id, orgId("hf-community:mr")],
      ["follow_up.create", "FollowUp", followUps[0]!.id, orgId("hf-community:mr")],
      ["follow_up.create", "FollowUp", followUps[1]!.id, orgId("hf-community:mr")],
    ]);
    expect(events.map((e) => [e.type, e.aggregateId])).toEqual([
      ["forum_review.recorded", review.id],
      ["follow_up.changed", followUps[0]!.id],
      ["follow_up.changed", followUps[1]!.id],
    ]);
    expect(events[0]!.payload).toEqual({
      id: review.id,
      meetingPointId: meeting.id,
      healthCommunityId: orgId("hf-community:mr"),
    });
    expect(events[1]!.payload).toEqual({
      id: followUps[0]!.id,
      version: 1,
      meetingPointId: meeting.id,
      status: "OPEN",
      dueOn: "2032-03-01",
    });

    // The forum's members find it among the community's reviews and on the meeting point.
    const listed = await testGateway(db, mrForum).query(reviewsQuery, {
      id: orgId("hf-community:mr"),
    });
    expect(listed.data!.forumReviews.edges.map((e) => e.node.id)).toContain(review.id);
  });

  it("lets the community's admin record one too", async () => {
    const meeting = await forumMeeting();
    const result = await recordReview(mrAdmin, reviewInput(meeting.id, { decisions: [], followUps: [] }));
    expect(result.data!.recordForumReview.__typename).toBe("MutationRecordForumReviewSuccess");
  });

  it("writes nothing at all when one follow-up is malformed", async () => {
    const meeting = await forumMeeting();
    const before = await reviewRows();
    const input = reviewInput(meeting.id);
    const result = await recordReview(mrForum, {
      ...input,
      followUps: [
        input.followUps[0]!,
        { text: "Rapport", responsibleOrgId: orgId("hf:hmr"), dueOn: "2032-02-30" },
      ],
    });
    const answer = result.data!.recordForumReview;
    expect(answer.__typename).toBe("ValidationError");
    expect(validationIssues(answer)!.map((i) => i.field)).toEqual(["followUps.1.dueOn"]);
    expect(await reviewRows()).toEqual(before);
  });

  it("writes nothing at all when one follow-up goes to an organisation outside the community", async () => {
    const meeting = await forumMeeting();
    const before = await reviewRows();
    const input = reviewInput(meeting.id);
    const result = await recordReview(mrForum, {
      ...input,
      followUps: [
        input.followUps[0]!,
        { text: "Trondheim lager kurs", responsibleOrgId: orgId("mun:5001"), dueOn: "2032-02-01" },
        {
          text: "Pekt på et vedtak som ikke finnes",
          responsibleOrgId: orgId("hf:hmr"),
          dueOn: "2032-02-01",
          decisionIndex: 5,
        },
      ],
    });
    const answer = result.data!.recordForumReview;
    expect(answer.__typename).toBe("ValidationError");
    expect(validationIssues(answer)!.map((i) => [i.field, i.code])).toEqual([
      ["followUps.2.decisionIndex", "no_such_decision"],
    ]);
    expect(await reviewRows()).toEqual(before);

    const second = await recordReview(mrForum, {
      ...input,
      followUps: [
        input.followUps[0]!,
        { text: "Trondheim lager kurs", responsibleOrgId: orgId("mun:5001"), dueOn: "2032-02-01" },
      ],
    });
    const refused = second.data!.recordForumReview;
    expect(validationIssues(refused)!.map((i) => [i.field, i.code])).toEqual([
      ["followUps.1.responsibleOrgId", "not_in_health_community"],
    ]);
    expect(validationIssues(refused)![0]!.messageNb).toBe(
      "Ansvarlig organisasjon er ikke med i dette helsefellesskapet",
    );
    expect(await reviewRows()).toEqual(before);
  });

  it("is only for forum members of the community, and only for its own meeting points", async () => {
    const mrMeeting = await forumMeeting();
    const before = await reviewRows();
    for (const viewer of [
      trondelagForum,
      viewerWith([{ org: "hf:hmr", role: "EDITOR" }]),
      viewerWith([{ org: "hf-community:mr", role: "VIEWER" }]),
      null,
    ]) {
      const result = await recordReview(viewer, reviewInput(mrMeeting.id));
      expect(result.errors?.[0]?.message).toMatch(/not authorized/i);
    }
    // Trøndelag's forum cannot file its review on Møre og Romsdal's meeting point.
    const elsewhere = await recordReview(
      trondelagForum,
      reviewInput(mrMeeting.id, {
        healthCommunityId: orgId("hf-community:trondelag"),
        followUps: [{ text: "Oppfølging", responsibleOrgId: orgId("mun:5001"), dueOn: "2032-01-01" }],
      }),
    );
    expect(validationIssues(elsewhere.data!.recordForumReview)!.map((i) => [i.field, i.code])).toEqual([
      ["meetingPointId", "other_health_community"],
    ]);
    expect(await reviewRows()).toEqual(before);
  });
});

describe("forum queries", () => {
  it("lists reviews for the community's forum members only", async () => {
    const response = await testGateway(db, trondelagForum).query(reviewsQuery, {
      id: orgId("hf-community:mr"),
    });
    expect(response.errors?.[0]?.message).toMatch(/not authorized/i);
    const ownCommunity = await testGateway(db, trondelagForum).query(reviewsQuery, {
      id: orgId("hf-community:trondelag"),
    });
    expect(ownCommunity.errors).toBeUndefined();
  });

  it("lists the member municipalities' flagged offers for the forum to review", async () => {
    const stamp = Date.now();
    const base = {
      providerId: orgId("mun:1506"),
      summary: "Oppfølging etter hjerteinfarkt",
      kind: "GROUP_COURSE" as const,
      diagnosisScope: "DIAGNOSIS_SPECIFIC" as const,
      diagnosisCodes: ["I21"],
      format: "PHYSICAL" as const,
      languages: ["nb"],
      flaggedForReview: true,
      flagReason: "Kommunalt diagnosespesifikt tilbud",
    };
    const published = await db.offer.create({
      data: {
        ...base,
        title: `Hjertetrening i Molde ${stamp}`,
        status: "PUBLISHED",
        publishedAt: new Date(),
      },
    });
    // Paused, not draft: other files look for the seed's drafts. Either way it is not public.
    const hidden = await db.offer.create({
      data: {
        ...base,
        title: `Hjerteskole i Molde (pause) ${stamp}`,
        status: "PAUSED",
        publishedAt: new Date(),
      },
    });

    const mr = await testGateway(db, mrForum).query(flaggedQuery, { id: orgId("hf-community:mr") });
    expect(mr.errors).toBeUndefined();
    const mrIds = mr.data!.flaggedOffers.edges.map((e) => e.node.id);
    expect(mrIds).toContain(published.id);
    expect(mrIds).not.toContain(hidden.id);
    expect(mr.data!.flaggedOffers.totalCount).toBe(mrIds.length);
    expect(mr.data!.flaggedOffers.edges.every((e) => e.node.flaggedForReview)).toBe(true);

    const trondelag = await testGateway(db, trondelagForum).query(flaggedQuery, {
      id: orgId("hf-community:trondelag"),
    });
    const trondelagNodes = trondelag.data!.flaggedOffers.edges.map((e) => e.node);
    expect(trondelagNodes.map((n) => n.id)).not.toContain(published.id);
    // Trondheim's seeded municipal lung course is the task-division case there.
    expect(trondelagNodes.map((n) => n.provider.id)).toContain(orgId("mun:5001"));

    for (const viewer of [trondelagForum, viewerWith([{ org: "mun:1506", role: "EDITOR" }])]) {
      const refused = await testGateway(db, viewer).query(flaggedQuery, { id: orgId("hf-community:mr") });
      expect(refused.errors?.[0]?.message).toMatch(/not authorized/i);
    }
  });
});
