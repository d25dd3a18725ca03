import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import type { Me } from "../auth/session.js";
import { PageHeading } from "../components/PageHeading.js";
import { QueryStatus } from "../components/Status.js";
import { enumLabel } from "../i18n/labels.js";
import { RequireSignIn } from "../shared/RequireSignIn.js";
import { AdministeredOrganisationsQuery } from "./queries.js";

/** Whether the person is an admin of the regional health authority, who sets up organisations. */
export const isRegionalAdmin = (me: Me) =>
  me.memberships.some((m) => m.role === "ADMIN" && m.organisationKind === "REGIONAL_HEALTH_AUTHORITY");

export function OrganisationsAdminPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t("people.listTitle")}>{(me) => <OrganisationList me={me} />}</RequireSignIn>;
}

function OrganisationList({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: AdministeredOrganisationsQuery });
  const organisations = data?.administeredOrganisations.edges.map((e) => e.node) ?? [];
  return (
    <>
      <PageHeading>{t("people.listTitle")}</PageHeading>
      <p className="lead">{t("people.listLead")}</p>
      {isRegionalAdmin(me) && (
        <p>
          <Link className="button" to="/admin/organisations/new">
            {t("people.newOrganisation")}
          </Link>
        </p>
      )}
      <QueryStatus fetching={fetching} error={error} />
      {data && organisations.length === 0 && <p>{t("people.none")}</p>}
      {organisations.length > 0 && (
        <ul className="card-list">
          {organisations.map((o) => (
            <li key={o.id} className="card">
              <h2>
                <Link to={`/admin/organisations/${o.id}`}>{o.name}</Link>
              </h2>
              <p className="meta">{enumLabel(t, "organisationKindOne", o.kind)}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
