import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { ListPager } from "../components/ListPager.js";
import { PageHeading } from "../components/PageHeading.js";
import { QueryStatus } from "../components/Status.js";
import { enumLabel } from "../i18n/labels.js";
import { RequireSignIn } from "../shared/RequireSignIn.js";
import { InvitationsSection } from "./InvitationsSection.js";
import { MembersSection } from "./MembersSection.js";
import { OrganisationDetails } from "./OrganisationDetails.js";
import { OrganisationAdminQuery, peoplePageSize } from "./queries.js";
import { UnitsSection } from "./UnitsSection.js";

/** One organisation's administration: its details, units, members and invitations. */
export function OrganisationAdminPage() {
  const { t } = useTranslation();
  return <RequireSignIn title={t("people.listTitle")}>{() => <OrganisationAdmin />}</RequireSignIn>;
}

function OrganisationAdmin() {
  const { t } = useTranslation();
  const { orgId = "" } = useParams();
  const [membersOffset, setMembersOffset] = useState(0);
  const [invitationsOffset, setInvitationsOffset] = useState(0);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OrganisationAdminQuery,
    variables: { id: orgId, membersOffset, invitationsOffset },
    requestPolicy: "cache-and-network",
  });
  const reload = () => reexecute({ requestPolicy: "network-only" });
  const organisation = data?.administeredOrganisation;
  if (!organisation)
    return (
      <>
        <PageHeading>{t("people.listTitle")}</PageHeading>
        <QueryStatus fetching={fetching} error={error} />
        {data && <p role="alert">{t("people.forbidden")}</p>}
        <p>
          <Link to="/admin/organisations">{t("people.listTitle")}</Link>
        </p>
      </>
    );
  return (
    <>
      <PageHeading>{organisation.name}</PageHeading>
      <p className="meta">
        {enumLabel(t, "organisationKindOne", organisation.kind)} ·{" "}
        <Link to="/admin/organisations">{t("people.listTitle")}</Link>
      </p>
      <OrganisationDetails key={organisation.version} organisation={organisation} onSaved={reload} />
      <UnitsSection organisationId={organisation.id} units={organisation.units} onChanged={reload} />
      <MembersSection members={data?.organisationMembers ?? []} onChanged={reload} />
      <ListPager
        offset={membersOffset}
        pageSize={peoplePageSize}
        shown={data?.organisationMembers.length ?? 0}
        onOffset={setMembersOffset}
      />
      <InvitationsSection
        organisationId={organisation.id}
        invitations={data?.invitations ?? []}
        onChanged={reload}
      />
      <ListPager
        offset={invitationsOffset}
        pageSize={peoplePageSize}
        shown={data?.invitations.length ?? 0}
        onOffset={setInvitationsOffset}
      />
    </>
  );
}
