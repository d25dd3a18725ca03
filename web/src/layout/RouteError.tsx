import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";

// Shown instead of the whole layout when a page throws while rendering: one plain page with a
// way back, rather than a blank screen.
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <main id="main">
      <h1>{t("app.error", { message })}</h1>
      <p>
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </main>
  );
}
