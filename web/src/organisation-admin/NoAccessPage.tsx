import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { useSession } from "../auth/session.js";
import { PageHeading } from "../components/PageHeading.js";
import { QueryStatus } from "../components/Status.js";
import { enumLabel } from "../i18n/labels.js";
import { AccessContactsQuery } from "./queries.js";

/**
 * Where sign-in sends someone who belongs to no organisation: whom to ask for an invitation.
 * Signed in (a person without a role), the gateway names the admins of organisations that
 * invited them or share their address's domain, and the regional admins; signed out (no person
 * for this identity at all), only the organisations' own contact addresses.
 */
export function NoAccessPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [{ data, fetching, error }] = useQuery({ query: AccessContactsQuery, requestPolicy: "network-only" });
  return (
    <>
      <PageHeading>{t("noAccess.title")}</PageHeading>
      <p className="lead">
        {session.status === "signedIn" ? t("noAccess.lead") : t("noAccess.signedOutLead")}
      </p>
      <h2>{t("noAccess.ask")}</h2>
      <p>{t("noAccess.askOwn")}</p>
      <QueryStatus fetching={fetching} error={error} />
      <ul className="card-list">
        {(data?.accessContacts ?? []).map((c) => (
          <li key={c.organisationName} className="card">
            <h3>{c.organisationName}</h3>
            <p className="meta">{enumLabel(t, "organisationKindOne", c.organisationKind)}</p>
            {c.email && (
              <p>
                {t("noAccess.contact")} <a href={`mailto:${c.email}`}>{c.email}</a>
              </p>
            )}
            {session.status === "signedIn" && (
              <>
                <h4>{t("noAccess.admins")}</h4>
                {c.admins.length === 0 ? (
                  <p>{t("noAccess.noAdmins")}</p>
                ) : (
                  <ul>
                    {c.admins.map((a) => (
                      <li key={a.email}>
                        {a.name}: <a href={`mailto:${a.email}`}>{a.email}</a>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
