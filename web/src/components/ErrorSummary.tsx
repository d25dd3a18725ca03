import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "../shared/mutations.js";

/**
 * The list of a form's errors at its top, each linking to its field (GOV.UK pattern): it takes
 * focus when it appears, so keyboard and screen-reader users learn at once that saving failed.
 */
export function ErrorSummary({ errors, labels }: { errors: FieldErrors; labels: Record<string, string> }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const count = entries.reduce((n, [, list]) => n + list.length, 0);
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count]);
  if (count === 0) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t("offerForm.errorSummary", { count })}</h2>
      <ul>
        {entries.flatMap(([field, messages]) =>
          messages.map((message) => (
            <li key={`${field}:${message}`}>
              {field ? (
                <a href={`#field-${field}`}>
                  {labels[field] ?? field}: {message}
                </a>
              ) : (
                message
              )}
            </li>
          )),
        )}
      </ul>
    </div>
  );
}
