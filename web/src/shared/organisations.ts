import { graphql, type ResultOf } from "@samspill/graphql";
import { useQuery } from "urql";

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

export type AllOrganisationsData = ResultOf<typeof AllOrganisationsQuery>;

/** Every organisation as options for a select or pick list (meeting participants, forum reviews). */
export function useOrganisationOptions() {
  const [{ data }] = useQuery({
    query: AllOrganisationsQuery,
    variables: { first: 500 },
  });
  return (data?.organisations.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name }));
}
