import { graphql } from "@samspill/graphql";
import { MutationErrorFields } from "../workspace/mutations.js";

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

export interface Report {
  id: string;
  version: number;
  reporter: { id: string; name: string };
  offer: { id: string; title: string; provider: { id: string; name: string } } | null;
  meetingPointId: string | null;
  meetingPointTitle: string | null;
  periodStart: string;
  periodEnd: string;
  patients: number;
  carers: number;
  childrenAndYouth: number;
  parents: number;
  others: number;
  totalParticipants: number;
  userRepsPlanning: number;
  userRepsDelivery: number;
  userRepsEvaluation: number;
  notes: string | null;
  updatedAt: string;
}

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

export interface ReportsData {
  participationReports: {
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
    edges: { node: Report }[];
  };
}

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

export interface ReportData {
  participationReport: Report | null;
}

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

export interface ReportableOffer {
  id: string;
  title: string;
  provider: { id: string; name: string };
}

export interface ReportableOffersData {
  offers: { totalCount: number; edges: { node: ReportableOffer }[] };
}

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

export interface ReportableMeetingsData {
  meetingPoints: { edges: { node: { id: string; title: string; startsAt: string } }[] };
}

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
