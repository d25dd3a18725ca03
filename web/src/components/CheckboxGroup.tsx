import { useId } from "react";

export interface Option<T extends string = string> {
  value: T;
  label: string;
}

interface CheckboxGroupProps<T extends string> {
  legend: string;
  options: readonly Option<T>[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
  hint?: string;
  error?: string;
  /** Id of the fieldset, so an error summary can link to it. */
  id?: string;
  className?: string;
}

/** A fieldset of checkboxes with a legend; a hint and an error are tied to it for screen readers. */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  selected,
  onChange,
  hint,
  error,
  id,
  className,
}: CheckboxGroupProps<T>) {
  const base = useId();
  const hintId = hint ? `${base}-hint` : undefined;
  const errorId = error ? `${base}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const toggle = (value: T, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset
      id={id}
      className={["checkbox-group", className, error ? "has-error" : ""].filter(Boolean).join(" ")}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      tabIndex={error ? -1 : undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <ul>
        {options.map((option) => {
          const inputId = `${base}-${option.value}`;
          return (
            <li key={option.value}>
              <input
                type="checkbox"
                id={inputId}
                value={option.value}
                checked={selected.includes(option.value)}
                onChange={(event) => toggle(option.value, event.currentTarget.checked)}
              />
              <label htmlFor={inputId}>{option.label}</label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
