import { graphql, type ResultOf } from "@samspill/graphql";
import { MutationErrorFields } from "../shared/mutations.js";

// What the joint overview page asks the gateway for. The overview and its trends are public;
// the forum's reviews and meeting points are its members' only.

export type Dimension = "PRIORITY_GROUP" | "DIAGNOSIS_GROUP" | "FORMAT" | "LANGUAGE";

export const AreasQuery = graphql(`
  query OverviewAreas($first: Int) {
    trusts: organisations(kind: HOSPITAL_TRUST, first: $first) {
      edges {
        node {
          id
          name
        }
      }
    }
    communities: organisations(kind: HEALTH_COMMUNITY, first: $first) {
      edges {
        node {
          id
          name
        }
      }
    }
    municipalities {
      number
      hospitalTrust {
        id
      }
    }
  }
`);

export const OverviewQuery = graphql(`
  query JointOverview($trust: ID, $community: ID, $dimension: OverviewDimension!) {
    overview(hospitalTrustId: $trust, healthCommunityId: $community, dimension: $dimension) {
      dimension
      values
      rows {
        municipalityNumber
        municipalityName
        total {
          value
          offerCount
        }
        cells {
          value
          offerCount
          providerCount
        }
      }
      totals {
        value
        offerCount
      }
      total {
        offerCount
        providerCount
      }
      gaps {
        kind
        municipalityNumber
        municipalityName
        priorityGroup
      }
      flaggedOffers {
        ...OverviewOfferFields
      }
      reviewsDue {
        ...OverviewOfferFields
      }
      expiringAgreements {
        id
        title
        subAgreement
        validTo
        daysLeft
        parties {
          id
          name
        }
      }
    }
  }

  fragment OverviewOfferFields on OverviewOffer {
    offerId
    title
    provider {
      id
      name
    }
    municipalityNumbers
    reviewDueOn
    reviewDueInDays
  }
`);

export const TrendsQuery = graphql(`
  query JointOverviewTrends($trust: ID, $community: ID, $period: String!) {
    overviewTrends(hospitalTrustId: $trust, healthCommunityId: $community, period: $period) {
      period
      from
      to
      participantsTotal
      months {
        month
        offersPublished
        offersActive
        reports
        participants
        userRepresentatives
      }
    }
  }
`);

export const OverviewChangedSubscription = graphql(`
  subscription JointOverviewChanged($trust: ID!) {
    overviewChanged(hospitalTrustId: $trust) {
      hospitalTrustId
      municipalityNumbers
      reason
      changedAt
    }
  }
`);

/** Follow-ups shown under each decision of a past review (ForumQuery asks for this many). */
export const followUpsShown = 10;

export const ForumQuery = graphql(`
  query ForumReviews($community: ID!, $first: Int, $after: String) {
    # Ten reviews a page, each with all its decisions (a review records at most 100) and the
    # first follow-ups of each: a page costs what it can really return.
    forumReviews(healthCommunityId: $community, first: 10, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ForumReviewFields
        }
      }
    }
    meetingPoints(filter: { healthCommunityId: $community }, first: $first) {
      edges {
        node {
          id
          title
          startsAt
        }
      }
    }
  }

  fragment ForumReviewFields on ForumReview {
    id
    findings
    createdAt
    recordedBy
    meetingPoint {
      id
      title
      startsAt
    }
    # What changed in the overview since the review before (both froze a snapshot of it).
    changesSinceLastReview {
      previousReviewedAt
      openFlagsBefore
      openFlagsAfter
      changeCount
      changes(limit: 50) {
        municipalityName
        dimension
        value
        before
        after
      }
    }
    decisions(limit: 100) {
      id
      text
      followUps(limit: 10) {
        id
        text
        dueOn
        status
        responsibleOrganisation {
          id
          name
        }
      }
    }
  }
`);

export const RecordForumReviewMutation = graphql(
  `
  mutation RecordForumReview($input: RecordForumReviewInput!) {
    recordForumReview(input: $input) {
      __typename
      ... on MutationRecordForumReviewSuccess { data { id } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [MutationErrorFields],
);

export type AreasData = ResultOf<typeof AreasQuery>;
export type Named = AreasData["trusts"]["edges"][number]["node"];
export type Overview = NonNullable<ResultOf<typeof OverviewQuery>["overview"]>;
export type OverviewRow = Overview["rows"][number];
/** A row's or a column's total, or one cell (only cells count providers). */
export type Cell = OverviewRow["total"] | OverviewRow["cells"][number];
export type Gap = Overview["gaps"][number];
export type GapKind = Gap["kind"];
export type OverviewOffer = Overview["flaggedOffers"][number];
export type ExpiringAgreement = Overview["expiringAgreements"][number];
export type Trends = ResultOf<typeof TrendsQuery>["overviewTrends"];
export type TrendMonth = Trends["months"][number];
export type OverviewChange = ResultOf<typeof OverviewChangedSubscription>["overviewChanged"];
export type ForumData = ResultOf<typeof ForumQuery>;
export type ForumReview = ForumData["forumReviews"]["edges"][number]["node"];
