import type {
  AgreementStatus,
  Audience,
  DiagnosisScope,
  OfferKind,
  OfferStatus,
  OrganisationKind,
  PartyRole,
  PriorityGroup,
} from "@samspill/domain";
import { graphql } from "@samspill/graphql";
import { MutationErrorFields } from "../mutations.js";

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

export interface AgreementParty {
  role: PartyRole;
  organisation: { id: string; name: string; kind: OrganisationKind };
}

export interface AgreementResponsibility {
  id: string;
  description: string;
  diagnosisScope: DiagnosisScope | null;
  offerKinds: OfferKind[];
  audiences: Audience[];
  priorityGroups: PriorityGroup[];
  organisation: { id: string; name: string };
}

export interface Agreement {
  id: string;
  title: string;
  subAgreement: string | null;
  description: string;
  statutory: boolean;
  status: AgreementStatus;
  validFrom: string;
  validTo: string | null;
  documentUrl: string | null;
  expiresInDays: number | null;
  version: number;
  parties: AgreementParty[];
  responsibilities: AgreementResponsibility[];
  offers: { id: string; title: string; status: OfferStatus; provider: { id: string; name: string } }[];
}

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

export interface AgreementsData {
  agreements: {
    totalCount: number;
    edges: {
      node: Pick<
        Agreement,
        "id" | "title" | "subAgreement" | "statutory" | "status" | "validFrom" | "validTo" | "expiresInDays"
      > & { parties: { role: PartyRole; organisation: { id: string; name: string } }[] };
    }[];
  };
}

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

/** Every organisation, for choosing parties and participants. */
export const AllOrganisationsQuery = graphql(`
  query AllOrganisations($first: Int) {
    organisations(first: $first) {
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

export interface AllOrganisationsData {
  organisations: { edges: { node: { id: string; name: string; kind: OrganisationKind } }[] };
}

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
