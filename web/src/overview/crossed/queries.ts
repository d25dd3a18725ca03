import { graphql, type ResultOf } from "@samspill/graphql";

// What the crossed overview page asks the gateway for: the table and a page of its gaps, each
// with the offers nearest to filling it. Public, like the joint overview.

export const CrossedOverviewQuery = graphql(`
  query CrossedOverview(
    $trust: ID
    $community: ID
    $rows: CrossDimension!
    $columns: CrossDimension!
    $filter: CrossedOverviewFilter
    $languages: [String!]
    $below: Int!
    $sort: CrossedGapSort!
    $limit: Int!
    $offset: Int!
  ) {
    crossedOverview(
      hospitalTrustId: $trust
      healthCommunityId: $community
      rows: $rows
      columns: $columns
      filter: $filter
      languages: $languages
    ) {
      rowDimension
      columnDimension
      columns {
        value
        label
      }
      rows {
        value
        label
        counts
      }
      gapCount(below: $below)
      gaps(below: $below, sort: $sort, limit: $limit, offset: $offset) {
        row {
          value
          label
        }
        column {
          value
          label
        }
        offerCount
        nearestOffers(limit: 3) {
          offerId
          title
          providerName
          differsIn
          values
          valueLabels
        }
      }
    }
  }
`);

export type CrossedOverviewData = ResultOf<typeof CrossedOverviewQuery>["crossedOverview"];
export type CrossedGapData = CrossedOverviewData["gaps"][number];
