import { useId } from "react";

interface SelectFieldProps {
  /** The select's id; `field-<name>` where an error summary links to it. */
  id: string;
  label: string;
  /** A line under the label that explains the choice. */
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  /** A first option with the empty value, e.g. "No particular unit". */
  emptyLabel?: string;
  errors?: string[] | undefined;
  /** For a select whose purpose the text next to it already shows (the label stays for screen readers). */
  hideLabel?: boolean;
  disabled?: boolean;
}

/** A labelled <select> with its field-level errors tied to it. */
export function SelectField({
  id,
  label,
  hint,
  value,
  onChange,
  options,
  emptyLabel,
  errors,
  hideLabel,
  disabled,
}: SelectFieldProps) {
  const base = useId();
  const errorId = errors?.length ? `${base}-error` : undefined;
  const hintId = hint ? `${base}-hint` : undefined;
  return (
    <div className={`field${errorId ? " has-error" : ""}`}>
      <label htmlFor={id} className={hideLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="field-error">
          {errors?.join(" ")}
        </p>
      )}
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
