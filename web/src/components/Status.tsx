import { useTranslation } from "react-i18next";
import type { CombinedError } from "urql";

/** Loading and error lines for a query, announced politely / assertively. */
export function QueryStatus({ fetching, error }: { fetching: boolean; error?: CombinedError | undefined }) {
  const { t } = useTranslation();
  if (error)
    return (
      <p role="alert" className="error">
        {t("app.error", { message: error.message })}
      </p>
    );
  if (fetching)
    return (
      <p className="muted" role="status">
        {t("app.loading")}
      </p>
    );
  return null;
}
