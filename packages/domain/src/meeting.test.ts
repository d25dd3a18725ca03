import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  addFollowUpInput,
  completedAtFor,
  createMeetingPointInput,
  recordForumReviewInput,
  setMeetingParticipantsInput,
  updateFollowUpInput,
} from "./meeting.js";
import { parseInput, toFieldIssues } from "./validation.js";

const organiser = "0195f3a0-1c2d-7e3f-8a4b-5c6d7e8f9a01";
const community = "0195f3a0-1c2d-7e3f-8a4b-5c6d7e8f9a02";
const molde = "0195f3a0-1c2d-7e3f-8a4b-5c6d7e8f9a03";

const valid = {
  organiserId: organiser,
  kind: "HEALTH_COMMUNITY_FORUM",
  title: "Fagråd for pasient- og pårørendeopplæring",
  healthCommunityId: community,
  startsAt: "2026-05-12T08:00:00Z",
  endsAt: "2026-05-12T11:00:00Z",
  participantIds: [molde],
};

/** The issues `schema` finds in `input`, as the API reports them. */
function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) return expect.unreachable("expected validation issues");
  return toFieldIssues(result.error);
}

describe("meeting point input", () => {
  it("accepts a forum meeting and fills defaults", () => {
    const parsed = parseInput(createMeetingPointInput, valid);
    expect(parsed.startsAt).toEqual(new Date("2026-05-12T08:00:00Z"));
    expect(parsed.agenda).toBe("");
  });

  it("refuses a meeting that ends before it starts, in both languages", () => {
    const issues = issuesOf(createMeetingPointInput, { ...valid, endsAt: "2026-05-12T07:59:00Z" });
    expect(issues).toEqual([
      expect.objectContaining({
        field: "endsAt",
        code: "ends_before_start",
        messageNb: expect.stringMatching(/møte/i),
      }),
    ]);
  });

  it("names every bad field", () => {
    const issues = issuesOf(createMeetingPointInput, {
      ...valid,
      kind: "PARTY",
      title: "",
      onlineUrl: "javascript:alert(1)",
      participantIds: [molde, molde],
    });
    expect(issues.map((i) => i.field).sort()).toEqual(["kind", "onlineUrl", "participantIds.1", "title"]);
  });

  it("requires a forum to name its health community", () => {
    const issues = issuesOf(createMeetingPointInput, { ...valid, healthCommunityId: null });
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ["healthCommunityId", "forum_needs_health_community"],
    ]);
    expect(
      parseInput(createMeetingPointInput, { ...valid, kind: "PROFESSIONAL_NETWORK", healthCommunityId: null })
        .kind,
    ).toBe("PROFESSIONAL_NETWORK");
  });

  it("refuses duplicate participants", () => {
    const issues = issuesOf(setMeetingParticipantsInput, {
      meetingPointId: organiser,
      version: 1,
      organisationIds: [molde, molde],
    });
    expect(issues.map((i) => i.field)).toEqual(["organisationIds.1"]);
  });
});

describe("follow-ups and forum reviews", () => {
  it("opens a follow-up by default and validates its due date", () => {
    expect(parseInput(addFollowUpInput, { meetingPointId: organiser, text: "Kartlegge behov" }).status).toBe(
      "OPEN",
    );
    const issues = issuesOf(updateFollowUpInput, {
      id: organiser,
      version: 1,
      dueOn: "2026-13-01",
      status: "MAYBE",
    });
    expect(issues.map((i) => i.field).sort()).toEqual(["dueOn", "status"]);
  });

  it("names the follow-up that is wrong", () => {
    const issues = issuesOf(recordForumReviewInput, {
      meetingPointId: organiser,
      healthCommunityId: community,
      findings: "Få tilbud til skrøpelige eldre",
      decisions: ["Kommunene kartlegger behov"],
      followUps: [
        { text: "Kartlegging", responsibleOrgId: molde, dueOn: "2026-09-01" },
        { text: "", responsibleOrgId: "x", dueOn: "snart" },
      ],
    });
    expect(issues.map((i) => i.field).sort()).toEqual([
      "followUps.1.dueOn",
      "followUps.1.responsibleOrgId",
      "followUps.1.text",
    ]);
  });

  it("ties a follow-up only to a decision of the same review", () => {
    const review = {
      meetingPointId: organiser,
      healthCommunityId: community,
      findings: "Funn",
      decisions: ["Vedtak"],
      followUps: [
        { text: "Følger vedtaket", responsibleOrgId: molde, dueOn: "2026-09-01", decisionIndex: 0 },
        { text: "Peker feil", responsibleOrgId: molde, dueOn: "2026-09-01", decisionIndex: 1 },
      ],
    };
    expect(issuesOf(recordForumReviewInput, review).map((i) => [i.field, i.code])).toEqual([
      ["followUps.1.decisionIndex", "no_such_decision"],
    ]);
    expect(
      parseInput(recordForumReviewInput, { ...review, followUps: review.followUps.slice(0, 1) }).followUps,
    ).toHaveLength(1);
  });

  it("stamps completion when a follow-up is done, and clears it when reopened", () => {
    const now = new Date("2026-06-01T10:00:00Z");
    const earlier = new Date("2026-05-01T10:00:00Z");
    expect(completedAtFor("OPEN", "DONE", null, now)).toEqual(now);
    expect(completedAtFor("DONE", "DONE", earlier, now)).toEqual(earlier);
    expect(completedAtFor("DONE", "OPEN", earlier, now)).toBeNull();
  });
});
