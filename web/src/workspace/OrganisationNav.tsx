import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

/** The sections of one organisation's workspace: offers, agreements, meeting points. */
export function OrganisationNav({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const entries = [
    { to: `/workspace/${orgId}`, label: t("workspace.offers"), end: true },
    { to: `/workspace/${orgId}/agreements`, label: t("workspace.agreementsTab") },
    { to: `/workspace/${orgId}/meetings`, label: t("workspace.meetingsTab") },
  ];
  return (
    <nav className="sub-nav" aria-label={t("workspace.sections")}>
      <ul className="sub-nav-list">
        {entries.map((e) => (
          <li key={e.to}>
            <NavLink to={e.to} end={e.end}>
              {e.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
