import { importOfferInput, isIcd10Code, publishProblems, type WrittenLanguage } from "@samspill/domain";
import { v5 as uuidv5 } from "uuid";
import type { z } from "zod";
import {
  cellIssues,
  type Municipalities,
  type RowIssue,
  readCount,
  readDate,
  readFlag,
  readTerms,
  splitList,
} from "./cells.js";
import { columnOfField, type ImportColumn, type ImportValues } from "./columns.js";
import { type VocabularyColumn, vocabularies } from "./vocabulary.js";

// One row of an import, checked: the offer it becomes (the input of importOffer, less the
// publishing date, which depends on what is stored) or what is wrong with it, column by column.

export type OfferRowInput = Omit<z.input<typeof importOfferInput>, "publishedAt">;

export interface CheckedRow {
  line: number;
  values: ImportValues;
  /** The offer the row creates or updates: its `id` cell, else derived from the reference. */
  offerId: string;
  input: OfferRowInput | null;
  errors: RowIssue[];
  warnings: RowIssue[];
}

// Offers named by a provider's own reference get a stable id of their own (RFC 9562 version 5 in
// a namespace of the hub's), so importing the file again finds the same offers.
const referenceNamespace = "0b7e2f4c-6a8d-5c1e-9f3a-4d2b8c6e1a07";
export const offerIdOfReference = (providerId: string, reference: string) =>
  uuidv5(`${providerId}\u001f${reference.trim()}`, referenceNamespace);

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const required: readonly ImportColumn[] = ["title", "summary", "kind", "diagnosis_scope", "format"];

/** What a row is checked against, read once for the whole file. */
export interface RowContext {
  municipalities: Municipalities;
  /** The provider's units by name in lower case (a name is unique within its organisation). */
  units: ReadonlyMap<string, string>;
  /** The provider's written language: the offer texts' language when the row names none. */
  textLanguage: WrittenLanguage;
}

export function checkRow(
  providerId: string,
  line: number,
  values: ImportValues,
  context: RowContext,
): CheckedRow {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const cell = (column: ImportColumn) => (values[column] ?? "").trim();
  for (const [column, text] of Object.entries(values)) {
    const found = cellIssues(column, text ?? "");
    errors.push(...found.errors);
    warnings.push(...found.warnings);
  }
  const id = cell("id");
  const reference = cell("reference");
  if (id && !uuidPattern.test(id))
    errors.push({
      column: "id",
      code: "bad_id",
      message: "Expected a Samspill offer id (a UUID)",
      value: id,
    });
  if (!id && !reference)
    errors.push({
      column: "reference",
      code: "required",
      message: "Give each row your own reference, so importing the file again updates the same offer",
    });
  for (const column of required)
    if (!cell(column)) errors.push({ column, code: "required", message: "Required" });

  const single = (column: VocabularyColumn, fallback?: string) => {
    const text = cell(column);
    if (!text) return fallback;
    const read = readTerms(
      column,
      text,
      vocabularies[column],
      `unknown_${column === "status" ? "status" : "value"}`,
    );
    errors.push(...read.errors);
    return read.codes[0];
  };
  const many = (column: VocabularyColumn, code = "unknown_value") => {
    const read = readTerms(column, cell(column), vocabularies[column], code);
    errors.push(...read.errors);
    return read.codes;
  };
  const flag = (column: ImportColumn) => {
    const read = readFlag(column, cell(column));
    errors.push(...read.errors);
    return read.value;
  };
  const text = (column: ImportColumn) => cell(column) || null;

  const codes = splitList(cell("diagnosis_codes")).map((c) => c.toUpperCase());
  for (const code of codes.filter((c) => !isIcd10Code(c))) {
    // Typed-in look-alikes: "E 11", "E11,9", "E1l" (an l for a 1), "J4O" (an O for a 0).
    const compact = code.replace(/\s+/g, "").replace(/,/g, ".");
    const fixed = compact.slice(0, 1) + compact.slice(1).replace(/[LI]/g, "1").replace(/O/g, "0");
    errors.push({
      column: "diagnosis_codes",
      code: "unknown_diagnosis",
      message: `"${code}" is not an ICD-10 code such as E11 or J44.1`,
      value: code,
      ...(isIcd10Code(fixed) ? { suggestion: codes.map((c) => (c === code ? fixed : c)).join(", ") } : {}),
    });
  }
  const served = context.municipalities.read("municipalities", cell("municipalities"));
  errors.push(...served.errors);
  const reviewDueOn = readDate("review_due_on", cell("review_due_on"));
  errors.push(...reviewDueOn.errors);
  const unitId = readUnit(values, context.units, errors);
  const minimum = readCount("minimum_participants", cell("minimum_participants"));
  errors.push(...minimum.errors);

  const input = {
    id: id && uuidPattern.test(id) ? id.toLowerCase() : offerIdOfReference(providerId, reference),
    providerId,
    status: single("status", "DRAFT"),
    title: cell("title"),
    summary: cell("summary"),
    description: cell("description"),
    textLanguage: single("text_language", context.textLanguage),
    ...(unitId === undefined ? {} : { unitId }),
    kind: single("kind"),
    diagnosisScope: single("diagnosis_scope"),
    diagnosisCodes: codes.filter(isIcd10Code),
    diagnosisGroups: many("diagnosis_groups", "unknown_diagnosis"),
    topics: many("topics"),
    audiences: many("audiences"),
    priorityGroups: many("priority_groups"),
    format: single("format"),
    location: text("location"),
    onlineUrl: text("online_url"),
    languages: cell("languages") ? many("languages", "unknown_language") : ["nb"],
    accessibility: many("accessibility"),
    municipalityNumbers: served.numbers,
    userRepPlanning: flag("user_rep_planning"),
    userRepDelivery: flag("user_rep_delivery"),
    userRepEvaluation: flag("user_rep_evaluation"),
    a0099Eligible: flag("a0099_eligible"),
    interdisciplinary: flag("interdisciplinary"),
    reviewDueOn: reviewDueOn.value,
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    howToJoin: text("how_to_join"),
    registrationUrl: text("registration_url"),
    requiresReferral: flag("requires_referral"),
    minimumParticipants: minimum.value,
  };
  // The domain's own rules (lengths, e-mail, URL, phone, A0099) name the column they concern;
  // a column already reported above is not reported twice.
  const parsed = importOfferInput.safeParse({ ...input, publishedAt: null });
  const flagged = new Set(errors.map((e) => e.column));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = columnOfField(String(issue.path[0] ?? "")) ?? "row";
      if (flagged.has(column)) continue;
      flagged.add(column);
      errors.push({
        column,
        code: "invalid",
        message: issue.message,
        value: column === "row" ? undefined : cell(column as ImportColumn),
      });
    }
  } else if (parsed.data.status === "PUBLISHED") {
    for (const issue of publishProblems(parsed.data)) {
      const column = columnOfField(issue.field) ?? "row";
      errors.push({ column, code: `publish_${issue.code}`, message: `To publish: ${issue.message}` });
    }
  }
  return {
    line,
    values,
    offerId: input.id,
    input: errors.length === 0 ? (input as OfferRowInput) : null,
    errors,
    warnings,
  };
}

/**
 * The unit a row names, by the name it has in the hub. A sheet without the column keeps the unit
 * an offer has; an empty cell clears it.
 */
function readUnit(
  values: ImportValues,
  units: ReadonlyMap<string, string>,
  errors: RowIssue[],
): string | null | undefined {
  if (values.unit === undefined) return undefined;
  const name = values.unit.trim();
  if (!name) return null;
  const id = units.get(name.toLowerCase());
  if (!id)
    errors.push({
      column: "unit",
      code: "unknown_unit",
      message: `The provider has no unit called "${name}"`,
      value: name,
    });
  return id ?? null;
}
