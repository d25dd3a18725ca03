import { builder } from "../builder.js";
import { FollowUpStatusEnum, MeetingKindEnum } from "./meeting-point-types.js";

// The meeting-point mutations' input types. The commands validate them with the domain's zod
// schemas; these only give GraphQL clients the shape.

const meetingFields = (
  t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0],
  required: boolean,
) => ({
  kind: t.field({ type: MeetingKindEnum, required }),
  title: t.string({ required }),
  healthCommunityId: t.id({ description: "The health community whose forum this is (required for forums)." }),
  agreementId: t.id({
    description: "The agreement the meeting is held under; the organiser must be a party.",
  }),
  startsAt: t.field({ type: "DateTime", required }),
  endsAt: t.field({ type: "DateTime", required }),
  location: t.string(),
  onlineUrl: t.string(),
  agenda: t.string(),
});

export const CreateMeetingPointInputRef = builder.inputType("CreateMeetingPointInput", {
  fields: (t) => ({
    organiserId: t.id({ required: true }),
    ...meetingFields(t, true),
    participantIds: t.idList({ description: "Participating organisations." }),
  }),
});

export const UpdateMeetingPointInputRef = builder.inputType("UpdateMeetingPointInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true, description: "The version you edited; a stale one is refused." }),
    ...meetingFields(t, false),
  }),
});

export const SetMeetingParticipantsInputRef = builder.inputType("SetMeetingParticipantsInput", {
  fields: (t) => ({
    meetingPointId: t.id({ required: true }),
    version: t.int({ required: true }),
    organisationIds: t.idList({ required: true }),
  }),
});

export const RecordMinutesInputRef = builder.inputType("RecordMinutesInput", {
  fields: (t) => ({
    meetingPointId: t.id({ required: true }),
    version: t.int({ required: true }),
    minutes: t.string({ required: true }),
  }),
});

export const AddMeetingDecisionInputRef = builder.inputType("AddMeetingDecisionInput", {
  fields: (t) => ({
    meetingPointId: t.id({ required: true }),
    text: t.string({ required: true }),
    decidedAt: t.field({ type: "DateTime", description: "Default: now." }),
  }),
});

export const AddFollowUpInputRef = builder.inputType("AddFollowUpInput", {
  fields: (t) => ({
    meetingPointId: t.id({ required: true }),
    decisionId: t.id({ description: "The decision it follows from, at the same meeting." }),
    text: t.string({ required: true }),
    responsibleOrgId: t.id(),
    dueOn: t.string({ description: "YYYY-MM-DD" }),
    status: t.field({ type: FollowUpStatusEnum, description: "Default: OPEN." }),
  }),
});

export const UpdateFollowUpInputRef = builder.inputType("UpdateFollowUpInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    text: t.string(),
    responsibleOrgId: t.id(),
    dueOn: t.string({ description: "YYYY-MM-DD" }),
    status: t.field({ type: FollowUpStatusEnum }),
  }),
});
