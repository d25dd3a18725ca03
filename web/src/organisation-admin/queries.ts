import { graphql, type ResultOf } from "@samspill/graphql";
import { MutationErrorFields } from "../shared/mutations.js";

// The admin pages' documents: organisations with their units, members and invitations, and the
// pages before access (an invitation's link, whom to ask).

export const AdministeredOrganisationsQuery = graphql(`
  query AdministeredOrganisations {
    administeredOrganisations(first: 500) {
      edges {
        node {
          id
          name
          kind
        }
      }
    }
  }
`);

/** Members and invitations shown a page at a time: the `limit` OrganisationAdmin asks for. */
export const peoplePageSize = 100;

export const OrganisationAdminQuery = graphql(`
  query OrganisationAdmin($id: ID!, $membersOffset: Int!, $invitationsOffset: Int!) {
    administeredOrganisation(id: $id) {
      id
      name
      kind
      shortName
      orgNumber
      website
      email
      language
      version
      units(limit: 200) {
        id
        kind
        name
        email
        address
      }
    }
    organisationMembers(organisationId: $id, limit: 100, offset: $membersOffset) {
      id
      role
      title
      person {
        id
        name
        email
      }
      unit {
        id
        name
      }
    }
    invitations(organisationId: $id, limit: 100, offset: $invitationsOffset) {
      id
      email
      name
      role
      state
      expiresAt
      mailedAt
      invitedBy {
        name
      }
    }
  }
`);

export type OrganisationAdminData = ResultOf<typeof OrganisationAdminQuery>;
export type AdministeredOrganisation = NonNullable<OrganisationAdminData["administeredOrganisation"]>;
export type Member = OrganisationAdminData["organisationMembers"][number];
export type Invitation = OrganisationAdminData["invitations"][number];
export type OrganisationUnit = AdministeredOrganisation["units"][number];

export const CreateOrganisationMutation = graphql(
  `
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      __typename
      ... on MutationCreateOrganisationSuccess {
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

export const UpdateOrganisationMutation = graphql(
  `
  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {
    updateOrganisation(input: $input) {
      __typename
      ... on MutationUpdateOrganisationSuccess {
        data {
          id
          version
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

export const CreateUnitMutation = graphql(
  `
  mutation CreateUnit($input: CreateUnitInput!) {
    createUnit(input: $input) {
      __typename
      ... on MutationCreateUnitSuccess {
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

export const UpdateUnitMutation = graphql(
  `
  mutation UpdateUnit($input: UpdateUnitInput!) {
    updateUnit(input: $input) {
      __typename
      ... on MutationUpdateUnitSuccess {
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

export const UpdateMembershipMutation = graphql(
  `
  mutation UpdateMembership($input: UpdateMembershipInput!) {
    updateMembership(input: $input) {
      __typename
      ... on MutationUpdateMembershipSuccess {
        data {
          id
          role
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

export const RemoveMembershipMutation = graphql(
  `
  mutation RemoveMembership($id: ID!) {
    removeMembership(id: $id) {
      __typename
      ... on MutationRemoveMembershipSuccess {
        data
      }
      ... on Error {
        ...MutationErrorFields
      }
    }
  }
`,
  [MutationErrorFields],
);

export const InvitePersonMutation = graphql(
  `
  mutation InvitePerson($input: InvitePersonInput!) {
    invitePerson(input: $input) {
      __typename
      ... on MutationInvitePersonSuccess {
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

export const RevokeInvitationMutation = graphql(
  `
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      __typename
      ... on MutationRevokeInvitationSuccess {
        data {
          id
          state
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

export const InvitationQuery = graphql(`
  query InvitationByToken($token: String!) {
    invitation(token: $token) {
      state
      organisationId
      organisationName
      role
      expiresAt
    }
  }
`);

export const AccessContactsQuery = graphql(`
  query AccessContacts {
    accessContacts {
      organisationName
      organisationKind
      email
      admins {
        name
        email
      }
    }
  }
`);
