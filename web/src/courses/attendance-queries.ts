import { graphql } from "@samspill/graphql";
import { MutationErrorFields } from "../shared/mutations.js";

const ReportFields = graphql(`
  fragment AttendanceReportFields on AttendanceReport {
    patients
    relatives
    userRepsPlanning
    userRepsDelivery
    userRepsEvaluation
    providerConfirmedAt
    userOrgConfirmedAt
    participationReportId
    userOrganisation { id name }
    session { id startsAt offer { id title provider { name } } }
  }
`);

export const AttendanceQuery = graphql(
  `
  query AttendancePage($sessionId: ID!, $limit: Int!, $offset: Int!) {
    attendanceList(sessionId: $sessionId, limit: $limit, offset: $offset) { signUpId name role attended }
    attendanceReport(sessionId: $sessionId) { ...AttendanceReportFields }
  }
`,
  [ReportFields],
);

export const RecordAttendanceMutation = graphql(
  `
  mutation RecordAttendancePage($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      __typename
      ... on MutationRecordAttendanceSuccess { data { signUpId attended } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [MutationErrorFields],
);

export const PrepareReportMutation = graphql(
  `
  mutation PrepareAttendanceReportPage($input: PrepareAttendanceReportInput!) {
    prepareAttendanceReport(input: $input) {
      __typename
      ... on MutationPrepareAttendanceReportSuccess { data { ...AttendanceReportFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [ReportFields, MutationErrorFields],
);

export const ToConfirmQuery = graphql(
  `
  query AttendanceReportsToConfirm($limit: Int!, $offset: Int!) {
    attendanceReportsToConfirm(limit: $limit, offset: $offset) { ...AttendanceReportFields }
  }
`,
  [ReportFields],
);

export const ConfirmReportMutation = graphql(
  `
  mutation ConfirmAttendanceReportPage($sessionId: ID!) {
    confirmAttendanceReport(sessionId: $sessionId) {
      __typename
      ... on MutationConfirmAttendanceReportSuccess { data { ...AttendanceReportFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [ReportFields, MutationErrorFields],
);
