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
    coordinator {
      id
      name
    }
    mayEditSharedFields
    # The editor saves parties and responsibilities as a whole, so it reads them whole: the domain
    # allows at most 200 of each, and a page may hold 200.
    parties(limit: 200) {
      role
      organisation {
        id
        name
        kind
      }
    }
    responsibilities(limit: 200) {
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
    offerCount
  }
`);

export type AgreementParty = Agreement["parties"][number];

export type AgreementResponsibility = Agreement["responsibilities"][number];

export type Agreement = ResultOf<typeof AgreementFields>;

export const AgreementsQuery = graphql(`
  query Agreements($filter: AgreementFilter, $first: Int, $parties: Int! = 6) {
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
          partyCount
          parties(limit: $parties) {
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

/** One page of the offers delivered under an agreement (they grow with the years). */
export const AgreementOffersQuery = graphql(`
  query AgreementOffers($id: ID!, $limit: Int!, $offset: Int!) {
    agreement(id: $id) {
      id
      offerCount
      offers(limit: $limit, offset: $offset) {
        id
        title
        status
        provider {
          id
          name
        }
      }
    }
  }
`);

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
