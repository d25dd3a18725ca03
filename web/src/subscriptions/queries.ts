import { graphql, type ResultOf } from "@samspill/graphql";
import { MutationErrorFields } from "../shared/mutations.js";

export const MailSubscriptionFields = graphql(`
  fragment MailSubscriptionFields on MailSubscription {
    id
    kind
    active
    municipalityNumbers
    hospitalTrustIds
    priorityGroups
    diagnosisGroups
  }
`);

/** The person's subscriptions and what they can choose from. */
export const SubscriptionsPageQuery = graphql(
  `
  query SubscriptionsPage {
    myMailSubscriptions {
      ...MailSubscriptionFields
    }
    municipalities {
      number
      name
    }
    hospitalTrusts: organisations(kind: HOSPITAL_TRUST, first: 50) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`,
  [MailSubscriptionFields],
);

export type MailSubscription = ResultOf<typeof MailSubscriptionFields>;
export type SubscriptionsPageData = ResultOf<typeof SubscriptionsPageQuery>;
export type MailKind = MailSubscription["kind"];

export const SaveMyMailSubscriptionMutation = graphql(
  `
  mutation SaveMyMailSubscription($input: SaveMyMailSubscriptionInput!) {
    saveMyMailSubscription(input: $input) {
      __typename
      ... on MutationSaveMyMailSubscriptionSuccess { data { ...MailSubscriptionFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [MailSubscriptionFields, MutationErrorFields],
);

export const CancelMyMailSubscriptionMutation = graphql(
  `
  mutation CancelMyMailSubscription($kind: MailSubscriptionKind!) {
    cancelMyMailSubscription(kind: $kind) {
      __typename
      ... on MutationCancelMyMailSubscriptionSuccess { data { ...MailSubscriptionFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [MailSubscriptionFields, MutationErrorFields],
);

/** The parties of an agreement, to open it in the workspace of the reader's own party. */
export const AgreementPartiesQuery = graphql(`
  query AgreementParties($id: ID!) {
    agreement(id: $id) {
      id
      parties {
        organisation {
          id
        }
      }
    }
  }
`);
