import { describe, expect, it } from "vitest";
import { successData, validationIssues } from "../../support/answers.js";
import { orgId, testGateway } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { captureWrites } from "../../support/writes.js";
import {
  createMeeting,
  expectNothingWritten,
  expectRefused,
  hmrEditor,
  moldeEditor,
  mutate,
  mutations,
  oneQuery,
  trondheimEditor,
} from "./meeting-fixtures.js";

// The organiser's record, second part: versioned updates, participants, minutes and decisions.

useSeededDatabase();

describe("the organiser's record", () => {
  it("updates versioned: one audit entry and one event, a stale version is a ConflictError", async () => {
    const meeting = await createMeeting();
    const {
      result: answer,
      audits,
      events,
    } = await captureWrites(db, () =>
      mutate(hmrEditor, mutations.update, {
        id: meeting.id,
        version: 1,
        startsAt: "2031-05-13T08:00:00.000Z",
        endsAt: "2031-05-13T11:00:00.000Z",
        location: "Ålesund sjukehus",
      }),
    );
    expect(successData(answer)).toMatchObject({ version: 2, startsAt: "2031-05-13T08:00:00.000Z" });
    expect(audits.map((a) => [a.action, a.entityId])).toEqual([["meeting_point.update", meeting.id]]);
    expect(Object.keys(audits[0]!.changes as object).sort()).toEqual(["endsAt", "location", "startsAt"]);
    expect(events).toEqual([
      expect.objectContaining({
        type: "meeting_point.updated",
        aggregateId: meeting.id,
        payload: { id: meeting.id, version: 2, startsAt: "2031-05-13T08:00:00.000Z" },
      }),
    ]);

    await expectNothingWritten(async () => {
      const stale = await mutate(hmrEditor, mutations.update, {
        id: meeting.id,
        version: 1,
        title: "Gammel versjon",
      });
      expect(stale).toMatchObject({ __typename: "ConflictError", expectedVersion: 1, currentVersion: 2 });
    });
    await expectNothingWritten(async () => {
      const backwards = await mutate(hmrEditor, mutations.update, {
        id: meeting.id,
        version: 2,
        endsAt: "2031-05-12T08:00:00.000Z",
      });
      expect(validationIssues(backwards)!.map((i) => i.field)).toEqual(["endsAt"]);
    });
    // A participant may read the meeting, not edit it.
    await expectRefused(moldeEditor, mutations.update, { id: meeting.id, version: 2, title: "Kapret" });
    await expectRefused(hmrEditor, mutations.update, {
      id: "0195f3a0-1c2d-7e3f-8a4b-5c6d7e8f9a0b",
      version: 1,
      title: "Finnes ikke",
    });
  });

  it("sets participants and records minutes, versioned", async () => {
    const meeting = await createMeeting();
    const participants = await captureWrites(db, () =>
      mutate(hmrEditor, mutations.participants, {
        meetingPointId: meeting.id,
        version: 1,
        organisationIds: [orgId("mun:1505"), orgId("uo:ffo-mr")],
      }),
    );
    expect(successData(participants.result).participants.map((p) => p.name)).toEqual([
      "FFO Møre og Romsdal",
      "Kristiansund kommune",
    ]);
    expect(participants.audits.map((a) => [a.action, a.entityId])).toEqual([
      ["meeting_point.participants", meeting.id],
    ]);
    expect(participants.events.map((e) => [e.type, (e.payload as { version: number }).version])).toEqual([
      ["meeting_point.updated", 2],
    ]);
    // Molde left the meeting, so its members no longer see it.
    const molde = await testGateway(db, moldeEditor).query(oneQuery, {
      id: meeting.id,
    });
    expect(molde.data!.meetingPoint).toBeNull();

    const minutes = await captureWrites(db, () =>
      mutate(hmrEditor, mutations.minutes, {
        meetingPointId: meeting.id,
        version: 2,
        minutes: "Gjennomgang av oversikten.",
      }),
    );
    expect(successData(minutes.result)).toMatchObject({ minutes: "Gjennomgang av oversikten.", version: 3 });
    expect(minutes.audits.map((a) => [a.action, a.changes])).toEqual([
      ["meeting_point.minutes", { minutes: { from: "", to: "Gjennomgang av oversikten." } }],
    ]);
    expect(minutes.events.map((e) => e.type)).toEqual(["meeting_point.updated"]);

    await expectNothingWritten(async () => {
      const stale = await mutate(hmrEditor, mutations.minutes, {
        meetingPointId: meeting.id,
        version: 2,
        minutes: "x",
      });
      expect(stale.__typename).toBe("ConflictError");
    });
    await expectNothingWritten(async () => {
      const unknown = await mutate(hmrEditor, mutations.participants, {
        meetingPointId: meeting.id,
        version: 3,
        organisationIds: ["0195f3a0-1c2d-7e3f-8a4b-5c6d7e8f9a0b"],
      });
      expect(validationIssues(unknown)!.map((i) => [i.field, i.code])).toEqual([
        ["organisationIds.0", "unknown_organisation"],
      ]);
    });
    await expectRefused(trondheimEditor, mutations.minutes, {
      meetingPointId: meeting.id,
      version: 3,
      minutes: "x",
    });
  });

  it("adds a decision to the record: the meeting's version goes up, one audit entry and one event", async () => {
    const meeting = await createMeeting();
    const {
      result: answer,
      audits,
      events,
    } = await captureWrites(db, () =>
      mutate(hmrEditor, mutations.decision, {
        meetingPointId: meeting.id,
        text: "Kommunene kartlegger behov for tilbud til skrøpelige eldre",
      }),
    );
    expect(successData(answer).meetingPoint).toEqual({ id: meeting.id, version: 2 });
    expect(audits.map((a) => [a.action, a.entityType, a.entityId])).toEqual([
      ["meeting_point.decision", "MeetingPoint", meeting.id],
    ]);
    expect(events.map((e) => [e.type, e.aggregateId])).toEqual([["meeting_point.updated", meeting.id]]);
    await expectNothingWritten(async () => {
      const empty = await mutate(hmrEditor, mutations.decision, { meetingPointId: meeting.id, text: " " });
      expect(validationIssues(empty)!.map((i) => i.field)).toEqual(["text"]);
    });
    await expectRefused(moldeEditor, mutations.decision, { meetingPointId: meeting.id, text: "Vedtak" });
  });
});
