import { graphql } from "@samspill/graphql";
import { expect } from "vitest";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { db } from "../../support/seeded.js";
import { writeCounts } from "../../support/writes.js";

// What the meeting-point tests share: viewers, documents, result shapes, an input builder, the
// mutation helpers and the check that a refused write left nothing behind.

export type Viewer = ReturnType<typeof viewerWith>;
export const hmrEditor = viewerWith([{ org: "hf:hmr", role: "EDITOR" }]);
export const moldeEditor = viewerWith([{ org: "mun:1506", role: "EDITOR" }]);
export const trondheimEditor = viewerWith([{ org: "mun:5001", role: "EDITOR" }]);
export const mrForum = viewerWith([{ org: "hf-community:mr", role: "FORUM_MEMBER" }]);
export const trondelagForum = viewerWith([{ org: "hf-community:trondelag", role: "FORUM_MEMBER" }]);

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

export const mutations = {
  create: `mutation($input: CreateMeetingPointInput!) { createMeetingPoint(input: $input) { ${result("MutationCreateMeetingPointSuccess", MEETING)} } }`,
  update: `mutation($input: UpdateMeetingPointInput!) { updateMeetingPoint(input: $input) { ${result("MutationUpdateMeetingPointSuccess", MEETING)} } }`,
  participants: `mutation($input: SetMeetingParticipantsInput!) { setMeetingParticipants(input: $input) { ${result("MutationSetMeetingParticipantsSuccess", MEETING)} } }`,
  minutes: `mutation($input: RecordMinutesInput!) { recordMinutes(input: $input) { ${result("MutationRecordMinutesSuccess", MEETING)} } }`,
  decision: `mutation($input: AddMeetingDecisionInput!) { addMeetingDecision(input: $input) { ${result("MutationAddMeetingDecisionSuccess", "id text meetingPoint { id version }")} } }`,
  addFollowUp: `mutation($input: AddFollowUpInput!) { addFollowUp(input: $input) { ${result("MutationAddFollowUpSuccess", FOLLOW_UP)} } }`,
  updateFollowUp: `mutation($input: UpdateFollowUpInput!) { updateFollowUp(input: $input) { ${result("MutationUpdateFollowUpSuccess", FOLLOW_UP)} } }`,
};
export const listQuery = graphql(`query($filter: MeetingPointFilter, $first: Int) {
  meetingPoints(filter: $filter, first: $first) { totalCount edges { node { id title kind startsAt } } } }`);
export const oneQuery = `query($id: ID!) { meetingPoint(id: $id) { ${MEETING} } }`;

export interface Meeting {
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
export interface FollowUp {
  id: string;
  text: string;
  status: string;
  dueOn: string | null;
  completedAt: string | null;
  version: number;
  responsibleOrganisation: { id: string } | null;
  decision: { id: string } | null;
}
export interface Result<T> {
  __typename: string;
  data?: T;
  issues?: { field: string; code: string; message: string; messageNb: string }[];
  expectedVersion?: number;
  currentVersion?: number;
  message?: string;
}

export async function mutate<T = Meeting>(
  viewer: Viewer,
  mutation: string,
  input: unknown,
): Promise<Result<T>> {
  const response = await testGateway(db, viewer).query(mutation, { input });
  expect(response.errors).toBeUndefined();
  return Object.values(response.data!)[0]!;
}

export async function expectRefused(viewer: Viewer | null, mutation: string, input: unknown) {
  await expectNothingWritten(async () => {
    const response = await testGateway(db, viewer).query(mutation, {
      input,
    });
    const answer = response.data ? Object.values(response.data)[0] : null;
    // Refused before the resolver (scope-auth) or by it (a typed ForbiddenError).
    if (response.errors) expect(response.errors[0]!.message).toMatch(/not authorized/i);
    else expect(answer?.__typename).toBe("ForbiddenError");
  });
}

export async function expectNothingWritten(run: () => Promise<unknown>) {
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

export const agreementId = async (title: string) =>
  (await db.agreement.findFirstOrThrow({ where: { title } })).id;
export const MOLDE_D5 = "Samarbeidsavtale mellom Helse Møre og Romsdal HF og Molde kommune";
export const TRONDHEIM_D5 = "Samarbeidsavtale mellom St. Olavs hospital HF og Trondheim kommune";

let serial = 0;
export async function meetingInput(overrides: Record<string, unknown> = {}) {
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

export async function createMeeting(overrides: Record<string, unknown> = {}): Promise<Meeting> {
  const answer = await mutate(hmrEditor, mutations.create, await meetingInput(overrides));
  expect(answer.__typename).toBe("MutationCreateMeetingPointSuccess");
  return answer.data!;
}
