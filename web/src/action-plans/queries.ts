import type { Cadence, MeasureStatus } from "@samspill/domain";
import { graphql } from "@samspill/graphql";
import { MutationErrorFields } from "../workspace/mutations.js";

export const ActionPlansQuery = graphql(`
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
`);

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

export const MeasuresQuery = graphql(`
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
`);

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

export const UpdateMeasureStatusMutation = graphql(
  `
  mutation UpdateMeasureStatus($input: UpdateMeasureStatusInput!) {
    updateMeasureStatus(input: $input) {
      __typename
      ... on MutationUpdateMeasureStatusSuccess { data { id status version } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [MutationErrorFields],
);

export const AddProgressNoteMutation = graphql(
  `
  mutation AddMeasureProgressNote($input: AddMeasureProgressNoteInput!) {
    addMeasureProgressNote(input: $input) {
      __typename
      ... on MutationAddMeasureProgressNoteSuccess { data { id } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [MutationErrorFields],
);
