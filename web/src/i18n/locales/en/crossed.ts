import type { Translation } from "../../catalogue.js";
import type nb from "../nb/crossed.js";

// English texts of the crossed overview (/overview/crossed): two dimensions at once, and its gaps.

const texts: Translation<typeof nb> = {
  crossed: {
    openCrossed: "Cross two dimensions, such as municipality and language",
    title: "Crossed overview",
    lead: "Published offers over two dimensions at a time, such as municipality and language, with the rest as filters. Every language the region must serve, South Sami among them, is shown even where nobody offers it.",
    backToOverview: "Back to the joint overview",
    pickers: "Area, rows and columns",
    rows: "Rows",
    columns: "Columns",
    dimensions: {
      PRIORITY_GROUP: "Priority group",
      MUNICIPALITY: "Municipality",
      HOSPITAL_TRUST: "Hospital trust",
      DIAGNOSIS_GROUP: "Diagnosis group",
      FORMAT: "Format",
      LANGUAGE: "Language",
      AUDIENCE: "Audience",
    },
    audiences: {
      PATIENT: "Patients",
      RELATIVE: "Relatives",
      BOTH: "Patients and relatives",
    },
    filters: {
      label: "Narrow the offers",
      all: "All",
      priorityGroup: "Priority group",
      diagnosisGroup: "Diagnosis group",
      format: "Format",
      audience: "Audience",
    },
    addLanguage: "Also show the language",
    addLanguageHint: "The region's own languages are always shown.",
    chooseLanguage: "Choose a language",
    tableHeading: "Offers per {{rows}} and {{columns}}",
    caption: "Published offers: {{rows}} (rows) and {{columns}} (columns), {{area}}",
    captionHint:
      "Each cell is the number of published offers. An offer counts once per cell. Cells at 0 are gaps in the offer.",
    gaps: {
      heading_one: "Gaps in the offer ({{count}})",
      heading_other: "Gaps in the offer ({{count}})",
      options: "Sorting and threshold of gaps",
      sort: "Sort the gaps",
      sorts: {
        OFFER_COUNT: "Fewest offers first",
        ROW: "By row",
        COLUMN: "By column",
      },
      below: "Count as a gap when the offers are fewer than",
      downloadCsv: "Download the gaps as CSV",
      none: "No gaps: every cell has enough offers.",
      offers_one: "{{count}} offer",
      offers_other: "{{count}} offers",
      nearestFor: "Nearest offers for {{gap}}",
      noNearest: "No offer is near enough to fill the gap.",
      flag: "Flag",
      differs: {
        PRIORITY_GROUP: "another priority group: {{values}}",
        MUNICIPALITY: "another municipality: {{values}}",
        HOSPITAL_TRUST: "another hospital trust: {{values}}",
        DIAGNOSIS_GROUP: "another diagnosis group: {{values}}",
        FORMAT: "another format: {{values}}",
        LANGUAGE: "another language: {{values}}",
        AUDIENCE: "another audience: {{values}}",
      },
    },
  },
};

export default texts;
