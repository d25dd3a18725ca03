import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { type Me, signInHref, useSession } from "../auth/session.js";
import { PageHeading } from "../components/PageHeading.js";

/** Renders its children for a signed-in person; otherwise a page that offers to sign in. */
export function RequireSignIn({ title, children }: { title: string; children: (me: Me) => ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.status === "signedIn") return children(session.me);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {session.status === "loading" ? (
        <p role="status">{t("app.loading")}</p>
      ) : (
        <>
          <p>{t("auth.signInRequired")}</p>
          <p>
            <a className="button" href={signInHref(location.pathname + location.search)}>
              {t("auth.signIn")}
            </a>
          </p>
        </>
      )}
    </>
  );
}
