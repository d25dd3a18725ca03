import { DomainValidationError, fieldIssue } from "@samspill/domain";

// What an uploaded file may be. A hostile file (huge, a zip bomb, a million rows) is refused
// before it is parsed, so one upload can never take the hub's memory or time.

export const importLimits = {
  /** Bytes of the uploaded file (the gateway refuses a larger body before reading it). */
  fileBytes: 10 * 1024 * 1024,
  /** Data rows of one import (the header not counted). */
  rows: 20_000,
  /** Bytes of an XLSX file's parts once decompressed, all together. */
  xlsxUncompressedBytes: 60 * 1024 * 1024,
  /** Parts in an XLSX file (a real workbook has a few dozen). */
  xlsxEntries: 500,
  /** Columns in the header row. */
  columns: 200,
  /** Characters in one cell (an offer's description holds at most 20,000). */
  cellChars: 20_000,
} as const;

/** A file the import refuses as a whole; the field is always `file`. */
export function fileError(
  code: string,
  message: string,
  messageNb: string,
  messageNn: string,
): DomainValidationError {
  return new DomainValidationError([fieldIssue("file", code, message, messageNb, messageNn)]);
}

export const tooManyRows = () =>
  fileError(
    "too_many_rows",
    `The file has more than ${importLimits.rows.toLocaleString("en")} rows; split it into smaller files`,
    `Fila har mer enn ${importLimits.rows.toLocaleString("nb")} rader; del den opp i mindre filer`,
    `Fila har meir enn ${importLimits.rows.toLocaleString("nn")} rader; del ho opp i mindre filer`,
  );
