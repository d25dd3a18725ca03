import { useId } from "react";
import type { Option } from "./CheckboxGroup.js";

/** One choice out of a few, as radio buttons in a fieldset with a legend. */
export function RadioGroup<T extends string>({
  id,
  legend,
  options,
  value,
  onChange,
}: {
  id?: string;
  legend: string;
  options: readonly Option<T>[];
  value: T;
  onChange: (value: T) => void;
}) {
  const base = useId();
  return (
    <fieldset id={id} className="radio-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <div key={option.value}>
          <input
            type="radio"
            id={`${base}-${option.value}`}
            name={base}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <label htmlFor={`${base}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
