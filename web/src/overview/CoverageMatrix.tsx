import { useTranslation } from "react-i18next";
import { downloadText, heatLevel, type MatrixModel, matrixCsv } from "./matrix.js";

// The coverage matrix as a heat map that is still a real table: column and row headers with
// scope, a caption, the count written in every cell (the colour only repeats it), and totals.
// Each colour level's text colour is chosen for at least 4.5:1 contrast (see overview.css).

interface Props {
  model: MatrixModel;
  /** File name of the CSV, without extension. */
  fileName: string;
  hint: string;
}

export function CoverageMatrix({ model, fileName, hint }: Props) {
  const { t } = useTranslation();
  const max = Math.max(0, ...model.rows.flatMap((r) => r.counts));
  const bands = legendBands(max);
  return (
    <>
      <div className="actions screen-only overview-export">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => downloadText(`${fileName}.csv`, matrixCsv(model), "text/csv;charset=utf-8")}
        >
          {t("overview.downloadCsv")}
        </button>
        <button type="button" className="button button-secondary" onClick={() => printMatrix()}>
          {t("overview.printPdf")}
        </button>
      </div>
      <p className="hint">{hint}</p>
      <div className="matrix-scroll">
        <table className="data-table heat-table">
          <caption>{model.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{model.corner}</th>
              {model.columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
              <th scope="col" className="total">
                {model.totalLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {model.rows.map((row) => (
              <tr key={row.header}>
                <th scope="row">{row.header}</th>
                {row.counts.map((count, i) => (
                  <td key={model.columns[i]} className={`heat heat-${heatLevel(count, max)}`}>
                    {count}
                  </td>
                ))}
                <td className="total">{row.total}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{model.totalLabel}</th>
              {model.totals.counts.map((count, i) => (
                <td key={model.columns[i]} className="total">
                  {count}
                </td>
              ))}
              <td className="total">{model.totals.total}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="heat-legend">
        <p id="heat-legend-title" className="facet-label">
          {t("overview.legend")}
        </p>
        <ul aria-labelledby="heat-legend-title">
          <li>
            <span className="heat heat-0 swatch">0</span> {t("overview.legendGap")}
          </li>
          {bands.map((b) => (
            <li key={b.level}>
              <span className={`heat heat-${b.level} swatch`}>{b.to}</span>{" "}
              {b.from === b.to
                ? t("overview.legendOne", { count: b.to })
                : t("overview.legendRange", { from: b.from, to: b.to })}
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}

/** Which counts each colour level covers, for the legend (levels with no whole count are left out). */
function legendBands(max: number) {
  const bands: { level: number; from: number; to: number }[] = [];
  let from = 1;
  for (let level = 1; level <= 4 && from <= max; level++) {
    let to = from;
    while (to + 1 <= max && heatLevel(to + 1, max) === level) to++;
    if (heatLevel(from, max) === level) {
      bands.push({ level, from, to });
      from = to + 1;
    }
  }
  return bands;
}

/**
 * Print (or save as PDF, which every current browser offers in its print dialog) the matrix
 * alone: the print stylesheet hides the rest of the page while the body has this class.
 */
function printMatrix() {
  document.body.classList.add("print-matrix");
  const done = () => {
    document.body.classList.remove("print-matrix");
    window.removeEventListener("afterprint", done);
  };
  window.addEventListener("afterprint", done);
  window.print();
}
