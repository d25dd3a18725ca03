// Compiled with the automatic JSX runtime however the file is loaded (tsx from the repo root
// finds no tsconfig with "jsx" and would fall back to React.createElement).
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { colors } from "./layout.js";

const cell = {
  fontSize: "13px",
  padding: "4px 8px",
  borderBottom: `1px solid ${colors.line}`,
  textAlign: "left" as const,
};
const numberCell = { ...cell, textAlign: "right" as const, whiteSpace: "nowrap" as const };

/** A table of figures: a header row and rows of a label followed by values. */
export function FigureTable({
  head,
  rows,
}: {
  head: string[];
  rows: { id?: string; label: string; values: string[] }[];
}) {
  return (
    <table
      cellPadding={0}
      cellSpacing={0}
      style={{ borderCollapse: "collapse", width: "100%", margin: "0 0 12px" }}
    >
      <thead>
        <tr>
          {head.map((h, i) => (
            <th
              key={h}
              style={{ ...(i === 0 ? cell : numberCell), color: colors.muted, fontWeight: "normal" }}
            >
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id ?? r.label}>
            <td style={cell}>{r.label}</td>
            {r.values.map((v, i) => (
              <td key={`${head[i + 1] ?? i}`} style={numberCell}>
                {v}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
