import type { Cadence, MeasureStatus } from "@samspill/domain";
import { gql } from "urql";
import { resultMutation } from "../workspace/mutations.js";

export const ActionPlansQuery = gql`
  query ActionPlans {
    actionPlans {
      id
      key
      title
      periodStart
      periodEnd
      revisedOn
      owner {
        id
        name
      }
      sections {
        number
        title
      }
    }
  }
`;

export interface ActionPlan {
  id: string;
  key: string;
  title: string;
  periodStart: number;
  periodEnd: number;
  revisedOn: string | null;
  owner: { id: string; name: string };
  sections: { number: string; title: string }[];
}

export interface ActionPlansData {
  actionPlans: ActionPlan[];
}

export const MeasuresQuery = gql`
  query Measures($filter: MeasureFilter, $first: Int, $after: String) {
    measures(filter: $filter, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          key
          section
          ordinal
          text
          responsibleRaw
          responsibleParties
          startRaw
          checkpointRaw
          cadence
          nextCheckpointOn
          overdue
          status
          removed
          note
          version
          plan {
            id
          }
          progressNotes {
            id
            text
            statusAfter
            authorName
            createdAt
          }
        }
      }
    }
  }
`;

export interface ProgressNote {
  id: string;
  text: string;
  statusAfter: MeasureStatus | null;
  authorName: string | null;
  createdAt: string;
}

export interface Measure {
  id: string;
  key: string;
  section: string;
  ordinal: number;
  text: string;
  responsibleRaw: string;
  responsibleParties: string[];
  startRaw: string | null;
  checkpointRaw: string | null;
  cadence: Cadence | null;
  /** YYYY-MM-DD */
  nextCheckpointOn: string | null;
  overdue: boolean;
  status: MeasureStatus;
  removed: boolean;
  note: string | null;
  version: number;
  plan: { id: string };
  progressNotes: ProgressNote[];
}

export interface MeasuresData {
  measures: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Measure }[];
  };
}

export const UpdateMeasureStatusMutation = resultMutation(
  "UpdateMeasureStatus($input: UpdateMeasureStatusInput!)",
  "updateMeasureStatus(input: $input)",
  "MutationUpdateMeasureStatusSuccess",
  "id status version",
);

export const AddProgressNoteMutation = resultMutation(
  "AddMeasureProgressNote($input: AddMeasureProgressNoteInput!)",
  "addMeasureProgressNote(input: $input)",
  "MutationAddMeasureProgressNoteSuccess",
  "id",
);
