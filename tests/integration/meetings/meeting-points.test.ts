import type { Database } from "@samspill/database";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { captureWrites, writeCounts } from "../../support/writes.js";

// Meeting points through HTTP: visibility, the organiser's record (meeting, participants,
// minutes, decisions) and follow-ups, each write with its audit entry and event.

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

type Viewer = ReturnType<typeof viewerWith>;
const hmrEditor = viewerWith([{ org: "hf:hmr", role: "EDITOR" }]);
const moldeEditor = viewerWith([{ org: "mun:1506", role: "EDITOR" }]);
const trondheimEditor = viewerWith([{ org: "mun:5001", role: "EDITOR" }]);
const mrForum = viewerWith([{ org: "hf-community:mr", role: "FORUM_MEMBER" }]);
const trondelagForum = viewerWith([{ org: "hf-community:trondelag", role: "FORUM_MEMBER" }]);

const MEETING = `id kind title startsAt endsAt location agenda minutes version
  organiser { id } healthCommunity { id } participants { id name }
  agreement { id title } decisions { id text } followUps { id text status }`;
const FOLLOW_UP = "id text status dueOn completedAt version responsibleOrganisation { id } decision { id }";

const result = (success: string, fields: string) => `
  __typename
  ... on ${success} { data { ${fields} } }
  ... on ValidationError { issues { field code message messageNb } }
  ... on ConflictError { expectedVersion currentVersion }
  ... on Error { message }`;

const mutations = {
  create: `mutation($input: CreateMeetingPointInput!) { createMeetingPoint(input: $input) { ${result("MutationCreateMeetingPointSuccess", MEETING)} } }`,
  update: `mutation($input: UpdateMeetingPointInput!) { updateMeetingPoint(input: $input) { ${result("MutationUpdateMeetingPointSuccess", MEETING)} } }`,
  participants: `mutation($input: SetMeetingParticipantsInput!) { setMeetingParticipants(input: $input) { ${result("MutationSetMeetingParticipantsSuccess", MEETING)} } }`,
  minutes: `mutation($input: RecordMinutesInput!) { recordMinutes(input: $input) { ${result("MutationRecordMinutesSuccess", MEETING)} } }`,
  decision: `mutation($input: AddMeetingDecisionInput!) { addMeetingDecision(input: $input) { ${result("MutationAddMeetingDecisionSuccess", "id text meetingPoint { id version }")} } }`,
  addFollowUp: `mutation($input: AddFollowUpInput!) { addFollowUp(input: $input) { ${result("MutationAddFollowUpSuccess", FOLLOW_UP)} } }`,
  updateFollowUp: `mutation($input: UpdateFollowUpInput!) { updateFollowUp(input: $input) { ${result("MutationUpdateFollowUpSuccess", FOLLOW_UP)} } }`,
};
const listQuery = `query($filter: MeetingPointFilter, $first: Int) {
  meetingPoints(filter: $filter, first: $first) { totalCount edges { node { id title kind startsAt } } } }`;
const oneQuery = `query($id: ID!) { meetingPoint(id: $id) { ${MEETING} } }`;

interface Meeting {
  id: string;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  minutes: string;
  version: number;
  organiser: { id: string };
  healthCommunity: { id: string } | null;
  participants: { id: string; name: string }[];
  agreement: { id: string; title: string } | null;
  decisions: { id: string; text: string }[];
  followUps: { id: string; text: string; status: string }[];
}
interface FollowUp {
  id: string;
  text: string;
  status: string;
  dueOn: string | null;
  completedAt: string | null;
  version: number;
  responsibleOrganisation: { id: string } | null;
  decision: { id: string } | null;
}
interface Result<T> {
  __typename: string;
  data?: T;
  issues?: { field: string; code: string; message: string; messageNb: string }[];
  expectedVersion?: number;
  currentVersion?: number;
  message?: string;
}

async function mutate<T = Meeting>(viewer: Viewer, mutation: string, input: unknown): Promise<Result<T>> {
  const response = await testGateway(db, viewer).query<Record<string, Result<T>>>(mutation, { input });
  expect(response.errors).toBeUndefined();
  return Object.values(response.data!)[0]!;
}

async function expectRefused(viewer: Viewer | null, mutation: string, input: unknown) {
  await expectNothingWritten(async () => {
    const response = await testGateway(db, viewer).query<Record<string, Result<unknown>>>(mutation, {
      input,
    });
    const answer = response.data ? Object.values(response.data)[0] : null;
    // Refused before the resolver (scope-auth) or by it (a typed ForbiddenError).
    if (response.errors) expect(response.errors[0]!.message).toMatch(/not authorized/i);
    else expect(answer?.__typename).toBe("ForbiddenError");
  });
}

async function expectNothingWritten(run: () => Promise<unknown>) {
  const before = await writeCounts(db);
  const rows = () =>
    Promise.all([
      db.meetingPoint.count(),
      db.meetingDecision.count(),
      db.followUp.count(),
      db.meetingParticipant.count(),
    ]);
  const counts = await rows();
  await run();
  expect(await writeCounts(db)).toEqual(before);
  expect(await rows()).toEqual(counts);
}

const agreementId = async (title: string) => (await db.agreement.findFirstOrThrow({ where: { title } })).id;
const MOLDE_D5 = "Samarbeidsavtale mellom Helse Møre og Romsdal HF og Molde kommune";
const TRONDHEIM_D5 = "Samarbeidsavtale mellom St. Olavs hospital HF og Trondheim kommune";

let serial = 0;
async function meetingInput(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    organiserId: orgId("hf:hmr"),
    kind: "HEALTH_COMMUNITY_FORUM",
    title: `Fagråd, ekstraordinært møte ${serial} (${Date.now()})`,
    healthCommunityId: orgId("hf-community:mr"),
    agreementId: await agreementId(MOLDE_D5),
    startsAt: "2031-05-12T08:00:00.000Z",
    endsAt: "2031-05-12T11:00:00.000Z",
    location: "Molde rådhus",
    agenda: "1. Felles oversikt\n2. Oppgavedeling",
    participantIds: [orgId("mun:1506"), orgId("mun:1508")],
    ...overrides,
  };
}

async function createMeeting(overrides: Record<string, unknown> = {}): Promise<Meeting> {
  const answer = await mutate(hmrEditor, mutations.create, await meetingInput(overrides));
  expect(answer.__typename).toBe("MutationCreateMeetingPointSuccess");
  return answer.data!;
}

describe("who sees which meeting point", () => {
  const idsFor = async (viewer: Viewer, filter: Record<string, unknown> = {}) => {
    const response = await testGateway(db, viewer).query<{
      meetingPoints: { edges: { node: { id: string } }[] };
    }>(listQuery, { filter, first: 100 });
    expect(response.errors).toBeUndefined();
    return response.data!.meetingPoints.edges.map((e) => e.node.id);
  };

  it("shows the organiser's and participants' members and the community's forum, nobody else", async () => {
    const meeting = await createMeeting();
    for (const viewer of [hmrEditor, viewerWith([{ org: "mun:1508", role: "VIEWER" }]), mrForum]) {
      expect(await idsFor(viewer)).toContain(meeting.id);
    }
    for (const viewer of [
      trondheimEditor,
      trondelagForum,
      viewerWith([{ org: "hf-community:mr", role: "VIEWER" }]),
    ]) {
      expect(await idsFor(viewer)).not.toContain(meeting.id);
      const one = await testGateway(db, viewer).query<{ meetingPoint: Meeting | null }>(oneQuery, {
        id: meeting.id,
      });
      expect(one.errors).toBeUndefined();
      expect(one.data!.meetingPoint).toBeNull();
    }
    const anonymous = await testGateway(db).query(listQuery, {});
    expect(anonymous.errors?.[0]?.message).toMatch(/not authorized/i);
  });

  it("shows the agreement only to those who may see it", async () => {
    const meeting = await createMeeting({ participantIds: [orgId("mun:1506"), orgId("uni:ntnu")] });
    const molde = await testGateway(db, moldeEditor).query<{ meetingPoint: Meeting }>(oneQuery, {
      id: meeting.id,
    });
    expect(molde.data!.meetingPoint.agreement?.title).toBe(MOLDE_D5);
    // NTNU takes part in the meeting but is no party to the agreement, nor in the health community.
    const ntnu = await testGateway(db, viewerWith([{ org: "uni:ntnu", role: "VIEWER" }])).query<{
      meetingPoint: Meeting;
    }>(oneQuery, { id: meeting.id });
    expect(ntnu.data!.meetingPoint.title).toBe(meeting.title);
    expect(ntnu.data!.meetingPoint.agreement).toBeNull();
  });

  it("filters by organisation, health community, period and kind", async () => {
    const meeting = await createMeeting();
    const network = await createMeeting({
      kind: "PROFESSIONAL_NETWORK",
      healthCommunityId: null,
      agreementId: null,
      startsAt: "2031-09-01T08:00:00.000Z",
      endsAt: "2031-09-01T10:00:00.000Z",
      participantIds: [orgId("mun:1577")],
    });
    const rhfAndCommunity = viewerWith([
      { org: "hf:hmr", role: "VIEWER" },
      { org: "hf-community:mr", role: "FORUM_MEMBER" },
    ]);
    const volda = await idsFor(rhfAndCommunity, { organisationId: orgId("mun:1577") });
    expect(volda).toContain(network.id);
    expect(volda).not.toContain(meeting.id);
    const forum = await idsFor(rhfAndCommunity, {
      healthCommunityId: orgId("hf-community:mr"),
      kind: "HEALTH_COMMUNITY_FORUM",
    });
    expect(forum).toContain(meeting.id);
    expect(forum).not.toContain(network.id);
    const may = await idsFor(rhfAndCommunity, { from: "2031-05-01T00:00:00Z", to: "2031-05-31T23:59:59Z" });
    expect(may).toContain(meeting.id);
    expect(may).not.toContain(network.id);
    const networks = await idsFor(rhfAndCommunity, {
      kind: "PROFESSIONAL_NETWORK",
      from: "2031-01-01T00:00:00Z",
    });
    expect(networks).toContain(network.id);
    expect(networks).not.toContain(meeting.id);
  });
});

describe("the organiser's record", () => {
  it("creates a meeting point with one audit entry and one event", async () => {
    const input = await meetingInput();
    const {
      result: answer,
      audits,
      events,
    } = await captureWrites(db, () => mutate(hmrEditor, mutations.create, input));
    expect(answer.__typename).toBe("MutationCreateMeetingPointSuccess");
    const meeting = answer.data!;
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
      expect(answer.issues!.map((i) => [i.field, i.code])).toEqual([
        ["title", "too_small"],
        ["onlineUrl", "invalid_format"],
        ["participantIds.1", "duplicate"],
      ]);
      for (const issue of answer.issues!) expect(issue.messageNb).not.toBe("");
    });
    await expectNothingWritten(async () => {
      const answer = await mutate(
        hmrEditor,
        mutations.create,
        await meetingInput({ endsAt: "2031-05-12T07:00:00.000Z", healthCommunityId: null }),
      );
      expect(answer.issues!.map((i) => [i.field, i.code])).toEqual([
        ["endsAt", "ends_before_start"],
        ["healthCommunityId", "forum_needs_health_community"],
      ]);
      expect(answer.issues![0]!.messageNb).toBe("Et møte kan ikke slutte før det begynner");
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
      expect(answer.issues!.map((i) => [i.field, i.code])).toEqual([
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
    expect(answer.data).toMatchObject({ version: 2, startsAt: "2031-05-13T08:00:00.000Z" });
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
      expect(backwards.issues!.map((i) => i.field)).toEqual(["endsAt"]);
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
    expect(participants.result.data!.participants.map((p) => p.name)).toEqual([
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
    const molde = await testGateway(db, moldeEditor).query<{ meetingPoint: Meeting | null }>(oneQuery, {
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
    expect(minutes.result.data).toMatchObject({ minutes: "Gjennomgang av oversikten.", version: 3 });
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
      expect(unknown.issues!.map((i) => [i.field, i.code])).toEqual([
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
      mutate<{ id: string; text: string; meetingPoint: { id: string; version: number } }>(
        hmrEditor,
        mutations.decision,
        {
          meetingPointId: meeting.id,
          text: "Kommunene kartlegger behov for tilbud til skrøpelige eldre",
        },
      ),
    );
    expect(answer.data!.meetingPoint).toEqual({ id: meeting.id, version: 2 });
    expect(audits.map((a) => [a.action, a.entityType, a.entityId])).toEqual([
      ["meeting_point.decision", "MeetingPoint", meeting.id],
    ]);
    expect(events.map((e) => [e.type, e.aggregateId])).toEqual([["meeting_point.updated", meeting.id]]);
    await expectNothingWritten(async () => {
      const empty = await mutate(hmrEditor, mutations.decision, { meetingPointId: meeting.id, text: " " });
      expect(empty.issues!.map((i) => i.field)).toEqual(["text"]);
    });
    await expectRefused(moldeEditor, mutations.decision, { meetingPointId: meeting.id, text: "Vedtak" });
  });
});

describe("follow-ups", () => {
  async function meetingWithDecision() {
    const meeting = await createMeeting();
    const decision = await mutate<{ id: string }>(hmrEditor, mutations.decision, {
      meetingPointId: meeting.id,
      text: "Kartlegge behov",
    });
    return { meeting, decisionId: decision.data!.id };
  }

  it("adds a follow-up tied to a decision, with one audit entry and one event", async () => {
    const { meeting, decisionId } = await meetingWithDecision();
    const {
      result: answer,
      audits,
      events,
    } = await captureWrites(db, () =>
      mutate<FollowUp>(hmrEditor, mutations.addFollowUp, {
        meetingPointId: meeting.id,
        decisionId,
        text: "Kartlegging av tilbud til skrøpelige eldre",
        responsibleOrgId: orgId("mun:1506"),
        dueOn: "2031-09-01",
      }),
    );
    const followUp = answer.data!;
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
      expect(answer.issues!.map((i) => [i.field, i.code])).toEqual([
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
      expect(answer.issues!.map((i) => i.field)).toEqual(["dueOn"]);
    });
    await expectRefused(moldeEditor, mutations.addFollowUp, { meetingPointId: other.id, text: "Oppfølging" });
  });

  it("lets the responsible organisation mark it done, and only that", async () => {
    const meeting = await createMeeting();
    const created = await mutate<FollowUp>(hmrEditor, mutations.addFollowUp, {
      meetingPointId: meeting.id,
      text: "Kartlegging",
      responsibleOrgId: orgId("mun:1506"),
      dueOn: "2031-09-01",
    });
    const id = created.data!.id;
    const done = await captureWrites(db, () =>
      mutate<FollowUp>(moldeEditor, mutations.updateFollowUp, { id, version: 1, status: "DONE" }),
    );
    expect(done.result.data).toMatchObject({ status: "DONE", version: 2 });
    expect(done.result.data!.completedAt).not.toBeNull();
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
    const reopened = await mutate<FollowUp>(mrForum, mutations.updateFollowUp, {
      id,
      version: 2,
      status: "OPEN",
      text: "Kartlegging, utvidet",
      dueOn: "2031-12-01",
    });
    expect(reopened.data).toMatchObject({
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
