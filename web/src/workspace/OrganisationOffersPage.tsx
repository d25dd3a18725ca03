import { offerStatuses } from "@samspill/domain";
import { graphql } from "@samspill/graphql";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { QueryStatus } from "../components/Status.js";
import { formatDate } from "../format.js";
import { enumLabel } from "../i18n/labels.js";
import { OrganisationSection, type SectionContext } from "./OrganisationSection.js";

const OwnOffersQuery = graphql(`
  query OwnOffers($filter: OfferFilter) {
    offers(filter: $filter, first: 100) {
      totalCount
      edges {
        node {
          id
          title
          status
          updatedAt
          flaggedForReview
        }
      }
    }
  }
`);

export function OrganisationOffersPage() {
  const { t } = useTranslation();
  return (
    <OrganisationSection
      heading={(name) => t("workspace.offersTitle", { name })}
      newItem={{ path: "offers/new", label: t("workspace.newOffer") }}
    >
      {(section) => <OrganisationOffers {...section} />}
    </OrganisationSection>
  );
}

function OrganisationOffers({ orgId, name, canEdit }: SectionContext) {
  const { t } = useTranslation();
  // Refetch after any offer changes, also when the list held none yet (the cache keys on types).
  const context = useMemo(() => ({ additionalTypenames: ["Offer"] }), []);
  const [{ data, fetching, error }] = useQuery({
    query: OwnOffersQuery,
    context,
    variables: { filter: { providerIds: [orgId], statuses: [...offerStatuses] } },
  });
  return (
    <>
      {canEdit && (
        <p>
          <Link to={`/import?organisation=${encodeURIComponent(orgId)}`}>{t("workspace.importOffers")}</Link>
        </p>
      )}
      <QueryStatus fetching={fetching} error={error} />
      {data && data.offers.edges.length === 0 && <p>{t("workspace.noOffers")}</p>}
      {data && data.offers.edges.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t("workspace.offersTitle", { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("offerForm.title")}</th>
              <th scope="col">{t("workspace.status")}</th>
              <th scope="col">{t("workspace.updated")}</th>
            </tr>
          </thead>
          <tbody>
            {data.offers.edges.map(({ node }) => (
              <tr key={node.id}>
                <td>
                  <Link to={`/workspace/${orgId}/offers/${node.id}`}>{node.title}</Link>
                  {node.flaggedForReview && <span className="tag tag-flag">{t("workspace.flagged")}</span>}
                </td>
                <td>
                  <span className={`tag tag-status-${node.status.toLowerCase()}`}>
                    {enumLabel(t, "offerStatus", node.status)}
                  </span>
                </td>
                <td>{formatDate(node.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
