import type { PriorityGroup } from "@samspill/domain";
import { graphql } from "@samspill/graphql";
import { MutationErrorFields } from "../workspace/mutations.js";

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

export interface Named {
  id: string;
  name: string;
}

export interface AreasData {
  trusts: { edges: { node: Named }[] };
  communities: { edges: { node: Named }[] };
  municipalities: { number: string; hospitalTrust: { id: string } | null }[];
}

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

export interface Cell {
  value: string;
  offerCount: number;
  providerCount?: number;
}

export interface OverviewRow {
  municipalityNumber: string;
  municipalityName: string;
  total: Cell;
  cells: Cell[];
}

export type GapKind =
  | "MUNICIPALITY_WITHOUT_OFFER"
  | "PRIORITY_GROUP_WITHOUT_OFFER"
  | "PRIORITY_GROUP_MISSING_IN_MUNICIPALITY";

export interface Gap {
  kind: GapKind;
  municipalityNumber: string | null;
  municipalityName: string | null;
  priorityGroup: PriorityGroup | null;
}

export interface OverviewOffer {
  offerId: string;
  title: string;
  provider: Named;
  municipalityNumbers: string[];
  reviewDueOn: string | null;
  reviewDueInDays: number | null;
}

export interface ExpiringAgreement {
  id: string;
  title: string;
  subAgreement: string | null;
  validTo: string;
  daysLeft: number;
  parties: Named[];
}

export interface Overview {
  dimension: Dimension;
  values: string[];
  rows: OverviewRow[];
  totals: Cell[];
  total: { offerCount: number; providerCount: number };
  gaps: Gap[];
  flaggedOffers: OverviewOffer[];
  reviewsDue: OverviewOffer[];
  expiringAgreements: ExpiringAgreement[];
}

export const TrendsQuery = graphql(`
  query JointOverviewTrends($trust: ID, $community: ID, $months: Int!) {
    overviewTrends(hospitalTrustId: $trust, healthCommunityId: $community, months: $months) {
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

export interface TrendMonth {
  month: string;
  offersPublished: number;
  offersActive: number;
  reports: number;
  participants: number | null;
  userRepresentatives: number;
}

export interface Trends {
  from: string;
  to: string;
  participantsTotal: number | null;
  months: TrendMonth[];
}

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

export interface OverviewChange {
  hospitalTrustId: string;
  municipalityNumbers: string[];
  reason: "EVENT" | "REBUILD";
  changedAt: string;
}

export const ForumQuery = graphql(`
  query ForumReviews($community: ID!, $first: Int) {
    forumReviews(healthCommunityId: $community, first: $first) {
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
    decisions {
      id
      text
      followUps {
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

export interface ForumReview {
  id: string;
  findings: string;
  createdAt: string;
  recordedBy: string | null;
  meetingPoint: { id: string; title: string; startsAt: string };
  decisions: {
    id: string;
    text: string;
    followUps: {
      id: string;
      text: string;
      dueOn: string | null;
      status: string;
      responsibleOrganisation: Named | null;
    }[];
  }[];
}

export interface ForumData {
  forumReviews: { edges: { node: ForumReview }[] };
  meetingPoints: { edges: { node: { id: string; title: string; startsAt: string } }[] };
}

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
