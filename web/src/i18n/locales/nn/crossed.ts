import type { Translation } from "../../catalogue.js";
import type nb from "../nb/crossed.js";

// Nynorsk texts of the crossed overview (/overview/crossed): two dimensjonar om gongen, og hola.

const texts: Translation<typeof nb> = {
  crossed: {
    openCrossed: "Kryss to dimensjonar, til dømes kommune og språk",
    title: "Kryssa oversikt",
    lead: "Publiserte tilbod fordelte på to dimensjonar om gongen, til dømes kommune og språk, med resten som filter. Alle språka regionen skal tilby, mellom dei sørsamisk, blir viste også når ingen tilbyr dei.",
    backToOverview: "Tilbake til felles oversikt",
    pickers: "Område, rader og kolonnar",
    rows: "Rader",
    columns: "Kolonnar",
    dimensions: {
      PRIORITY_GROUP: "Prioritert gruppe",
      MUNICIPALITY: "Kommune",
      HOSPITAL_TRUST: "Helseføretak",
      DIAGNOSIS_GROUP: "Diagnosegruppe",
      FORMAT: "Format",
      LANGUAGE: "Språk",
      AUDIENCE: "Målgruppe",
    },
    audiences: {
      PATIENT: "Pasientar",
      RELATIVE: "Pårørande",
      BOTH: "Pasientar og pårørande",
    },
    filters: {
      label: "Avgrens tilboda",
      all: "Alle",
      priorityGroup: "Prioritert gruppe",
      diagnosisGroup: "Diagnosegruppe",
      format: "Format",
      audience: "Målgruppe",
    },
    addLanguage: "Vis også språket",
    addLanguageHint: "Språka til regionen blir alltid viste.",
    chooseLanguage: "Vel eit språk",
    tableHeading: "Tilbod per {{rows}} og {{columns}}",
    caption: "Publiserte tilbod: {{rows}} (rader) og {{columns}} (kolonnar), {{area}}",
    captionHint:
      "Kvar celle er talet på publiserte tilbod. Eit tilbod blir talt éin gong per celle. Celler med 0 er hol i tilbodet.",
    gaps: {
      heading_one: "Hol i tilbodet ({{count}})",
      heading_other: "Hol i tilbodet ({{count}})",
      options: "Sortering og terskel for hol",
      sort: "Sorter hola",
      sorts: {
        OFFER_COUNT: "Færrast tilbod først",
        ROW: "Etter rad",
        COLUMN: "Etter kolonne",
      },
      below: "Rekn som hol når tilboda er færre enn",
      downloadCsv: "Last ned hola som CSV",
      none: "Ingen hol: alle cellene har nok tilbod.",
      offers_one: "{{count}} tilbod",
      offers_other: "{{count}} tilbod",
      nearestFor: "Næraste tilbod for {{gap}}",
      noNearest: "Ingen tilbod er nære nok til å fylle holet.",
      flag: "Flagg",
      differs: {
        PRIORITY_GROUP: "anna prioritert gruppe: {{values}}",
        MUNICIPALITY: "annan kommune: {{values}}",
        HOSPITAL_TRUST: "anna helseføretak: {{values}}",
        DIAGNOSIS_GROUP: "anna diagnosegruppe: {{values}}",
        FORMAT: "anna format: {{values}}",
        LANGUAGE: "anna språk: {{values}}",
        AUDIENCE: "anna målgruppe: {{values}}",
      },
    },
  },
};

export default texts;
