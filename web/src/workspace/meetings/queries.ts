import { graphql, type ResultOf } from "@samspill/graphql";
import { MutationErrorFields } from "../../shared/mutations.js";

export const MeetingFields = graphql(`
  fragment MeetingFields on MeetingPoint {
    id
    title
    kind
    startsAt
    endsAt
    location
    onlineUrl
    agenda
    minutes
    version
    organiser {
      id
      name
    }
    agreement {
      id
      title
    }
    healthCommunity {
      id
      name
    }
    participants {
      id
      name
    }
    decisions {
      id
      text
      decidedAt
    }
    followUps {
      id
      text
      status
      dueOn
      version
      decision {
        id
      }
      responsibleOrganisation {
        id
        name
      }
    }
  }
`);

export type FollowUp = MeetingPoint["followUps"][number];

export type MeetingPoint = ResultOf<typeof MeetingFields>;

export const MeetingPointsQuery = graphql(`
  query MeetingPoints($filter: MeetingPointFilter, $first: Int) {
    meetingPoints(filter: $filter, first: $first) {
      totalCount
      edges {
        node {
          id
          title
          kind
          startsAt
          endsAt
          organiser {
            id
            name
          }
        }
      }
    }
  }
`);

export type MeetingPointsData = ResultOf<typeof MeetingPointsQuery>;

export const MeetingPointQuery = graphql(
  `
  query MeetingPoint($id: ID!) {
    meetingPoint(id: $id) {
      ...MeetingFields
    }
  }
`,
  [MeetingFields],
);

export const CreateMeetingMutation = graphql(
  `
  mutation CreateMeetingPoint($input: CreateMeetingPointInput!) {
    createMeetingPoint(input: $input) {
      __typename
      ... on MutationCreateMeetingPointSuccess { data { ...MeetingFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [MeetingFields, MutationErrorFields],
);
export const UpdateMeetingMutation = graphql(
  `
  mutation UpdateMeetingPoint($input: UpdateMeetingPointInput!) {
    updateMeetingPoint(input: $input) {
      __typename
      ... on MutationUpdateMeetingPointSuccess { data { ...MeetingFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [MeetingFields, MutationErrorFields],
);
export const SetParticipantsMutation = graphql(
  `
  mutation SetMeetingParticipants($input: SetMeetingParticipantsInput!) {
    setMeetingParticipants(input: $input) {
      __typename
      ... on MutationSetMeetingParticipantsSuccess { data { ...MeetingFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [MeetingFields, MutationErrorFields],
);
export const RecordMinutesMutation = graphql(
  `
  mutation RecordMinutes($input: RecordMinutesInput!) {
    recordMinutes(input: $input) {
      __typename
      ... on MutationRecordMinutesSuccess { data { ...MeetingFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [MeetingFields, MutationErrorFields],
);

export const AddDecisionMutation = graphql(
  `
  mutation AddMeetingDecision($input: AddMeetingDecisionInput!) {
    addMeetingDecision(input: $input) {
      __typename
      ... on MutationAddMeetingDecisionSuccess { data { id } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [MutationErrorFields],
);

export const AddFollowUpMutation = graphql(
  `
  mutation AddFollowUp($input: AddFollowUpInput!) {
    addFollowUp(input: $input) {
      __typename
      ... on MutationAddFollowUpSuccess { data { id } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [MutationErrorFields],
);

export const UpdateFollowUpMutation = graphql(
  `
  mutation UpdateFollowUp($input: UpdateFollowUpInput!) {
    updateFollowUp(input: $input) {
      __typename
      ... on MutationUpdateFollowUpSuccess { data { id status version } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [MutationErrorFields],
);
