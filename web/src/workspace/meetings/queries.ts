import type { FollowUpStatus, MeetingKind } from "@samspill/domain";
import { gql } from "urql";
import { resultMutation } from "../mutations.js";

export const MeetingFields = gql`
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
`;

export interface FollowUp {
  id: string;
  text: string;
  status: FollowUpStatus;
  dueOn: string | null;
  version: number;
  decision: { id: string } | null;
  responsibleOrganisation: { id: string; name: string } | null;
}

export interface MeetingPoint {
  id: string;
  title: string;
  kind: MeetingKind;
  startsAt: string;
  endsAt: string;
  location: string | null;
  onlineUrl: string | null;
  agenda: string;
  minutes: string;
  version: number;
  organiser: { id: string; name: string };
  agreement: { id: string; title: string } | null;
  healthCommunity: { id: string; name: string } | null;
  participants: { id: string; name: string }[];
  decisions: { id: string; text: string; decidedAt: string }[];
  followUps: FollowUp[];
}

export const MeetingPointsQuery = gql`
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
`;

export interface MeetingPointsData {
  meetingPoints: {
    totalCount: number;
    edges: { node: Pick<MeetingPoint, "id" | "title" | "kind" | "startsAt" | "endsAt" | "organiser"> }[];
  };
}

export const MeetingPointQuery = gql`
  query MeetingPoint($id: ID!) {
    meetingPoint(id: $id) {
      ...MeetingFields
    }
  }
  ${MeetingFields}
`;

/** A mutation answering a MeetingPoint (or a typed error). */
const meetingMutation = (signature: string, call: string, success: string) =>
  resultMutation(signature, call, success, "...MeetingFields", MeetingFields);

export const CreateMeetingMutation = meetingMutation(
  "CreateMeetingPoint($input: CreateMeetingPointInput!)",
  "createMeetingPoint(input: $input)",
  "MutationCreateMeetingPointSuccess",
);
export const UpdateMeetingMutation = meetingMutation(
  "UpdateMeetingPoint($input: UpdateMeetingPointInput!)",
  "updateMeetingPoint(input: $input)",
  "MutationUpdateMeetingPointSuccess",
);
export const SetParticipantsMutation = meetingMutation(
  "SetMeetingParticipants($input: SetMeetingParticipantsInput!)",
  "setMeetingParticipants(input: $input)",
  "MutationSetMeetingParticipantsSuccess",
);
export const RecordMinutesMutation = meetingMutation(
  "RecordMinutes($input: RecordMinutesInput!)",
  "recordMinutes(input: $input)",
  "MutationRecordMinutesSuccess",
);

export const AddDecisionMutation = resultMutation(
  "AddMeetingDecision($input: AddMeetingDecisionInput!)",
  "addMeetingDecision(input: $input)",
  "MutationAddMeetingDecisionSuccess",
  "id",
);

export const AddFollowUpMutation = resultMutation(
  "AddFollowUp($input: AddFollowUpInput!)",
  "addFollowUp(input: $input)",
  "MutationAddFollowUpSuccess",
  "id",
);

export const UpdateFollowUpMutation = resultMutation(
  "UpdateFollowUp($input: UpdateFollowUpInput!)",
  "updateFollowUp(input: $input)",
  "MutationUpdateFollowUpSuccess",
  "id status version",
);
