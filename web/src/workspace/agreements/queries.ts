import type { OrganisationKind, PartyRole } from "@samspill/domain";
import { graphql, type ResultOf } from "@samspill/graphql";
import { MutationErrorFields } from "../../shared/mutations.js";

export const AgreementFields = graphql(`
  fragment AgreementFields on Agreement {
    id
    title
    subAgreement
    description
    statutory
    status
    validFrom
    validTo
    documentUrl
    expiresInDays
    version
    parties {
      role
      organisation {
        id
        name
        kind
      }
    }
    responsibilities {
      id
      description
      diagnosisScope
      offerKinds
      audiences
      priorityGroups
      organisation {
        id
        name
      }
    }
    offers {
      id
      title
      status
      provider {
        id
        name
      }
    }
  }
`);

export type AgreementParty = Agreement["parties"][number];

export type AgreementResponsibility = Agreement["responsibilities"][number];

export type Agreement = ResultOf<typeof AgreementFields>;

export const AgreementsQuery = graphql(`
  query Agreements($filter: AgreementFilter, $first: Int) {
    agreements(filter: $filter, first: $first) {
      totalCount
      edges {
        node {
          id
          title
          subAgreement
          statutory
          status
          validFrom
          validTo
          expiresInDays
          parties {
            role
            organisation {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export type AgreementsData = ResultOf<typeof AgreementsQuery>;

export const AgreementQuery = graphql(
  `
  query Agreement($id: ID!) {
    agreement(id: $id) {
      ...AgreementFields
    }
  }
`,
  [AgreementFields],
);

export const CreateAgreementMutation = graphql(
  `
  mutation CreateAgreement($input: CreateAgreementInput!) {
    createAgreement(input: $input) {
      __typename
      ... on MutationCreateAgreementSuccess { data { ...AgreementFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [AgreementFields, MutationErrorFields],
);

export const UpdateAgreementMutation = graphql(
  `
  mutation UpdateAgreement($input: UpdateAgreementInput!) {
    updateAgreement(input: $input) {
      __typename
      ... on MutationUpdateAgreementSuccess { data { ...AgreementFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [AgreementFields, MutationErrorFields],
);

export const SetResponsibilitiesMutation = graphql(
  `
  mutation SetAgreementResponsibilities($input: SetAgreementResponsibilitiesInput!) {
    setAgreementResponsibilities(input: $input) {
      __typename
      ... on MutationSetAgreementResponsibilitiesSuccess { data { ...AgreementFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [AgreementFields, MutationErrorFields],
);

export const LinkOfferMutation = graphql(
  `
  mutation LinkOfferToAgreement($input: AgreementOfferLinkInput!) {
    linkOfferToAgreement(input: $input) {
      __typename
      ... on MutationLinkOfferToAgreementSuccess { data { ...AgreementFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [AgreementFields, MutationErrorFields],
);

export const UnlinkOfferMutation = graphql(
  `
  mutation UnlinkOfferFromAgreement($input: AgreementOfferLinkInput!) {
    unlinkOfferFromAgreement(input: $input) {
      __typename
      ... on MutationUnlinkOfferFromAgreementSuccess { data { ...AgreementFields } }
      ... on Error { ...MutationErrorFields }
    }
  }
`,
  [AgreementFields, MutationErrorFields],
);

/** The party role an organisation usually has, from its kind. */
export function roleForKind(kind: OrganisationKind | null | undefined): PartyRole {
  switch (kind) {
    case "HOSPITAL_TRUST":
    case "MUNICIPALITY":
    case "USER_ORGANISATION":
    case "UNIVERSITY":
      return kind;
    default:
      return "OTHER";
  }
}
