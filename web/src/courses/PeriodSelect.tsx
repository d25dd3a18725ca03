import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { SelectField } from "../components/SelectField.js";

// A period of the fixed grid (figures are published for these only): the last five years, and
// each year's halves and quarters.

export function gridOptions(t: TFunction, now = new Date()) {
  const out: { value: string; label: string }[] = [];
  for (let year = now.getFullYear(); year > now.getFullYear() - 5; year--) {
    out.push({ value: String(year), label: String(year) });
    for (const h of [1, 2])
      out.push({ value: `${year}-H${h}`, label: t("courses.period.half", { year, n: h }) });
    for (const q of [1, 2, 3, 4])
      out.push({ value: `${year}-Q${q}`, label: t("courses.period.quarter", { year, n: q }) });
  }
  return out;
}

export function PeriodSelect({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const options = gridOptions(t);
  if (!options.some((o) => o.value === value)) options.unshift({ value, label: value });
  return (
    <SelectField
      id="period"
      label={t("courses.period.label")}
      value={value}
      options={options}
      onChange={onChange}
    />
  );
}
