import { graphql, type ResultOf } from "@samspill/graphql";
import { MutationErrorFields } from "../shared/mutations.js";

// The forum flags' documents: a community's list, one flag, raising, dismissing and resolving
// them by a meeting decision.

export const FlagFields = graphql(`
  fragment FlagFields on ForumFlag {
    id
    kind
    state
    note
    dueOn
    version
    createdAt
    closedAt
    dismissReason
    raisedBy
    healthCommunity {
      id
      name
    }
    owner {
      id
      name
    }
    offer {
      id
      title
    }
    agreement {
      id
      title
    }
    gap {
      municipalityNumber
      municipalityName
      hospitalTrustId
      hospitalTrustName
      priorityGroup
      diagnosisGroup
      format
      language
      audience
    }
  }
`);

export type Flag = ResultOf<typeof FlagFields>;

export const FlagsQuery = graphql(
  `
  query ForumFlags($community: ID!, $state: ForumFlagState, $first: Int, $after: String) {
    forumFlags(healthCommunityId: $community, state: $state, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...FlagFields
        }
      }
    }
  }
`,
  [FlagFields],
);

export const FlagQuery = graphql(
  `
  query ForumFlag($id: ID!) {
    forumFlag(id: $id) {
      ...FlagFields
      resolvedBy {
        id
        text
        decidedAt
        meetingPoint {
          id
          title
          startsAt
          organiser {
            id
          }
        }
      }
    }
  }
`,
  [FlagFields],
);

export const RaiseFlagMutation = graphql(
  `
  mutation RaiseForumFlag($input: RaiseForumFlagInput!) {
    raiseForumFlag(input: $input) {
      __typename
      ... on MutationRaiseForumFlagSuccess {
        data {
          id
        }
      }
      ... on Error {
        ...MutationErrorFields
      }
    }
  }
`,
  [MutationErrorFields],
);

export const DismissFlagMutation = graphql(
  `
  mutation DismissForumFlag($input: DismissForumFlagInput!) {
    dismissForumFlag(input: $input) {
      __typename
      ... on MutationDismissForumFlagSuccess {
        data {
          id
          state
          version
          dismissReason
          closedAt
        }
      }
      ... on Error {
        ...MutationErrorFields
      }
    }
  }
`,
  [MutationErrorFields],
);

export const ResolveFlagsMutation = graphql(
  `
  mutation ResolveForumFlags($input: ResolveForumFlagsInput!) {
    resolveForumFlags(input: $input) {
      __typename
      ... on MutationResolveForumFlagsSuccess {
        data {
          id
          text
          resolvesFlags {
            id
            state
          }
        }
      }
      ... on Error {
        ...MutationErrorFields
      }
    }
  }
`,
  [MutationErrorFields],
);
