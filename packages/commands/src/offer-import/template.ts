import writeXlsxFile from "write-excel-file/node";
import { importColumns } from "./columns.js";
import { vocabularies } from "./vocabulary.js";

// The downloadable template: the header row of every column the import reads, and (in the
// workbook) a second sheet with the words each closed column accepts.

const lists = "Several values: separate them with commas";
const notes: Partial<Record<(typeof importColumns)[number]["key"], string>> = {
  reference: "Your own reference for the offer (required unless id is given); importing again updates it",
  id: "Samspill's id of an offer, to update one made in the hub (leave empty otherwise)",
  unit: "The name of one of the provider's units in Samspill (department, centre); leave the column out to keep an offer's unit",
  text_language:
    "The written language of title, summary and description: nb, nn or en (or bokmål, nynorsk, English); empty is the organisation's",
  municipalities: `Municipality names or four-digit numbers. ${lists}`,
  diagnosis_codes: `ICD-10 codes such as E11 or J44.1. ${lists}`,
  languages: `Language codes (nb, nn, se, en …) or names. ${lists}`,
  review_due_on: "Date: YYYY-MM-DD or DD.MM.YYYY",
  requires_referral:
    "ja if sign-ups arrive as requests the provider accepts or declines (nei is the default)",
  minimum_participants: "The fewest participants a session needs to go ahead (a whole number; empty is none)",
  status: "DRAFT (default) or PUBLISHED; PAUSED and ARCHIVED too",
};

export const templateCsv = (): string => `\uFEFF${importColumns.map((c) => c.key).join(";")}\r\n`;

export async function templateXlsx(): Promise<Buffer> {
  const header = importColumns.map((c) => ({ value: c.key, fontWeight: "bold" as const }));
  const help = importColumns.map((c) => {
    const vocabulary = vocabularies[c.key as keyof typeof vocabularies];
    const accepted = vocabulary ? vocabulary.labels().join(", ") : "";
    return [
      { value: c.key, fontWeight: "bold" as const },
      { value: c.nb },
      { value: notes[c.key] ?? (vocabulary ? lists : "") },
      { value: accepted },
    ];
  });
  return writeXlsxFile(
    [
      { data: [header], sheet: "Tilbud" },
      {
        data: [
          ["Kolonne", "Norsk navn", "Slik fylles den ut", "Gyldige verdier"].map((value) => ({
            value,
            fontWeight: "bold" as const,
          })),
          ...help,
        ],
        sheet: "Veiledning",
      },
    ],
    {},
  ).toBuffer();
}
