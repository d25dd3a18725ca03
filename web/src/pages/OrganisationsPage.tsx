import { type OrganisationKind, organisationKinds } from "@samspill/domain";
import { graphql } from "@samspill/graphql";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { PageHeading } from "../components/PageHeading.js";
import { QueryStatus } from "../components/Status.js";
import { enumLabel } from "../i18n/labels.js";

const OrganisationsQuery = graphql(`
  query Organisations {
    organisations(first: 500) {
      totalCount
      edges {
        node {
          id
          kind
          name
          municipalityNumber
        }
      }
    }
  }
`);

// Municipalities last: there are many of them, the other kinds are few.
const kindOrder: OrganisationKind[] = [
  ...organisationKinds.filter((k) => k !== "MUNICIPALITY"),
  "MUNICIPALITY",
];

export function OrganisationsPage() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: OrganisationsQuery });

  return (
    <>
      <PageHeading>{t("organisations.title")}</PageHeading>
      <QueryStatus fetching={fetching} error={error} />
      {data && (
        <>
          <p>{t("organisations.count", { count: data.organisations.totalCount })}</p>
          {kindOrder.map((kind) => {
            const orgs = data.organisations.edges.map((e) => e.node).filter((o) => o.kind === kind);
            if (orgs.length === 0) return null;
            return (
              <section key={kind} aria-labelledby={`kind-${kind}`}>
                <h2 id={`kind-${kind}`}>
                  {enumLabel(t, "organisationKind", kind)} <span className="count">({orgs.length})</span>
                </h2>
                <ul className={kind === "MUNICIPALITY" ? "columns" : undefined}>
                  {orgs.map((o) => (
                    <li key={o.id} data-testid="organisation">
                      {o.name}
                      {o.municipalityNumber && <span className="muted"> {o.municipalityNumber}</span>}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </>
  );
}
