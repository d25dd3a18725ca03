import { type GridPeriod, type PeriodKind, periodKinds } from "@samspill/domain";
import { useTranslation } from "react-i18next";
import { SelectField } from "../components/SelectField.js";
import { currentLocale } from "../i18n/index.js";

// The trends' period: a year, and within it the whole year, a half-year, a quarter or a month.
// The server publishes figures only for these periods of the grid (never a window of the
// reader's own), so that overlapping windows cannot be subtracted to recover a small count.

const YEARS_BACK = 5;
const count: Record<PeriodKind, number> = { YEAR: 1, HALF_YEAR: 2, QUARTER: 4, MONTH: 12 };

/** The current year, whole: the trends' first view. */
export const defaultTrendPeriod = (now = new Date()): GridPeriod => ({
  kind: "YEAR",
  year: now.getUTCFullYear(),
  index: 1,
});

export function TrendPeriodPicker({
  period,
  onChange,
}: {
  period: GridPeriod;
  onChange: (period: GridPeriod) => void;
}) {
  const { t } = useTranslation();
  const thisYear = new Date().getUTCFullYear();
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => String(thisYear - i));
  const monthName = (m: number) =>
    new Intl.DateTimeFormat(currentLocale(), { month: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(2000, m - 1, 1)),
    );
  const indexLabel = (kind: PeriodKind, i: number) =>
    kind === "MONTH" ? monthName(i) : t(`overview.trends.periodIndex.${kind}`, { index: i });
  return (
    <fieldset className="trend-period screen-only">
      <legend>{t("overview.trends.period")}</legend>
      <SelectField
        id="trend-year"
        label={t("overview.trends.year")}
        value={String(period.year)}
        onChange={(year) => onChange({ ...period, year: Number(year) })}
        options={years.map((y) => ({ value: y, label: y }))}
      />
      <SelectField
        id="trend-kind"
        label={t("overview.trends.periodKind")}
        value={period.kind}
        onChange={(kind) => onChange({ kind: kind as PeriodKind, year: period.year, index: 1 })}
        options={periodKinds.map((k) => ({ value: k, label: t(`overview.trends.periodKinds.${k}`) }))}
      />
      {period.kind !== "YEAR" && (
        <SelectField
          id="trend-index"
          label={t(`overview.trends.periodKinds.${period.kind}`)}
          value={String(period.index)}
          onChange={(index) => onChange({ ...period, index: Number(index) })}
          options={Array.from({ length: count[period.kind] }, (_, i) => ({
            value: String(i + 1),
            label: indexLabel(period.kind, i + 1),
          }))}
        />
      )}
    </fieldset>
  );
}
