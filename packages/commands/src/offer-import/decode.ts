import { fileError } from "./limits.js";

// Spreadsheets saved as CSV in Norway are often Windows-1252 (Excel's "CSV (semikolondelt)"),
// not UTF-8. Such a file is read as Windows-1252 and the preview says so; a file that is neither
// text encoding (NUL bytes: a binary file renamed .csv) is refused.

export interface DecodedText {
  text: string;
  /** Set when the file was not UTF-8 and was read in another encoding. */
  encoding: "utf-8" | "utf-16" | "windows-1252";
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const label = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    return { text: stripBom(new TextDecoder(label).decode(bytes)), encoding: "utf-16" };
  }
  if (bytes.includes(0)) {
    throw fileError(
      "not_text",
      "The file is not a text file, an XLSX workbook or JSON; save it as CSV (UTF-8) or XLSX",
      "Fila er verken tekst, en XLSX-arbeidsbok eller JSON; lagre den som CSV (UTF-8) eller XLSX",
      "Fila er verken tekst, ei XLSX-arbeidsbok eller JSON; lagre ho som CSV (UTF-8) eller XLSX",
    );
  }
  try {
    return { text: stripBom(new TextDecoder("utf-8", { fatal: true }).decode(bytes)), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
