import { graphql, type ResultOf } from "@samspill/graphql";
import { MutationErrorFields } from "../shared/mutations.js";

// PAM results of course runs: the published distributions and the provider's entry.

const DistributionFields = graphql(`
  fragment PamDistributionFields on PamDistribution {
    respondents
    levels
    meanScore
  }
`);

const ChangeFields = graphql(`
  fragment PamChangeFields on PamChange {
    paired
    improved
    unchanged
    declined
    meanScoreChange
  }
`);

export const PamSummaryQuery = graphql(
  `
  query PamResultsPage(
    $sessionId: ID
    $providerId: ID
    $regionId: ID
    $period: String
    $limit: Int! = 200
    $offset: Int! = 0
  ) {
    pamResultsSummary(sessionId: $sessionId, providerId: $providerId, regionId: $regionId, period: $period) {
      period
      smallCountThreshold
      before { ...PamDistributionFields }
      after { ...PamDistributionFields }
      change { ...PamChangeFields }
      rows(limit: $limit, offset: $offset) {
        session { id startsAt offer { id title } }
        provider { id name }
        before { ...PamDistributionFields }
        after { ...PamDistributionFields }
        change { ...PamChangeFields }
      }
    }
  }
`,
  [DistributionFields, ChangeFields],
);

export type PamSummary = NonNullable<ResultOf<typeof PamSummaryQuery>["pamResultsSummary"]>;
export type PamRow = PamSummary["rows"][number];

export const CourseRunQuery = graphql(`
  query CourseRun($id: ID!) {
    courseRun(id: $id) {
      id
      startsAt
      endsAt
      location
      cancelled
      offer { id title provider { id name } }
    }
  }
`);

const PamResultFields = graphql(`
  fragment PamResultFields on PamResult {
    id
    pseudonym
    levelStart
    scoreStart
    levelEnd
    scoreEnd
  }
`);

export const PamResultsQuery = graphql(
  `
  query PamResultsOfRun($sessionId: ID!, $limit: Int!, $offset: Int!) {
    pamResults(sessionId: $sessionId, limit: $limit, offset: $offset) { ...PamResultFields }
  }
`,
  [PamResultFields],
);

export type PamResult = ResultOf<typeof PamResultFields>;

export const RecordPamResultsMutation = graphql(
  `
  mutation RecordPamResultsEntry($input: RecordPamResultsInput!) {
    recordPamResults(input: $input) {
      __typename
      ... on MutationRecordPamResultsSuccess { data { ...PamResultFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [PamResultFields, MutationErrorFields],
);

export const DeletePamResultMutation = graphql(
  `
  mutation DeletePamResultEntry($id: ID!) {
    deletePamResult(id: $id) {
      __typename
      ... on MutationDeletePamResultSuccess { data }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [MutationErrorFields],
);
