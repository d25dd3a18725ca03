import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { signInHref } from "../auth/session.js";
import { PageHeading } from "../components/PageHeading.js";
import { QueryStatus } from "../components/Status.js";
import { formatDateTime } from "../format.js";
import { enumLabel } from "../i18n/labels.js";
import { InvitationQuery } from "./queries.js";

/**
 * Where an invitation mail's link leads. An open invitation offers the sign-in that accepts it
 * (the gateway binds the signer in its callback); an expired, used, revoked or unknown one says
 * so and whom to ask, as does a sign-in the gateway sent back here (`?problem=email-taken`).
 */
export function InvitationPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const [search] = useSearchParams();
  const [{ data, fetching, error }] = useQuery({
    query: InvitationQuery,
    variables: { token },
    requestPolicy: "network-only",
  });
  const invitation = data?.invitation;
  const organisation = invitation?.organisationName ?? "";

  if (!invitation) {
    return (
      <>
        <PageHeading>{t("invitationPage.title")}</PageHeading>
        <QueryStatus fetching={fetching} error={error} />
      </>
    );
  }
  if (search.get("problem") === "email-taken" && invitation.state === "OPEN")
    return <Problem title={t("invitationPage.emailTaken")} body={t("invitationPage.emailTakenBody")} />;
  switch (invitation.state) {
    case "OPEN": {
      // Admins land on their organisation's page; everyone else in the workspace.
      const returnTo =
        invitation.role === "ADMIN"
          ? `/admin/organisations/${invitation.organisationId}`
          : `/workspace/${invitation.organisationId}`;
      return (
        <>
          <PageHeading>{t("invitationPage.title")}</PageHeading>
          <p className="lead">
            {t("invitationPage.open", {
              organisation,
              role: enumLabel(t, "role", invitation.role ?? "VIEWER"),
            })}
          </p>
          <p>{t("invitationPage.openHow")}</p>
          {invitation.expiresAt && (
            <p>{t("invitationPage.expiresAt", { date: formatDateTime(invitation.expiresAt) })}</p>
          )}
          <p>
            <a className="button" href={`${signInHref(returnTo)}&invitation=${encodeURIComponent(token)}`}>
              {t("invitationPage.accept")}
            </a>
          </p>
        </>
      );
    }
    case "EXPIRED":
      return (
        <Problem
          title={t("invitationPage.expired")}
          body={t("invitationPage.expiredBody", { organisation })}
        />
      );
    case "ACCEPTED":
      return <Problem title={t("invitationPage.used")} body={t("invitationPage.usedBody")} signIn />;
    case "REVOKED":
      return (
        <Problem
          title={t("invitationPage.revoked")}
          body={t("invitationPage.revokedBody", { organisation })}
        />
      );
    default:
      return <Problem title={t("invitationPage.unknown")} body={t("invitationPage.unknownBody")} />;
  }
}

function Problem({ title, body, signIn }: { title: string; body: string; signIn?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{body}</p>
      {signIn && (
        <p>
          <a className="button" href={signInHref("/workspace")}>
            {t("invitationPage.signIn")}
          </a>
        </p>
      )}
    </>
  );
}
