import { graphql, type ResultOf } from "@samspill/graphql";
import { MutationErrorFields } from "../shared/mutations.js";

export const OfferImportFields = graphql(`
  fragment OfferImportFields on OfferImport {
    id
    fileName
    format
    status
    rowCount
    errorCount
    processed
    encoding
    ignoredColumns
    created
    updated
    unchanged
    provider { id name }
    failures { line column code message value suggestion }
  }
`);

export const OfferImportQuery = graphql(
  `
  query OfferImport($id: ID!, $onlyErrors: Boolean, $offset: Int, $limit: Int) {
    offerImport(id: $id) {
      ...OfferImportFields
      rows(onlyErrors: $onlyErrors, offset: $offset, limit: $limit) {
        line
        action
        cells { column value }
        errors { column code message value suggestion }
        warnings { column code message value }
      }
    }
  }
`,
  [OfferImportFields],
);

export type ImportView = NonNullable<ResultOf<typeof OfferImportQuery>["offerImport"]>;
export type ImportRow = ImportView["rows"][number];
export type ImportIssue = ImportRow["errors"][number];

export const EditOfferImportRowMutation = graphql(
  `
  mutation EditOfferImportRow($importId: ID!, $line: Int!, $cells: [OfferImportCellInput!]!) {
    editOfferImportRow(importId: $importId, line: $line, cells: $cells) {
      __typename
      ... on MutationEditOfferImportRowSuccess { data { ...OfferImportFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [OfferImportFields, MutationErrorFields],
);

export const ConfirmOfferImportMutation = graphql(
  `
  mutation ConfirmOfferImport($importId: ID!) {
    confirmOfferImport(importId: $importId) {
      __typename
      ... on MutationConfirmOfferImportSuccess { data { ...OfferImportFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [OfferImportFields, MutationErrorFields],
);
