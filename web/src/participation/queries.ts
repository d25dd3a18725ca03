import { graphql, type ResultOf } from "@samspill/graphql";
import { MutationErrorFields } from "../shared/mutations.js";

// What the participation pages ask the gateway: the reports (services/gateway/src/schema/
// participation.ts), the offers and meeting points one can report on, and the two mutations.

export const ReportFields = graphql(`
  fragment ReportFields on ParticipationReport {
    id
    version
    reporter {
      id
      name
    }
    offer {
      id
      title
      provider {
        id
        name
      }
    }
    meetingPointId
    meetingPointTitle
    periodStart
    periodEnd
    patients
    carers
    childrenAndYouth
    parents
    others
    totalParticipants
    userRepsPlanning
    userRepsDelivery
    userRepsEvaluation
    notes
    updatedAt
  }
`);

export type Report = ResultOf<typeof ReportFields>;

export const ReportsQuery = graphql(
  `
  query ParticipationReports(
    $filter: ParticipationReportFilter
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    participationReports(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          ...ReportFields
        }
      }
    }
  }
`,
  [ReportFields],
);

export type ReportsData = ResultOf<typeof ReportsQuery>;

export const ReportQuery = graphql(
  `
  query ParticipationReport($id: ID!) {
    participationReport(id: $id) {
      ...ReportFields
    }
  }
`,
  [ReportFields],
);

export type ReportData = ResultOf<typeof ReportQuery>;

export const ReportableOffersQuery = graphql(`
  query ReportableOffers($filter: OfferFilter, $first: Int) {
    offers(filter: $filter, first: $first) {
      totalCount
      edges {
        node {
          id
          title
          provider {
            id
            name
          }
        }
      }
    }
  }
`);

export type ReportableOffer = ReportableOffersData["offers"]["edges"][number]["node"];

export type ReportableOffersData = ResultOf<typeof ReportableOffersQuery>;

export const ReportableMeetingsQuery = graphql(`
  query ReportableMeetings($filter: MeetingPointFilter, $first: Int) {
    meetingPoints(filter: $filter, first: $first) {
      edges {
        node {
          id
          title
          startsAt
        }
      }
    }
  }
`);

export type ReportableMeetingsData = ResultOf<typeof ReportableMeetingsQuery>;

export const ReportParticipationMutation = graphql(
  `
  mutation ReportParticipation($input: ReportParticipationInput!) {
    reportParticipation(input: $input) {
      __typename
      ... on MutationReportParticipationSuccess { data { ...ReportFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [ReportFields, MutationErrorFields],
);

export const CorrectParticipationReportMutation = graphql(
  `
  mutation CorrectParticipationReport($input: CorrectParticipationReportInput!) {
    correctParticipationReport(input: $input) {
      __typename
      ... on MutationCorrectParticipationReportSuccess { data { ...ReportFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [ReportFields, MutationErrorFields],
);
