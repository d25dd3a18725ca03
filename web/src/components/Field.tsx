import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";

interface FieldProps {
  /** Input name; the element's id is `field-<name>` so an error summary can link to it. */
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "email" | "tel" | "url" | "date" | "datetime-local" | "number";
  multiline?: boolean;
  required?: boolean;
  hint?: string;
  errors?: string[] | undefined;
  autoComplete?: string;
  min?: number;
  /** Prefix for the id when the same field name appears twice on a page. */
  idPrefix?: string;
}

/** A labelled input or textarea with its hint and field-level errors tied to it. */
export function Field({
  name,
  label,
  value,
  onChange,
  type = "text",
  multiline,
  required,
  hint,
  errors,
  autoComplete,
  min,
  idPrefix = "field",
}: FieldProps) {
  const { t } = useTranslation();
  const base = useId();
  const id = `${idPrefix}-${name}`;
  const hintId = hint ? `${base}-hint` : undefined;
  const errorId = errors?.length ? `${base}-error` : undefined;
  const common = {
    id,
    name,
    value,
    required,
    "aria-invalid": errorId ? true : undefined,
    "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
  } as const;
  return (
    <div className={`field${errorId ? " has-error" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="required"> {t("offerForm.requiredMark")}</span>}
      </label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {errorId && <ErrorLines id={errorId} errors={errors ?? []} />}
      {multiline ? (
        <textarea {...common} rows={5} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          min={min}
          autoComplete={autoComplete}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}

export function ErrorLines({ id, errors }: { id: string; errors: string[] }): ReactNode {
  return (
    <p id={id} className="field-error">
      {errors.join(" ")}
    </p>
  );
}
