import { stringify } from "csv-stringify/sync";
import {
  audienceLabels,
  diagnosisScopeLabels,
  labelsOf,
  languageName,
  offerFormatLabels,
  offerKindLabels,
  offerStatusLabels,
  priorityGroupLabels,
} from "./labels.js";
import { nextSession, offerContact } from "./offer-facts.js";
import { osloTime } from "./oslo-time.js";
import type { OfferForExport } from "./types.js";

// Catalogue search results → CSV for spreadsheets. RFC 4180 quoting and CRLF line ends, but:
// - `;` between fields by default: Norwegian Excel uses the decimal comma, so its list separator
//   is `;` and a double-clicked file with commas lands in one column. Pass `,` for strict RFC 4180.
// - a UTF-8 byte order mark, without which Excel reads the file as Windows-1252 and mangles æøå.
// - cells that a spreadsheet would run as a formula get a leading apostrophe (OWASP CSV injection).

export const offerCsvColumns = [
  { key: "id", header: "ID" },
  { key: "title", header: "Tittel" },
  { key: "provider", header: "Tilbyder" },
  { key: "kind", header: "Type" },
  { key: "diagnosisScope", header: "Diagnoseomfang" },
  { key: "diagnosisCodes", header: "Diagnosekoder (ICD-10)" },
  { key: "priorityGroups", header: "Prioriterte grupper" },
  { key: "audiences", header: "Målgrupper" },
  { key: "format", header: "Format" },
  { key: "languages", header: "Språk" },
  { key: "municipalities", header: "Kommuner" },
  { key: "status", header: "Status" },
  { key: "nextSession", header: "Neste samling" },
  { key: "contact", header: "Kontakt" },
] as const;

export type OfferCsvColumn = (typeof offerCsvColumns)[number]["key"];

export interface CsvOptions {
  delimiter?: ";" | ",";
  /** Decides which session is "next". Defaults to now. */
  now?: Date;
}

export function offersToCsv(offers: readonly OfferForExport[], options: CsvOptions = {}): string {
  const now = options.now ?? new Date();
  const rows = offers.map((offer) => {
    const row = offerCsvRow(offer, now);
    return offerCsvColumns.map(({ key }) => neutraliseFormula(row[key]));
  });
  return stringify(rows, {
    bom: true,
    delimiter: options.delimiter ?? ";",
    record_delimiter: "windows",
    header: true,
    columns: offerCsvColumns.map(({ header }) => header),
  });
}

export function offerCsvRow(offer: OfferForExport, now: Date): Record<OfferCsvColumn, string> {
  const next = nextSession(offer, now);
  const contact = offerContact(offer);
  return {
    id: offer.id,
    title: offer.title,
    provider: offer.provider.name,
    kind: offerKindLabels[offer.kind],
    diagnosisScope: diagnosisScopeLabels[offer.diagnosisScope],
    diagnosisCodes: offer.diagnosisCodes.join(", "),
    priorityGroups: labelsOf(priorityGroupLabels, offer.priorityGroups).join(", "),
    audiences: labelsOf(audienceLabels, offer.audiences).join(", "),
    format: offerFormatLabels[offer.format],
    languages: offer.languages.map(languageName).join(", "),
    municipalities: offer.municipalities.map(({ municipality: m }) => `${m.name} (${m.number})`).join(", "),
    status: offerStatusLabels[offer.status],
    nextSession: next ? `${osloTime(next.startsAt).date} ${osloTime(next.startsAt).time}` : "",
    contact: [contact.name, contact.email, contact.phone].filter(Boolean).join(", "),
  };
}

/** Excel, LibreOffice and Sheets evaluate a cell that starts with = + - @ (or tab, CR). */
export function neutraliseFormula(cell: string): string {
  return /^[\t\r]|^\s*[=+\-@]/.test(cell) ? `'${cell}` : cell;
}
