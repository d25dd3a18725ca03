import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Membership } from "../auth/session.js";
import { PageHeading } from "../components/PageHeading.js";
import { enumLabel } from "../i18n/labels.js";
import { RequireSignIn } from "../shared/RequireSignIn.js";

export function WorkspaceHome() {
  const { t } = useTranslation();
  return (
    <RequireSignIn title={t("workspace.title")}>
      {(me) => {
        const byOrganisation = new Map<string, Membership[]>();
        for (const m of me.memberships)
          byOrganisation.set(m.organisationId, [...(byOrganisation.get(m.organisationId) ?? []), m]);
        return (
          <>
            <PageHeading>{t("workspace.title")}</PageHeading>
            <p className="lead">{t("workspace.intro")}</p>
            <h2>{t("workspace.yourOrganisations")}</h2>
            {byOrganisation.size === 0 ? (
              <p>{t("workspace.noMemberships")}</p>
            ) : (
              <ul className="card-list">
                {[...byOrganisation.entries()].map(([id, memberships]) => (
                  <li key={id} className="card">
                    <h3>
                      <Link to={`/workspace/${id}`}>{memberships[0]?.organisationName ?? id}</Link>
                    </h3>
                    <p className="meta">
                      {memberships[0]?.organisationKind &&
                        `${enumLabel(t, "organisationKindOne", memberships[0].organisationKind)} · `}
                      {t("workspace.role", {
                        role: memberships.map((m) => enumLabel(t, "role", m.role)).join(", "),
                      })}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </>
        );
      }}
    </RequireSignIn>
  );
}
