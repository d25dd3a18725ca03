import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useParams } from "react-router";
import { useQuery } from "urql";
import type { Me } from "../auth/session.js";
import { PageHeading } from "../components/PageHeading.js";
import { QueryStatus } from "../components/Status.js";
import { RequireSignIn } from "../shared/RequireSignIn.js";
import { AgreementPartiesQuery } from "./queries.js";

// Addresses mails link to that are not pages of their own: an agreement, opened in the
// workspace of the reader's organisation that is a party to it, and the Norwegian paths that
// mails sent before these routes existed used (/tilbud, /avtaler, /abonnementer).

/** /agreements/:id → /workspace/<the reader's party>/agreements/:id. */
export function AgreementLinkPage() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t("mailLinks.agreementTitle")}>{(me) => <OpenAgreement me={me} />}</RequireSignIn>
  );
}

function OpenAgreement({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: AgreementPartiesQuery, variables: { id } });
  const own = new Set(me.memberships.map((m) => m.organisationId));
  const parties = data?.agreement?.parties.map((p) => p.organisation.id) ?? [];
  // A regional admin may see an agreement without being a party: the first party's workspace shows it.
  const party = parties.find((orgId) => own.has(orgId)) ?? parties[0];
  useEffect(() => {
    if (party) navigate(`/workspace/${party}/agreements/${encodeURIComponent(id)}`, { replace: true });
  }, [party, id, navigate]);
  return (
    <>
      <PageHeading>{t("mailLinks.agreementTitle")}</PageHeading>
      <QueryStatus fetching={fetching} error={error} />
      {party ? <p role="status">{t("mailLinks.opening")}</p> : null}
      {data && !data.agreement ? <p>{t("mailLinks.agreementNotFound")}</p> : null}
    </>
  );
}

/** An old path with an :id, sent on to its current one. */
export function RedirectWithId({ to }: { to: (id: string) => string }) {
  const { id = "" } = useParams();
  return <Navigate to={to(encodeURIComponent(id))} replace />;
}
