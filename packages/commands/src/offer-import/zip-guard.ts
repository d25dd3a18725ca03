import { Unzip, UnzipInflate } from "fflate";
import { fileError, importLimits, tooManyRows } from "./limits.js";

// An XLSX file is a zip archive, and a zip bomb (a few kilobytes that inflate to gigabytes) would
// take the hub's memory in any spreadsheet reader. So the archive is inflated here first, without
// keeping anything, counting the bytes each part really yields (the sizes a zip declares can lie)
// and the rows of each worksheet, and it is refused as soon as a limit is passed. Only then does
// the spreadsheet reader see it.

const bomb = () =>
  fileError(
    "archive_too_large",
    "The workbook unpacks to more than the hub accepts (a damaged file or a zip bomb)",
    "Arbeidsboka pakkes ut til mer enn Samspill tar imot (en skadet fil eller en zip-bombe)",
    "Arbeidsboka blir pakka ut til meir enn Samspill tek imot (ei skadd fil eller ei zip-bombe)",
  );

export function assertSafeWorkbook(bytes: Uint8Array): void {
  let total = 0;
  let entries = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    if (failure) return;
    entries += 1;
    if (entries > importLimits.xlsxEntries) {
      failure = bomb();
      return;
    }
    const worksheet = /^xl\/worksheets\/[^/]+\.xml$/.test(file.name);
    let rows = 0;
    let tail = "";
    file.ondata = (error, chunk) => {
      if (failure) return;
      if (error) {
        failure = notWorkbook();
        return;
      }
      total += chunk.length;
      if (total > importLimits.xlsxUncompressedBytes) {
        failure = bomb();
        file.terminate();
        return;
      }
      if (worksheet) {
        // Counts "<row" across chunk borders; the header row is one of them.
        const text = tail + Buffer.from(chunk).toString("latin1");
        rows += text.split("<row").length - 1;
        tail = text.slice(-4);
        if (rows > importLimits.rows + 1) {
          failure = tooManyRows();
          file.terminate();
        }
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !failure; at += 65_536) {
      unzip.push(bytes.subarray(at, at + 65_536), at + 65_536 >= bytes.length);
    }
  } catch {
    throw failure ?? notWorkbook();
  }
  if (failure) throw failure;
  if (entries === 0) throw notWorkbook();
}

export const notWorkbook = () =>
  fileError(
    "bad_xlsx",
    "The file could not be read as an XLSX workbook",
    "Fila kunne ikke leses som en XLSX-arbeidsbok",
    "Fila kunne ikkje lesast som ei XLSX-arbeidsbok",
  );
