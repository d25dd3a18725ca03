import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { editorRoles } from "../auth/session.js";
import { PageHeading } from "../components/PageHeading.js";
import { RequireSignIn } from "../shared/RequireSignIn.js";
import { OrganisationNav } from "./OrganisationNav.js";

export interface SectionContext {
  orgId: string;
  name: string;
  canEdit: boolean;
}

interface OrganisationSectionProps {
  heading: (organisationName: string) => string;
  intro?: string;
  /** The "register a new …" link, for the organisation's admins and editors. */
  newItem?: { path: string; label: string };
  children: (section: SectionContext) => ReactNode;
}

/**
 * One list page of an organisation's workspace (offers, agreements, meeting points): signed in,
 * a member of the organisation, with its heading, section menu and "new" link.
 */
export function OrganisationSection({ heading, intro, newItem, children }: OrganisationSectionProps) {
  const { t } = useTranslation();
  const { orgId = "" } = useParams();
  return (
    <RequireSignIn title={t("workspace.title")}>
      {(me) => {
        const memberships = me.memberships.filter((m) => m.organisationId === orgId);
        if (memberships.length === 0)
          return (
            <>
              <PageHeading>{t("workspace.title")}</PageHeading>
              <p>{t("workspace.notMember")}</p>
            </>
          );
        const name = memberships[0]?.organisationName ?? "";
        const canEdit = memberships.some((m) => editorRoles.includes(m.role));
        return (
          <>
            <p className="breadcrumb">
              <Link to="/workspace">← {t("workspace.title")}</Link>
            </p>
            <PageHeading>{heading(name)}</PageHeading>
            <OrganisationNav orgId={orgId} />
            {intro && <p>{intro}</p>}
            {canEdit && newItem ? (
              <p>
                <Link className="button" to={`/workspace/${orgId}/${newItem.path}`}>
                  {newItem.label}
                </Link>
              </p>
            ) : (
              !canEdit && <p>{t("workspace.readOnly")}</p>
            )}
            {children({ orgId, name, canEdit })}
          </>
        );
      }}
    </RequireSignIn>
  );
}
