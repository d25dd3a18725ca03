// The import template's columns: one per field of an offer the hub keeps, in the order the
// template lists them (columns.test.ts holds them to createOfferInput's fields). A header is
// matched on its key or its Norwegian name, in any case and with spaces, hyphens or underscores,
// so a hand-made sheet with "Tittel" works as well.

export const importColumns = [
  { key: "reference", nb: "referanse", field: "reference" },
  { key: "id", nb: "id", field: "id" },
  { key: "title", nb: "tittel", field: "title" },
  { key: "summary", nb: "sammendrag", field: "summary" },
  { key: "description", nb: "beskrivelse", field: "description" },
  { key: "text_language", nb: "tekstspråk", field: "textLanguage" },
  { key: "unit", nb: "enhet", field: "unitId" },
  { key: "kind", nb: "tilbudstype", field: "kind" },
  { key: "diagnosis_scope", nb: "diagnoseomfang", field: "diagnosisScope" },
  { key: "diagnosis_codes", nb: "diagnosekoder", field: "diagnosisCodes" },
  { key: "diagnosis_groups", nb: "diagnosegrupper", field: "diagnosisGroups" },
  { key: "topics", nb: "tema", field: "topics" },
  { key: "audiences", nb: "målgrupper", field: "audiences" },
  { key: "priority_groups", nb: "prioriterte grupper", field: "priorityGroups" },
  { key: "format", nb: "gjennomføringsform", field: "format" },
  { key: "location", nb: "sted", field: "location" },
  { key: "online_url", nb: "nettadresse", field: "onlineUrl" },
  { key: "languages", nb: "språk", field: "languages" },
  { key: "accessibility", nb: "universell utforming", field: "accessibility" },
  { key: "municipalities", nb: "kommuner", field: "municipalityNumbers" },
  { key: "user_rep_planning", nb: "brukermedvirkning planlegging", field: "userRepPlanning" },
  { key: "user_rep_delivery", nb: "brukermedvirkning gjennomføring", field: "userRepDelivery" },
  { key: "user_rep_evaluation", nb: "brukermedvirkning evaluering", field: "userRepEvaluation" },
  { key: "a0099_eligible", nb: "a0099", field: "a0099Eligible" },
  { key: "interdisciplinary", nb: "tverrfaglig", field: "interdisciplinary" },
  { key: "review_due_on", nb: "revideres innen", field: "reviewDueOn" },
  { key: "contact_name", nb: "kontaktperson", field: "contactName" },
  { key: "contact_email", nb: "e-post", field: "contactEmail" },
  { key: "contact_phone", nb: "telefon", field: "contactPhone" },
  { key: "how_to_join", nb: "påmelding", field: "howToJoin" },
  { key: "registration_url", nb: "påmeldingslenke", field: "registrationUrl" },
  { key: "requires_referral", nb: "krever henvisning", field: "requiresReferral" },
  { key: "minimum_participants", nb: "minste antall deltakere", field: "minimumParticipants" },
  { key: "status", nb: "status", field: "status" },
] as const;

/**
 * The fields of an offer (createOfferInput) no column sets, and why: each field of the hub's
 * offer is either a column above or listed here (columns.test.ts).
 */
export const notImportedFields = {
  providerId: "The provider is chosen when the file is uploaded: a file holds one provider's offers",
} as const;

export type ImportColumn = (typeof importColumns)[number]["key"];
/** A row as read: the text of each known column (absent columns are absent). */
export type ImportValues = Partial<Record<ImportColumn, string>>;

const norm = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
const byHeader = new Map<string, ImportColumn>(
  importColumns.flatMap((c) => [
    [norm(c.key), c.key],
    [norm(c.nb), c.key],
  ]),
);

export const columnOfHeader = (header: string): ImportColumn | undefined => byHeader.get(norm(header));

/** The column an input field is read from, for naming it in an error. */
export const columnOfField = (field: string): ImportColumn | undefined =>
  importColumns.find((c) => c.field === field)?.key;

export const isImportColumn = (key: string): key is ImportColumn => importColumns.some((c) => c.key === key);

/** Maps a header row and data rows (cells by position) to rows of values by column. */
export function rowsByHeader(
  header: readonly string[],
  rows: readonly { line: number; cells: readonly string[] }[],
): { rows: { line: number; values: ImportValues }[]; ignoredColumns: string[] } {
  const columns = header.map((h) => columnOfHeader(h));
  const ignoredColumns = header.filter((h, i) => h.trim() !== "" && columns[i] === undefined);
  const out = rows
    .map(({ line, cells }) => {
      const values: ImportValues = {};
      cells.forEach((cell, i) => {
        const column = columns[i];
        if (column && values[column] === undefined) values[column] = cell;
      });
      return { line, values };
    })
    .filter(({ values }) => Object.values(values).some((v) => v.trim() !== ""));
  return { rows: out, ignoredColumns };
}
