import type { OrganisationKind } from "@samspill/domain";
import { graphql } from "@samspill/graphql";
import { useQuery } from "urql";

// The gateway has no single-organisation query; the organisation's units come from the list of
// its kind (a few dozen rows at most), the municipalities from their own list. A hospital trust
// can have dozens of units, more than the default page of ten.
const OrganisationDataQuery = graphql(`
  query WorkspaceOrganisation($kind: OrganisationKind, $first: Int) {
    organisations(kind: $kind, first: $first) {
      edges {
        node {
          id
          name
          municipalityNumber
          units(limit: 50) {
            id
            name
          }
        }
      }
    }
    municipalities {
      number
      name
    }
  }
`);

export function useOrganisationData(organisationId: string, kind: OrganisationKind | null) {
  const [{ data, fetching, error }] = useQuery({
    query: OrganisationDataQuery,
    // Norway has 357 municipalities, the largest kind.
    variables: { kind, first: 400 },
    pause: !kind,
  });
  const organisation = data?.organisations.edges.map((e) => e.node).find((o) => o.id === organisationId);
  return { organisation, municipalities: data?.municipalities ?? [], fetching, error };
}
