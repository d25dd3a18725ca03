import { graphql, type ResultOf, type TadaDocumentNode, type VariablesOf } from "@samspill/graphql";
import { expect } from "vitest";
import { successData } from "../../support/answers.js";
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

const meetingFields = graphql(`fragment MeetingFields on MeetingPoint {
  id kind title startsAt endsAt location agenda minutes version
  organiser { id } healthCommunity { id } participants { id name }
  agreement { id title } decisions { id text } followUps { id text status }
}`);
const followUpFields = graphql(`fragment FollowUpFields on FollowUp {
  id text status dueOn completedAt version responsibleOrganisation { id } decision { id }
}`);
// What every meeting mutation selects beside its success type.
const errorFields = graphql(`fragment MeetingErrors on Error {
  message
  ... on ValidationError { issues { field code message messageNb } }
  ... on ConflictError { expectedVersion currentVersion }
}`);

export const mutations = {
  create: graphql(
    `mutation($input: CreateMeetingPointInput!) { createMeetingPoint(input: $input) {
      __typename ... on MutationCreateMeetingPointSuccess { data { ...MeetingFields } } ...MeetingErrors } }`,
    [meetingFields, errorFields],
  ),
  update: graphql(
    `mutation($input: UpdateMeetingPointInput!) { updateMeetingPoint(input: $input) {
      __typename ... on MutationUpdateMeetingPointSuccess { data { ...MeetingFields } } ...MeetingErrors } }`,
    [meetingFields, errorFields],
  ),
  participants: graphql(
    `mutation($input: SetMeetingParticipantsInput!) { setMeetingParticipants(input: $input) {
      __typename ... on MutationSetMeetingParticipantsSuccess { data { ...MeetingFields } } ...MeetingErrors } }`,
    [meetingFields, errorFields],
  ),
  minutes: graphql(
    `mutation($input: RecordMinutesInput!) { recordMinutes(input: $input) {
      __typename ... on MutationRecordMinutesSuccess { data { ...MeetingFields } } ...MeetingErrors } }`,
    [meetingFields, errorFields],
  ),
  decision: graphql(
    `mutation($input: AddMeetingDecisionInput!) { addMeetingDecision(input: $input) {
      __typename ... on MutationAddMeetingDecisionSuccess { data { id text meetingPoint { id version } } } ...MeetingErrors } }`,
    [errorFields],
  ),
  addFollowUp: graphql(
    `mutation($input: AddFollowUpInput!) { addFollowUp(input: $input) {
      __typename ... on MutationAddFollowUpSuccess { data { ...FollowUpFields } } ...MeetingErrors } }`,
    [followUpFields, errorFields],
  ),
  updateFollowUp: graphql(
    `mutation($input: UpdateFollowUpInput!) { updateFollowUp(input: $input) {
      __typename ... on MutationUpdateFollowUpSuccess { data { ...FollowUpFields } } ...MeetingErrors } }`,
    [followUpFields, errorFields],
  ),
};
export const listQuery = graphql(`query($filter: MeetingPointFilter, $first: Int) {
  meetingPoints(filter: $filter, first: $first) { totalCount edges { node { id title kind startsAt } } } }`);
export const oneQuery = graphql(`query($id: ID!) { meetingPoint(id: $id) { ...MeetingFields } }`, [
  meetingFields,
]);

export type Meeting = ResultOf<typeof meetingFields>;
export type FollowUp = ResultOf<typeof followUpFields>;
type MeetingMutation = (typeof mutations)[keyof typeof mutations];
/** The answer union of a meeting mutation: its success type or one of the typed errors. */
export type Result<M extends MeetingMutation = MeetingMutation> = ResultOf<M>[keyof ResultOf<M>];

export async function mutate<M extends MeetingMutation>(
  viewer: Viewer,
  mutation: M,
  input: VariablesOf<M>["input"],
): Promise<Result<M>> {
  // One of seven documents: TypeScript cannot pair the union's results with its variables itself.
  const document = mutation as TadaDocumentNode<ResultOf<M>, VariablesOf<M>>;
  const response = await testGateway(db, viewer).query(document, { input } as VariablesOf<M>);
  expect(response.errors).toBeUndefined();
  // Each document asks for one field: its answer.
  return Object.values(response.data!)[0] as Result<M>;
}

export async function expectRefused<M extends MeetingMutation>(
  viewer: Viewer | null,
  mutation: M,
  input: VariablesOf<M>["input"],
) {
  await expectNothingWritten(async () => {
    const document = mutation as TadaDocumentNode<ResultOf<M>, VariablesOf<M>>;
    const response = await testGateway(db, viewer).query(document, { input } as VariablesOf<M>);
    const answer = response.data ? (Object.values(response.data)[0] as { __typename: string }) : null;
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
export async function meetingInput(
  overrides: Record<string, unknown> = {},
): Promise<VariablesOf<typeof mutations.create>["input"]> {
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
  } as VariablesOf<typeof mutations.create>["input"];
}

export async function createMeeting(overrides: Record<string, unknown> = {}): Promise<Meeting> {
  const answer = await mutate(hmrEditor, mutations.create, await meetingInput(overrides));
  expect(answer.__typename).toBe("MutationCreateMeetingPointSuccess");
  return successData(answer);
}
