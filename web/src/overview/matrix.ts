import type { Overview } from "./queries.js";

// The coverage matrix as the page shows it, in one shape for the table, the CSV and the print
// view: headed columns, one row per municipality, the totals row. Everything the reader sees
// in a cell is also in the file.

export interface MatrixModel {
  caption: string;
  corner: string;
  columns: string[];
  totalLabel: string;
  rows: { header: string; counts: number[]; total: number }[];
  totals: { counts: number[]; total: number };
}

export function matrixModel(
  overview: Overview,
  labels: { caption: string; corner: string; total: string; column: (value: string) => string },
): MatrixModel {
  return {
    caption: labels.caption,
    corner: labels.corner,
    columns: overview.values.map(labels.column),
    totalLabel: labels.total,
    rows: overview.rows.map((r) => ({
      header: `${r.municipalityName} (${r.municipalityNumber})`,
      counts: r.cells.map((c) => c.offerCount),
      total: r.total.offerCount,
    })),
    totals: { counts: overview.totals.map((c) => c.offerCount), total: overview.total.offerCount },
  };
}

/** Heat level 0–4 of a count: 0 is a gap; 1–4 split the largest count in the matrix in quarters. */
export function heatLevel(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || max <= 0) return 0;
  const share = count / max;
  if (share > 0.75) return 4;
  if (share > 0.5) return 3;
  if (share > 0.25) return 2;
  return 1;
}

// Spreadsheet conventions as the gateway's catalogue export (services/gateway/src/formats/csv.ts):
// `;` between fields (Norwegian Excel's list separator), CRLF, a UTF-8 byte order mark for æøå,
// and a leading apostrophe on text a spreadsheet would run as a formula.
const formulaStart = /^[=+\-@\t\r]/;

function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && formulaStart.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function matrixCsv(model: MatrixModel): string {
  const lines = [
    [model.corner, ...model.columns, model.totalLabel],
    ...model.rows.map((r) => [r.header, ...r.counts, r.total]),
    [model.totalLabel, ...model.totals.counts, model.totals.total],
  ];
  return `\uFEFF${lines.map((line) => line.map(csvField).join(";")).join("\r\n")}\r\n`;
}

/** Offers the text as a file download, without a round trip to the gateway. */
export function downloadText(filename: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
