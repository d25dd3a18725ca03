import { describe, expect, it } from "vitest";
import { successData, validationIssues } from "../../support/answers.js";
import { orgId, viewerWith } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { captureWrites } from "../../support/writes.js";
import {
  agreementId,
  expectNothingWritten,
  expectRefused,
  hmrEditor,
  meetingInput,
  moldeEditor,
  mrForum,
  mutate,
  mutations,
  TRONDHEIM_D5,
} from "./meeting-fixtures.js";

// The organiser's record, first part: creating a meeting point with its audit entry and event,
// and the refusals.

useSeededDatabase();

describe("the organiser's record", () => {
  it("creates a meeting point with one audit entry and one event", async () => {
    const input = await meetingInput();
    const {
      result: answer,
      audits,
      events,
    } = await captureWrites(db, () => mutate(hmrEditor, mutations.create, input));
    expect(answer.__typename).toBe("MutationCreateMeetingPointSuccess");
    const meeting = successData(answer);
    expect(meeting).toMatchObject({
      kind: "HEALTH_COMMUNITY_FORUM",
      title: input.title,
      version: 1,
      organiser: { id: orgId("hf:hmr") },
      healthCommunity: { id: orgId("hf-community:mr") },
      agreement: { id: input.agreementId },
    });
    expect(meeting.participants.map((p) => p.name)).toEqual(["Molde kommune", "Ålesund kommune"]);
    expect(audits).toEqual([
      expect.objectContaining({
        action: "meeting_point.create",
        entityType: "MeetingPoint",
        entityId: meeting.id,
        organisationId: orgId("hf:hmr"),
      }),
    ]);
    expect(events).toEqual([
      expect.objectContaining({
        type: "meeting_point.created",
        aggregateType: "MeetingPoint",
        aggregateId: meeting.id,
        payload: { id: meeting.id, version: 1, startsAt: input.startsAt },
      }),
    ]);
  });

  it("names every bad field and writes nothing", async () => {
    await expectNothingWritten(async () => {
      const answer = await mutate(
        hmrEditor,
        mutations.create,
        await meetingInput({
          title: "",
          onlineUrl: "teams",
          participantIds: [orgId("mun:1506"), orgId("mun:1506")],
        }),
      );
      expect(answer.__typename).toBe("ValidationError");
      expect(validationIssues(answer)!.map((i) => [i.field, i.code])).toEqual([
        ["title", "too_small"],
        ["onlineUrl", "invalid_format"],
        ["participantIds.1", "duplicate"],
      ]);
      for (const issue of validationIssues(answer)!) expect(issue.messageNb).not.toBe("");
    });
    await expectNothingWritten(async () => {
      const answer = await mutate(
        hmrEditor,
        mutations.create,
        await meetingInput({ endsAt: "2031-05-12T07:00:00.000Z", healthCommunityId: null }),
      );
      expect(validationIssues(answer)!.map((i) => [i.field, i.code])).toEqual([
        ["endsAt", "ends_before_start"],
        ["healthCommunityId", "forum_needs_health_community"],
      ]);
      expect(validationIssues(answer)![0]!.messageNb).toBe("Et møte kan ikke slutte før det begynner");
    });
  });

  it("refuses links the organiser cannot make: another community, a foreign agreement, unknown participants", async () => {
    await expectNothingWritten(async () => {
      const answer = await mutate(
        hmrEditor,
        mutations.create,
        await meetingInput({
          healthCommunityId: orgId("hf-community:trondelag"),
          agreementId: await agreementId(TRONDHEIM_D5),
          participantIds: [orgId("mun:1506"), "0195f3a0-1c2d-7e3f-8a4b-5c6d7e8f9a0b"],
        }),
      );
      expect(validationIssues(answer)!.map((i) => [i.field, i.code])).toEqual([
        ["healthCommunityId", "organiser_not_in_community"],
        ["agreementId", "organiser_not_a_party"],
        ["participantIds.1", "unknown_organisation"],
      ]);
    });
  });

  it("refuses organisers' members without editing rights and other organisations", async () => {
    const input = await meetingInput();
    for (const viewer of [viewerWith([{ org: "hf:hmr", role: "VIEWER" }]), moldeEditor, mrForum, null]) {
      await expectRefused(viewer, mutations.create, input);
    }
  });
});
