import { type ImportValues, rowsByHeader } from "./columns.js";
import { fileError, importLimits } from "./limits.js";
import { readCsv } from "./read-csv.js";
import { readHsds } from "./read-hsds.js";
import { readXlsx } from "./read-xlsx.js";

// What kind of file an upload is, decided by its first bytes rather than its name or declared
// type (both are the sender's word): a zip archive is XLSX, `[` or `{` is HSDS JSON, an old
// binary .xls is refused with advice, anything else is read as CSV.

export type ImportFormat = "CSV" | "XLSX" | "HSDS";

export interface ReadFile {
  format: ImportFormat;
  rows: { line: number; values: ImportValues }[];
  /** Header cells that name no column of the template (their cells are not imported). */
  ignoredColumns: string[];
  /** The text encoding when it was not UTF-8. */
  encoding?: string;
}

export async function readOfferFile(bytes: Uint8Array): Promise<ReadFile> {
  if (bytes.length > importLimits.fileBytes) {
    throw fileError(
      "file_too_large",
      `The file is larger than ${importLimits.fileBytes / 1024 / 1024} MB`,
      `Fila er større enn ${importLimits.fileBytes / 1024 / 1024} MB`,
      `Fila er større enn ${importLimits.fileBytes / 1024 / 1024} MB`,
    );
  }
  if (bytes.length === 0) throw fileError("empty_file", "The file is empty", "Fila er tom", "Fila er tom");
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const sheet = await readXlsx(bytes);
    return { format: "XLSX", ...rowsByHeader(sheet.header, sheet.rows) };
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) {
    throw fileError(
      "old_xls",
      "Old Excel files (.xls) are not read; save the sheet as .xlsx or CSV",
      "Gamle Excel-filer (.xls) leses ikke; lagre arket som .xlsx eller CSV",
      "Gamle Excel-filer (.xls) blir ikkje lesne; lagre arket som .xlsx eller CSV",
    );
  }
  const start = new TextDecoder()
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (start.startsWith("[") || start.startsWith("{")) {
    return { format: "HSDS", rows: readHsds(bytes), ignoredColumns: [] };
  }
  const sheet = readCsv(bytes);
  return {
    format: "CSV",
    ...rowsByHeader(sheet.header, sheet.rows),
    ...(sheet.encoding ? { encoding: sheet.encoding } : {}),
  };
}
