import { describe, expect, it } from "vitest";
import { successData, validationIssues } from "../../support/answers.js";
import { orgId, viewerWith } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { captureWrites } from "../../support/writes.js";
import {
  createMeeting,
  expectNothingWritten,
  expectRefused,
  hmrEditor,
  moldeEditor,
  mrForum,
  mutate,
  mutations,
  trondelagForum,
  trondheimEditor,
} from "./meeting-fixtures.js";

// Follow-ups of a meeting's decisions: adding them, and who may mark them done.

useSeededDatabase();

describe("follow-ups", () => {
  async function meetingWithDecision() {
    const meeting = await createMeeting();
    const decision = await mutate(hmrEditor, mutations.decision, {
      meetingPointId: meeting.id,
      text: "Kartlegge behov",
    });
    return { meeting, decisionId: successData(decision).id };
  }

  it("adds a follow-up tied to a decision, with one audit entry and one event", async () => {
    const { meeting, decisionId } = await meetingWithDecision();
    const {
      result: answer,
      audits,
      events,
    } = await captureWrites(db, () =>
      mutate(hmrEditor, mutations.addFollowUp, {
        meetingPointId: meeting.id,
        decisionId,
        text: "Kartlegging av tilbud til skrøpelige eldre",
        responsibleOrgId: orgId("mun:1506"),
        dueOn: "2031-09-01",
      }),
    );
    const followUp = successData(answer);
    expect(followUp).toMatchObject({
      status: "OPEN",
      dueOn: "2031-09-01",
      version: 1,
      completedAt: null,
      responsibleOrganisation: { id: orgId("mun:1506") },
      decision: { id: decisionId },
    });
    expect(audits.map((a) => [a.action, a.entityType, a.entityId])).toEqual([
      ["follow_up.create", "FollowUp", followUp.id],
    ]);
    expect(events).toEqual([
      expect.objectContaining({
        type: "follow_up.changed",
        aggregateId: followUp.id,
        payload: {
          id: followUp.id,
          version: 1,
          meetingPointId: meeting.id,
          status: "OPEN",
          dueOn: "2031-09-01",
        },
      }),
    ]);
  });

  it("refuses a decision of another meeting, an unknown organisation and a bad date", async () => {
    const { decisionId } = await meetingWithDecision();
    const other = await createMeeting();
    await expectNothingWritten(async () => {
      const answer = await mutate(hmrEditor, mutations.addFollowUp, {
        meetingPointId: other.id,
        decisionId,
        text: "Oppfølging",
        responsibleOrgId: "0195f3a0-1c2d-7e3f-8a4b-5c6d7e8f9a0b",
      });
      expect(validationIssues(answer)!.map((i) => [i.field, i.code])).toEqual([
        ["responsibleOrgId", "unknown_organisation"],
        ["decisionId", "not_this_meeting"],
      ]);
    });
    await expectNothingWritten(async () => {
      const answer = await mutate(hmrEditor, mutations.addFollowUp, {
        meetingPointId: other.id,
        text: "Oppfølging",
        dueOn: "1. september",
        status: "DONE",
      });
      expect(validationIssues(answer)!.map((i) => i.field)).toEqual(["dueOn"]);
    });
    await expectRefused(moldeEditor, mutations.addFollowUp, { meetingPointId: other.id, text: "Oppfølging" });
  });

  it("lets the responsible organisation mark it done, and only that", async () => {
    const meeting = await createMeeting();
    const created = await mutate(hmrEditor, mutations.addFollowUp, {
      meetingPointId: meeting.id,
      text: "Kartlegging",
      responsibleOrgId: orgId("mun:1506"),
      dueOn: "2031-09-01",
    });
    const id = successData(created).id;
    const done = await captureWrites(db, () =>
      mutate(moldeEditor, mutations.updateFollowUp, { id, version: 1, status: "DONE" }),
    );
    expect(successData(done.result)).toMatchObject({ status: "DONE", version: 2 });
    expect(successData(done.result).completedAt).not.toBeNull();
    expect(done.audits.map((a) => [a.action, a.entityId, a.organisationId])).toEqual([
      ["follow_up.update", id, orgId("hf:hmr")],
    ]);
    expect(done.events.map((e) => [e.type, (e.payload as { status: string }).status])).toEqual([
      ["follow_up.changed", "DONE"],
    ]);

    await expectNothingWritten(async () => {
      const answer = await mutate(moldeEditor, mutations.updateFollowUp, {
        id,
        version: 2,
        text: "Noe annet",
      });
      expect(answer.__typename).toBe("ForbiddenError");
    });
    await expectNothingWritten(async () => {
      const stale = await mutate(moldeEditor, mutations.updateFollowUp, { id, version: 1, status: "OPEN" });
      expect(stale).toMatchObject({ __typename: "ConflictError", currentVersion: 2 });
    });
    // The community's forum may change it all; reopening clears the completion time.
    const reopened = await mutate(mrForum, mutations.updateFollowUp, {
      id,
      version: 2,
      status: "OPEN",
      text: "Kartlegging, utvidet",
      dueOn: "2031-12-01",
    });
    expect(successData(reopened)).toMatchObject({
      status: "OPEN",
      completedAt: null,
      dueOn: "2031-12-01",
      version: 3,
    });
    for (const viewer of [
      trondheimEditor,
      trondelagForum,
      viewerWith([{ org: "mun:1506", role: "VIEWER" }]),
    ]) {
      await expectRefused(viewer, mutations.updateFollowUp, { id, version: 3, status: "CANCELLED" });
    }
  });
});
