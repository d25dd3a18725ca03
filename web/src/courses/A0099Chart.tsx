import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { enumLabel } from "../i18n/labels.js";
import type { A0099 } from "./a0099-queries.js";

// Activities (course runs held) per hospital trust, stacked by diagnosis group: recharts, the
// chart library the overview already uses. Activities are not people, so nothing is hidden; the
// table on the page is the chart's text alternative, and the caption sums it up in words.

const palette = ["#005b82", "#8a5a00", "#2f6f3e", "#7a2e8c", "#b3261e", "#3d4f63", "#006d6f", "#6b4f00"];

export function A0099Chart({ activity }: { activity: A0099 }) {
  const { t } = useTranslation();
  const none = t("courses.a0099.noGroup");
  const groupOf = (g: string | null) => (g ? enumLabel(t, "diagnosisGroup", g) : none);
  const groups = [...new Set(activity.rows.map((r) => groupOf(r.diagnosisGroup)))];
  const trusts = new Map<string, Record<string, number | string>>();
  for (const r of activity.rows) {
    const entry = trusts.get(r.hospitalTrust.id) ?? { trust: r.hospitalTrust.name };
    const g = groupOf(r.diagnosisGroup);
    entry[g] = Number(entry[g] ?? 0) + r.activities;
    trusts.set(r.hospitalTrust.id, entry);
  }
  const summary = t("courses.a0099.chartSummary", {
    count: activity.total.activities,
    trusts: trusts.size,
    period: activity.period,
  });
  return (
    <figure className="trend-figure">
      <figcaption>
        <strong>{t("courses.a0099.chartHeading")}</strong>
        <br />
        {summary}
      </figcaption>
      <ResponsiveContainer width="100%" height={300}>
        <BarChart
          data={[...trusts.values()]}
          accessibilityLayer={false}
          role="img"
          aria-label={`${t("courses.a0099.chartHeading")}. ${summary}`}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#d0d4da" />
          <XAxis dataKey="trust" tick={{ fill: "#1b1b1f", fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fill: "#1b1b1f", fontSize: 12 }} />
          <Tooltip />
          <Legend />
          {groups.map((g, i) => (
            <Bar key={g} dataKey={g} stackId="groups" fill={palette[i % palette.length]} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
