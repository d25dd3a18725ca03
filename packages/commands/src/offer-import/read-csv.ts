import { CsvError, parse } from "csv-parse/sync";
import { decodeText } from "./decode.js";
import { fileError, importLimits, tooManyRows } from "./limits.js";

// CSV through csv-parse (quoted fields, embedded line breaks, a BOM). Excel in Norway writes
// semicolons, others commas or tabs: the header line decides which.

export interface SheetRows {
  header: string[];
  rows: { line: number; cells: string[] }[];
  encoding?: string;
}

export function readCsv(bytes: Uint8Array): SheetRows {
  const { text, encoding } = decodeText(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [";", "\t", ","]
    .map((d) => ({ d, n: firstLine.split(d).length }))
    .sort((a, b) => b.n - a.n)[0]?.d;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      // Stop reading past the limit: a million-row file costs no more than one just over it.
      to: importLimits.rows + 2,
      max_record_size: importLimits.cellChars * 4,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw fileError(
      "bad_csv",
      `The file could not be read as CSV (${error.message})`,
      `Fila kunne ikke leses som CSV (${error.message})`,
      `Fila kunne ikkje lesast som CSV (${error.message})`,
    );
  }
  const [head, ...body] = records;
  if (!head)
    throw fileError("empty_file", "The file has no rows", "Fila har ingen rader", "Fila har ingen rader");
  if (body.length > importLimits.rows) throw tooManyRows();
  if (head.record.length > importLimits.columns)
    throw fileError(
      "too_many_columns",
      "The header has too many columns",
      "Overskriftsraden har for mange kolonner",
      "Overskriftsrada har for mange kolonnar",
    );
  return {
    header: head.record,
    rows: body.map(({ record, info }) => ({ line: info.lines, cells: record })),
    ...(encoding === "utf-8" ? {} : { encoding }),
  };
}
