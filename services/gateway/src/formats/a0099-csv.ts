import { stringify } from "csv-stringify/sync";
import type { A0099Activity } from "../indicators/a0099.js";
import { neutraliseFormula } from "./csv.js";
import { diagnosisGroupLabels } from "./labels.js";

// The A0099 activity as CSV, in the conventions of the catalogue's CSV (csv.ts: `;`, BOM, CRLF,
// formula cells neutralised). A hidden count is an empty cell; the last row is the total, and
// a comment-free header names the indicator, so a file read on its own says what it counts.

export const a0099CsvColumns = [
  "Indikator",
  "Periode",
  "Helseforetak",
  "Organisasjonsnummer",
  "Enhet",
  "Diagnosegruppe",
  "Aktiviteter (gjennomførte kurs)",
  "Pasienter",
  "Pårørende",
  "Deltakere",
] as const;

const count = (v: number | null) => (v === null ? "" : String(v));

export function a0099ToCsv(activity: A0099Activity): string {
  const rows = activity.rows.map((r) => [
    "A0099",
    activity.period,
    r.hospitalTrustName,
    r.orgNumber ?? "",
    r.unitName ?? "",
    r.diagnosisGroup ? diagnosisGroupLabels[r.diagnosisGroup] : "",
    String(r.activities),
    count(r.patients),
    count(r.relatives),
    count(r.participants),
  ]);
  const t = activity.total;
  rows.push([
    "A0099",
    activity.period,
    "Totalt",
    "",
    "",
    "",
    String(t.activities),
    count(t.patients),
    count(t.relatives),
    count(t.participants),
  ]);
  return stringify(
    rows.map((r) => r.map(neutraliseFormula)),
    { bom: true, delimiter: ";", record_delimiter: "windows", header: true, columns: [...a0099CsvColumns] },
  );
}
