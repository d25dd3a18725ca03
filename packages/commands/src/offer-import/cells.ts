import { importLimits } from "./limits.js";
import { type Term, Vocabulary } from "./vocabulary.js";

// Checks of single cells that do not depend on the column: what a spreadsheet would run as a
// formula, markup, and length. Then the readers of typed cells (lists, yes/no, dates).

export interface RowIssue {
  /** The template column, or "row" for the row as a whole. */
  column: string;
  code: string;
  /** English text (the web app words each code itself, in the reader's language). */
  message: string;
  /** The offending value or list item. */
  value?: string;
  /** The whole cell as it would be with the problem fixed. */
  suggestion?: string;
}

/**
 * A cell a spreadsheet program would run when the hub exports it again (CSV injection):
 * `=`, `@`, a tab or carriage return first, or `+`/`-` followed by something not a number
 * (`+47 …` and `-5` are fine, `+cmd|…` and `-2+3` are not).
 */
export function looksLikeFormula(cell: string): boolean {
  if (/^[=@\t\r]/.test(cell)) return true;
  return /^[+-]/.test(cell) && !/^[+-]?[\d\s().]+$/.test(cell);
}

export const hasMarkup = (cell: string) => /<\s*[a-z!/?][^>]*>/i.test(cell);

export function cellIssues(column: string, cell: string): { errors: RowIssue[]; warnings: RowIssue[] } {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  if (cell.length > importLimits.cellChars)
    errors.push({ column, code: "too_long", message: `More than ${importLimits.cellChars} characters` });
  if (looksLikeFormula(cell.trimEnd()))
    errors.push({
      column,
      code: "formula",
      message:
        "Starts like a spreadsheet formula (=, +, -, @); formulas are not imported, type the value itself",
      value: cell.slice(0, 100),
    });
  if (hasMarkup(cell))
    warnings.push({
      column,
      code: "markup",
      message: "Holds HTML markup; it is kept as plain text and shown as typed",
    });
  return { errors, warnings };
}

export const splitList = (cell: string) =>
  cell
    .split(/[;,|\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads a list cell against a vocabulary: the codes found, and an issue per item not found. */
export function readTerms(
  column: string,
  cell: string,
  vocabulary: Vocabulary,
  code: string,
): { codes: string[]; errors: RowIssue[] } {
  const items = splitList(cell);
  const codes: string[] = [];
  const errors: RowIssue[] = [];
  for (const item of items) {
    const term = vocabulary.find(item);
    if (term) {
      codes.push(term.code);
      continue;
    }
    const near: Term | undefined = vocabulary.closest(item);
    errors.push({
      column,
      code,
      message: near ? `Unknown value "${item}"; did you mean "${near.label}"?` : `Unknown value "${item}"`,
      value: item,
      ...(near ? { suggestion: items.map((i) => (i === item ? near.label : i)).join(", ") } : {}),
    });
  }
  return { codes, errors };
}

const yes = new Set(["ja", "j", "yes", "y", "true", "1", "x", "sann"]);
const no = new Set(["nei", "n", "no", "false", "0", "usann", ""]);

export function readFlag(column: string, cell: string): { value: boolean; errors: RowIssue[] } {
  const word = cell.trim().toLowerCase();
  if (yes.has(word)) return { value: true, errors: [] };
  if (no.has(word)) return { value: false, errors: [] };
  return {
    value: false,
    errors: [{ column, code: "bad_flag", message: `Expected "ja" or "nei", not "${cell}"`, value: cell }],
  };
}

/** A whole number of at least zero (a count of people); empty is none. */
export function readCount(column: string, cell: string): { value: number | null; errors: RowIssue[] } {
  const text = cell.trim();
  if (text === "") return { value: null, errors: [] };
  if (/^\d{1,6}$/.test(text)) return { value: Number(text), errors: [] };
  return {
    value: null,
    errors: [{ column, code: "bad_number", message: `Expected a whole number, not "${text}"`, value: text }],
  };
}

/** YYYY-MM-DD, or the Norwegian DD.MM.YYYY; a real calendar date either way. */
export function readDate(column: string, cell: string): { value: string | null; errors: RowIssue[] } {
  const text = cell.trim();
  if (text === "") return { value: null, errors: [] };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const nor = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const loose =
    /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text) ?? /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
  const parts = iso
    ? [iso[1], iso[2], iso[3]]
    : nor
      ? [nor[3], nor[2], nor[1]]
      : loose
        ? loose[1]?.length === 4
          ? [loose[1], loose[2], loose[3]]
          : [loose[3], loose[2], loose[1]]
        : null;
  const date = parts && toIsoDate(parts as [string, string, string]);
  if (date && (iso || nor)) return { value: date, errors: [] };
  return {
    value: null,
    errors: [
      {
        column,
        code: "bad_date",
        message: `"${text}" is not a date; write it as YYYY-MM-DD or DD.MM.YYYY`,
        value: text,
        ...(date ? { suggestion: date } : {}),
      },
    ],
  };
}

function toIsoDate([y, m, d]: [string, string, string]): string | null {
  const iso = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** Municipalities by number or by official name; a near-miss of a name is suggested. */
export class Municipalities {
  private readonly numbers = new Set<string>();
  private readonly names: Vocabulary;
  /** Names two municipalities share (Herøy, Våler, Os …): only the number tells them apart. */
  private readonly shared = new Set<string>();
  constructor(rows: readonly { number: string; name: string }[]) {
    const seen = new Set<string>();
    for (const r of rows) {
      this.numbers.add(r.number);
      const key = r.name.toLowerCase();
      if (seen.has(key)) this.shared.add(key);
      seen.add(key);
    }
    this.names = new Vocabulary(rows.map((r) => ({ code: r.number, label: r.name })));
  }
  read(column: string, cell: string): { numbers: string[]; errors: RowIssue[] } {
    const items = splitList(cell);
    const numbers: string[] = [];
    const errors: RowIssue[] = [];
    for (const item of items) {
      if (/^\d{4}$/.test(item) && this.numbers.has(item)) {
        numbers.push(item);
        continue;
      }
      if (this.shared.has(item.toLowerCase())) {
        errors.push({
          column,
          code: "ambiguous_municipality",
          message: `Several municipalities are called "${item}"; write its four-digit number instead`,
          value: item,
        });
        continue;
      }
      const exact = this.names.find(item);
      // Only the exact name counts: "Aalesund" is suggested as "Ålesund", never taken silently.
      if (exact && exact.label.toLowerCase() === item.toLowerCase()) {
        numbers.push(exact.code);
        continue;
      }
      const near = /^\d+$/.test(item) ? undefined : (exact ?? this.names.closest(item));
      errors.push({
        column,
        code: "unknown_municipality",
        message: near
          ? `Unknown municipality "${item}"; did you mean "${near.label}"?`
          : `Unknown municipality "${item}"`,
        value: item,
        ...(near ? { suggestion: items.map((i) => (i === item ? near.label : i)).join(", ") } : {}),
      });
    }
    return { numbers, errors };
  }
}
