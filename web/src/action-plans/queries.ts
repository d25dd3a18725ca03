import { graphql, type ResultOf } from "@samspill/graphql";
import { MutationErrorFields } from "../shared/mutations.js";

export const ActionPlansQuery = graphql(`
  query ActionPlans {
    actionPlans {
      id
      key
      title
      periodStart
      periodEnd
      revisedOn
      reviewRaw
      nextReviewOn
      reviewMetOn
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

export type ActionPlan = ActionPlansData["actionPlans"][number];

export type ActionPlansData = ResultOf<typeof ActionPlansQuery>;

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
          cadenceYears
          cadenceMonth
          checkpointYear
          startYear
          nextCheckpointOn
          checkpointMetOn
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

export type ProgressNote = Measure["progressNotes"][number];

export type Measure = MeasuresData["measures"]["edges"][number]["node"];

export type MeasuresData = ResultOf<typeof MeasuresQuery>;

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

export const MeetCheckpointMutation = graphql(
  `
  mutation MeetMeasureCheckpoint($input: MeetCheckpointInput!) {
    meetMeasureCheckpoint(input: $input) {
      __typename
      ... on MutationMeetMeasureCheckpointSuccess { data { id checkpointMetOn version } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [MutationErrorFields],
);

export const MeetPlanReviewMutation = graphql(
  `
  mutation MeetActionPlanReview($planId: ID!) {
    meetActionPlanReview(planId: $planId) {
      __typename
      ... on MutationMeetActionPlanReviewSuccess { data { id nextReviewOn reviewMetOn } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [MutationErrorFields],
);

export const AddMeasureMutation = graphql(
  `
  mutation AddMeasure($input: AddMeasureInput!) {
    addMeasure(input: $input) {
      __typename
      ... on MutationAddMeasureSuccess { data { id key } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [MutationErrorFields],
);

export const ReviseMeasureMutation = graphql(
  `
  mutation ReviseMeasure($input: ReviseMeasureInput!) {
    reviseMeasure(input: $input) {
      __typename
      ... on MutationReviseMeasureSuccess { data { id version removed } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [MutationErrorFields],
);
