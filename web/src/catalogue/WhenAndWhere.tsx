import { timesOfDay, weekdays } from "@samspill/domain";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxGroup } from "../components/CheckboxGroup.js";
import { type CatalogueFilters, distances } from "./filters.js";

// Filters by when sessions are (weekday, part of the day) and by distance from a place.

type Counts = Record<string, number>;

interface WhenAndWhereProps {
  filters: CatalogueFilters;
  onChange: (next: CatalogueFilters) => void;
  days: Counts | undefined;
  times: Counts | undefined;
  /** A label with the offers it would leave, when the counts have arrived. */
  counted: (label: string, count: number | undefined) => string;
}

export function WhenAndWhere({ filters, onChange, days, times, counted }: WhenAndWhereProps) {
  const { t } = useTranslation();
  return (
    <>
      <CheckboxGroup
        legend={t("catalogue.dayOfWeek")}
        hint={t("catalogue.upcomingHint")}
        options={weekdays.map((d) => ({
          value: d,
          label: counted(t(`catalogue.weekdays.${d}`), days?.[d] ?? (days ? 0 : undefined)),
        }))}
        selected={filters.day}
        onChange={(day) => onChange({ ...filters, day })}
      />
      <CheckboxGroup
        legend={t("catalogue.timeOfDay")}
        options={timesOfDay.map((p) => ({
          value: p,
          label: counted(t(`catalogue.times.${p}`), times?.[p] ?? (times ? 0 : undefined)),
        }))}
        selected={filters.time}
        onChange={(time) => onChange({ ...filters, time })}
      />
      <NearPlace key={filters.near} filters={filters} onChange={onChange} />
    </>
  );
}

function NearPlace({ filters, onChange }: Pick<WhenAndWhereProps, "filters" | "onChange">) {
  const { t } = useTranslation();
  const id = useId();
  const [place, setPlace] = useState(filters.near);
  return (
    <fieldset className="near-place">
      <legend>{t("catalogue.near")}</legend>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ ...filters, near: place.trim() });
        }}
      >
        <label htmlFor={`${id}-place`}>{t("catalogue.nearPlace")}</label>
        <p id={`${id}-hint`} className="hint">
          {t("catalogue.nearHint")}
        </p>
        <div className="inline-field">
          <input
            id={`${id}-place`}
            type="text"
            maxLength={100}
            value={place}
            aria-describedby={`${id}-hint`}
            onChange={(e) => setPlace(e.target.value)}
          />
          <button type="submit" className="button button-secondary">
            {t("catalogue.apply")}
          </button>
        </div>
      </form>
      <label htmlFor={`${id}-within`}>{t("catalogue.within")}</label>
      <select
        id={`${id}-within`}
        value={filters.within}
        disabled={!filters.near}
        onChange={(e) => onChange({ ...filters, within: e.target.value })}
      >
        <option value="">{t("catalogue.anyDistance")}</option>
        {distances.map((km) => (
          <option key={km} value={km}>
            {t("catalogue.km", { km })}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
