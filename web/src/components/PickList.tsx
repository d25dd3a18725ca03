import { useId, useState } from "react";

export interface PickOption {
  value: string;
  label: string;
}

interface PickListProps {
  legend: string;
  filterLabel: string;
  options: readonly PickOption[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  /** Shown under the legend, e.g. how many are chosen. */
  summary?: string;
  error?: string;
  id?: string;
}

/**
 * Many choices (municipalities, organisations) as a checkbox list with a name filter: keyboard- and screen-reader-friendly
 * where a multiple <select> is not. Chosen ones stay listed whatever the filter, so they can be
 * unticked.
 */
export function PickList({
  legend,
  filterLabel,
  options,
  selected,
  onChange,
  summary,
  error,
  id,
}: PickListProps) {
  const [query, setQuery] = useState("");
  const base = useId();
  const needle = query.trim().toLocaleLowerCase("nb");
  const sorted = [...options].sort((a, b) => a.label.localeCompare(b.label, "nb"));
  const shown = sorted.filter(
    (o) => selected.includes(o.value) || !needle || o.label.toLocaleLowerCase("nb").includes(needle),
  );
  const errorId = error ? `${base}-error` : undefined;
  return (
    <fieldset
      id={id}
      className={`checkbox-group municipality-picker${error ? " has-error" : ""}`}
      aria-describedby={errorId}
      aria-invalid={error ? true : undefined}
      tabIndex={error ? -1 : undefined}
    >
      <legend>{legend}</legend>
      {summary && (
        <p className="hint" aria-live="polite">
          {summary}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <label htmlFor={`${base}-filter`} className="hint">
        {filterLabel}
      </label>
      <input id={`${base}-filter`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      <ul className="scroll-list">
        {shown.map((o) => {
          const inputId = `${base}-${o.value}`;
          return (
            <li key={o.value}>
              <input
                type="checkbox"
                id={inputId}
                checked={selected.includes(o.value)}
                onChange={(e) =>
                  onChange(
                    e.currentTarget.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value),
                  )
                }
              />
              <label htmlFor={inputId}>{o.label}</label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
