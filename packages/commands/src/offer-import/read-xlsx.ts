import { readSheet } from "read-excel-file/node";
import { fileError, importLimits, tooManyRows } from "./limits.js";
import type { SheetRows } from "./read-csv.js";
import { assertSafeWorkbook, notWorkbook } from "./zip-guard.js";

// The first worksheet of an XLSX workbook, through read-excel-file. Only cell values are read,
// never formulas: a formula cell gives the value Excel last computed for it.

export async function readXlsx(bytes: Uint8Array): Promise<SheetRows> {
  assertSafeWorkbook(bytes);
  let data: unknown[][];
  try {
    data = (await readSheet(Buffer.from(bytes), { trim: false })) as unknown[][];
  } catch {
    throw notWorkbook();
  }
  const [head, ...body] = data;
  if (!head)
    throw fileError("empty_file", "The file has no rows", "Fila har ingen rader", "Fila har ingen rader");
  if (body.length > importLimits.rows) throw tooManyRows();
  return {
    header: head.map(cellText),
    // Spreadsheet line numbers: the header is line 1. Blank rows are dropped later, lines kept.
    rows: body.map((cells, i) => ({ line: i + 2, cells: cells.map(cellText) })),
  };
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === "boolean") return cell ? "true" : "false";
  return String(cell);
}
