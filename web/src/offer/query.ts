import type {
  AccessibilityFeature,
  Audience,
  DiagnosisGroup,
  DiagnosisScope,
  OfferFormat,
  OfferKind,
  OfferStatus,
  PriorityGroup,
  Topic,
} from "@samspill/domain";
import { gql } from "urql";

export const SessionFields = gql`
  fragment SessionFields on OfferSession {
    id
    startsAt
    endsAt
    location
    onlineUrl
    capacity
    registrations
    availablePlaces
    cancelled
    note
    version
  }
`;

export const OfferDetailsFragment = gql`
  fragment OfferDetails on Offer {
    id
    title
    summary
    description
    kind
    status
    diagnosisScope
    diagnosisCodes
    diagnosisGroups
    topics
    audiences
    priorityGroups
    format
    location
    onlineUrl
    languages
    accessibility
    userRepPlanning
    userRepDelivery
    userRepEvaluation
    a0099Eligible
    interdisciplinary
    reviewDueOn
    contactName
    contactEmail
    contactPhone
    howToJoin
    registrationUrl
    flaggedForReview
    version
    updatedAt
    provider {
      id
      name
      website
    }
    unit {
      id
      name
      address
    }
    municipalities {
      number
      name
    }
    sessions {
      ...SessionFields
    }
  }
  ${SessionFields}
`;

export const OfferQuery = gql`
  query Offer($id: ID!) {
    offer(id: $id) {
      ...OfferDetails
    }
  }
  ${OfferDetailsFragment}
`;

export interface OfferSession {
  id: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  registrations: number;
  availablePlaces: number | null;
  cancelled: boolean;
  note: string | null;
  version: number;
}

export interface OfferDetails {
  id: string;
  title: string;
  summary: string;
  description: string;
  kind: OfferKind;
  status: OfferStatus;
  diagnosisScope: DiagnosisScope;
  diagnosisCodes: string[];
  diagnosisGroups: DiagnosisGroup[];
  topics: Topic[];
  audiences: Audience[];
  priorityGroups: PriorityGroup[];
  format: OfferFormat;
  location: string | null;
  onlineUrl: string | null;
  languages: string[];
  accessibility: AccessibilityFeature[];
  userRepPlanning: boolean;
  userRepDelivery: boolean;
  userRepEvaluation: boolean;
  a0099Eligible: boolean;
  interdisciplinary: boolean;
  reviewDueOn: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  howToJoin: string | null;
  registrationUrl: string | null;
  flaggedForReview: boolean;
  version: number;
  updatedAt: string;
  provider: { id: string; name: string; website: string | null };
  unit: { id: string; name: string; address: string | null } | null;
  municipalities: { number: string; name: string }[];
  sessions: OfferSession[];
}

export interface OfferData {
  offer: OfferDetails | null;
}
