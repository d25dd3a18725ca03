import { useTranslation } from "react-i18next";
import type { CrossedOverviewData } from "./queries.js";
import type { CrossDimension } from "./state.js";
import { useValueLabel } from "./value-label.js";

// The crossed table: a row per value of one dimension, a column per value of the other, each
// cell the number of published offers. Every value has its place, zero or not, so a language the
// region must serve (South Sami) shows at zero where nobody offers it. A cell at zero is marked
// by the joint overview's gap colour and by its number; colour never carries meaning alone.

export function CrossedTable({ overview, caption }: { overview: CrossedOverviewData; caption: string }) {
  const { t } = useTranslation();
  const label = useValueLabel();
  const rows = overview.rowDimension as CrossDimension;
  const columns = overview.columnDimension as CrossDimension;
  return (
    <div className="matrix-scroll">
      <p className="hint">{t("crossed.captionHint")}</p>
      <table className="data-table heat-table" id="crossed-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`crossed.dimensions.${rows}`)}</th>
            {overview.columns.map((c) => (
              <th key={c.value} scope="col" data-value={c.value}>
                {label(columns, c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {overview.rows.map((r) => (
            <tr key={r.value}>
              <th scope="row">{label(rows, r)}</th>
              {r.counts.map((n, i) => {
                const column = overview.columns[i];
                return (
                  <td
                    key={column?.value ?? i}
                    className={n === 0 ? "heat-0" : undefined}
                    data-value={column?.value}
                  >
                    {n}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
