import type {
  AudienceClass,
  CrossDimension,
  DiagnosisGroup,
  OfferFormat,
  PriorityGroup,
} from "@samspill/domain";
import type { CrossedGap, NearestOffer } from "@samspill/read-model";
import { stringify } from "csv-stringify/sync";
import { neutraliseFormula } from "./csv.js";
import { diagnosisGroupLabels, languageName, offerFormatLabels, priorityGroupLabels } from "./labels.js";

// The crossed overview's gaps as CSV, in the conventions of the catalogue's CSV (csv.ts: `;`,
// BOM, CRLF, formula cells neutralised). Offer counts only: no person appears in the file.

export const crossedGapsCsvColumns = [
  "Rader",
  "Radverdi",
  "Rad",
  "Kolonner",
  "Kolonneverdi",
  "Kolonne",
  "Tilbud",
  "Nærmeste tilbud",
  "Lenker til nærmeste tilbud",
] as const;

const dimensionLabels: Record<CrossDimension, string> = {
  PRIORITY_GROUP: "Prioritert gruppe",
  MUNICIPALITY: "Kommune",
  HOSPITAL_TRUST: "Helseforetak",
  DIAGNOSIS_GROUP: "Diagnosegruppe",
  FORMAT: "Format",
  LANGUAGE: "Språk",
  AUDIENCE: "Målgruppe",
};

const audienceClassLabels: Record<AudienceClass, string> = {
  PATIENT: "Pasienter",
  RELATIVE: "Pårørende",
  BOTH: "Pasienter og pårørende",
};

/** A value's bokmål label: names of places come with the value, vocabularies are looked up. */
function labelOf(d: CrossDimension, value: string, label: string): string {
  switch (d) {
    case "PRIORITY_GROUP":
      return priorityGroupLabels[value as PriorityGroup] ?? value;
    case "DIAGNOSIS_GROUP":
      return diagnosisGroupLabels[value as DiagnosisGroup] ?? value;
    case "FORMAT":
      return offerFormatLabels[value as OfferFormat] ?? value;
    case "LANGUAGE":
      return languageName(value);
    case "AUDIENCE":
      return audienceClassLabels[value as AudienceClass] ?? value;
    case "MUNICIPALITY":
    case "HOSPITAL_TRUST":
      return label;
  }
}

export interface GapWithNearest extends CrossedGap {
  nearest: NearestOffer[];
}

/** `offerUrl` gives an offer's public page (the web app's /offers/<id>). */
export function crossedGapsToCsv(
  rows: CrossDimension,
  columns: CrossDimension,
  gaps: GapWithNearest[],
  offerUrl: (id: string) => string,
): string {
  const records = gaps.map((g) => [
    dimensionLabels[rows],
    g.row.value,
    labelOf(rows, g.row.value, g.row.label),
    dimensionLabels[columns],
    g.column.value,
    labelOf(columns, g.column.value, g.column.label),
    String(g.offerCount),
    g.nearest
      .map(
        (n) =>
          `${n.offer.title} (${n.offer.providerName}; annen ${dimensionLabels[n.differsIn].toLowerCase()})`,
      )
      .join(" | "),
    g.nearest.map((n) => offerUrl(n.offer.id)).join(" "),
  ]);
  return stringify(
    records.map((r) => r.map(neutraliseFormula)),
    {
      bom: true,
      delimiter: ";",
      record_delimiter: "windows",
      header: true,
      columns: [...crossedGapsCsvColumns],
    },
  );
}
