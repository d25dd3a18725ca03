import { graphql, type ResultOf } from "@samspill/graphql";

export const SessionFields = graphql(`
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
    whatToBring
    version
    signUpDeadline
    minimumParticipants
    signUpCounts { confirmed offered waiting requested }
  }
`);

export const OfferDetailsFragment = graphql(
  `
  fragment OfferDetails on Offer {
    id
    title
    summary
    description
    textLanguage
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
    requiresReferral
    minimumParticipants
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
`,
  [SessionFields],
);

export const OfferQuery = graphql(
  `
  query Offer($id: ID!) {
    offer(id: $id) {
      ...OfferDetails
    }
  }
`,
  [OfferDetailsFragment],
);

export type OfferSession = ResultOf<typeof SessionFields>;
export type OfferDetails = ResultOf<typeof OfferDetailsFragment>;
export type OfferData = ResultOf<typeof OfferQuery>;
