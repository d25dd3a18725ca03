import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { currentLocale } from "../i18n/index.js";
import type { Trends } from "./queries.js";

// Offers and participation per month. Each chart is a figure whose caption says what it shows
// and sums it up in words; a button shows the same figures as a table, the text alternative
// for anyone who cannot read the chart. Series differ in shape (bars, solid and dashed lines)
// as well as colour.

const monthLabel = (iso: string, style: "short" | "long" = "short") =>
  new Intl.DateTimeFormat(currentLocale(), { month: style, year: "numeric", timeZone: "UTC" }).format(
    new Date(iso),
  );

export function TrendCharts({ trends }: { trends: Trends }) {
  const { t } = useTranslation();
  const ids = useId();
  const [table, setTable] = useState(false);
  const data = trends.months.map((m) => ({ ...m, label: monthLabel(m.month) }));
  const first = trends.months[0];
  const last = trends.months.at(-1);
  const published = trends.months.reduce((n, m) => n + m.offersPublished, 0);
  const reports = trends.months.reduce((n, m) => n + m.reports, 0);
  const reps = trends.months.reduce((n, m) => n + m.userRepresentatives, 0);
  const suppressed = t("overview.trends.suppressed");
  const offersSummary = t("overview.trends.offersSummary", {
    from: first ? monthLabel(first.month, "long") : "",
    to: last ? monthLabel(last.month, "long") : "",
    published,
    active: last?.offersActive ?? 0,
  });
  const participationSummary = t("overview.trends.participationSummary", {
    reports,
    participants: trends.participantsTotal ?? suppressed,
    reps,
  });

  return (
    <section aria-labelledby={`${ids}-heading`} className="overview-section">
      <h2 id={`${ids}-heading`}>{t("overview.trends.heading")}</h2>
      <button
        type="button"
        className="button button-secondary screen-only"
        aria-expanded={table}
        aria-controls={`${ids}-table`}
        onClick={() => setTable(!table)}
      >
        {table ? t("overview.trends.hideTable") : t("overview.trends.showTable")}
      </button>
      <div className="trend-charts">
        <figure className="trend-figure">
          <figcaption>
            <strong>{t("overview.trends.offersHeading")}</strong>
            <br />
            {offersSummary}
          </figcaption>
          <ResponsiveContainer width="100%" height={260}>
            <BarChart
              data={data}
              accessibilityLayer={false}
              role="img"
              aria-label={`${t("overview.trends.offersHeading")}. ${offersSummary}`}
            >
              <CartesianGrid strokeDasharray="3 3" stroke="#d0d4da" />
              <XAxis dataKey="label" tick={{ fill: "#1b1b1f", fontSize: 12 }} />
              <YAxis allowDecimals={false} tick={{ fill: "#1b1b1f", fontSize: 12 }} />
              <Tooltip />
              <Legend />
              <Bar dataKey="offersActive" name={t("overview.trends.active")} fill="#005b82" />
              <Bar
                dataKey="offersPublished"
                name={t("overview.trends.published")}
                fill="#ffffff"
                stroke="#8a5a00"
                strokeWidth={2}
              />
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <figure className="trend-figure">
          <figcaption>
            <strong>{t("overview.trends.participationHeading")}</strong>
            <br />
            {participationSummary}
          </figcaption>
          <ResponsiveContainer width="100%" height={260}>
            <LineChart
              data={data}
              accessibilityLayer={false}
              role="img"
              aria-label={`${t("overview.trends.participationHeading")}. ${participationSummary}`}
            >
              <CartesianGrid strokeDasharray="3 3" stroke="#d0d4da" />
              <XAxis dataKey="label" tick={{ fill: "#1b1b1f", fontSize: 12 }} />
              <YAxis allowDecimals={false} tick={{ fill: "#1b1b1f", fontSize: 12 }} />
              <Tooltip />
              <Legend />
              {/* Suppressed months are gaps in the line, never zeros. */}
              <Line
                dataKey="participants"
                name={t("overview.trends.participants")}
                stroke="#005b82"
                strokeWidth={3}
                connectNulls={false}
              />
              <Line
                dataKey="userRepresentatives"
                name={t("overview.trends.userRepresentatives")}
                stroke="#8a5a00"
                strokeWidth={2}
                strokeDasharray="6 4"
              />
            </LineChart>
          </ResponsiveContainer>
        </figure>
      </div>
      <p className="hint">{t("overview.trends.suppressedNote")}</p>
      <div id={`${ids}-table`} hidden={!table} className="matrix-scroll">
        <table className="data-table compact">
          <caption>{t("overview.trends.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("overview.trends.month")}</th>
              <th scope="col">{t("overview.trends.published")}</th>
              <th scope="col">{t("overview.trends.active")}</th>
              <th scope="col">{t("overview.trends.reports")}</th>
              <th scope="col">{t("overview.trends.participants")}</th>
              <th scope="col">{t("overview.trends.userRepresentatives")}</th>
            </tr>
          </thead>
          <tbody>
            {trends.months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthLabel(m.month, "long")}</th>
                <td>{m.offersPublished}</td>
                <td>{m.offersActive}</td>
                <td>{m.reports}</td>
                <td>{m.participants ?? suppressed}</td>
                <td>{m.userRepresentatives}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
