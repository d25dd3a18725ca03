// Bokmål texts of the crossed overview (/overview/crossed): two dimensions at once, and its gaps.

const texts = {
  crossed: {
    openCrossed: "Kryss to dimensjoner, for eksempel kommune og språk",
    title: "Krysset oversikt",
    lead: "Publiserte tilbud fordelt på to dimensjoner om gangen, for eksempel kommune og språk, med resten som filter. Alle språkene regionen skal tilby, blant dem sørsamisk, vises også når ingen tilbyr dem.",
    backToOverview: "Tilbake til felles oversikt",
    pickers: "Område, rader og kolonner",
    rows: "Rader",
    columns: "Kolonner",
    dimensions: {
      PRIORITY_GROUP: "Prioritert gruppe",
      MUNICIPALITY: "Kommune",
      HOSPITAL_TRUST: "Helseforetak",
      DIAGNOSIS_GROUP: "Diagnosegruppe",
      FORMAT: "Format",
      LANGUAGE: "Språk",
      AUDIENCE: "Målgruppe",
    },
    audiences: {
      PATIENT: "Pasienter",
      RELATIVE: "Pårørende",
      BOTH: "Pasienter og pårørende",
    },
    filters: {
      label: "Avgrens tilbudene",
      all: "Alle",
      priorityGroup: "Prioritert gruppe",
      diagnosisGroup: "Diagnosegruppe",
      format: "Format",
      audience: "Målgruppe",
    },
    addLanguage: "Vis også språket",
    addLanguageHint: "Regionens egne språk vises alltid.",
    chooseLanguage: "Velg et språk",
    tableHeading: "Tilbud per {{rows}} og {{columns}}",
    caption: "Publiserte tilbud: {{rows}} (rader) og {{columns}} (kolonner), {{area}}",
    captionHint:
      "Hver celle er antall publiserte tilbud. Et tilbud telles én gang per celle. Celler med 0 er hull i tilbudet.",
    gaps: {
      heading_one: "Hull i tilbudet ({{count}})",
      heading_other: "Hull i tilbudet ({{count}})",
      options: "Sortering og terskel for hull",
      sort: "Sorter hullene",
      sorts: {
        OFFER_COUNT: "Færrest tilbud først",
        ROW: "Etter rad",
        COLUMN: "Etter kolonne",
      },
      below: "Regn som hull når tilbudene er færre enn",
      downloadCsv: "Last ned hullene som CSV",
      none: "Ingen hull: alle cellene har nok tilbud.",
      offers_one: "{{count}} tilbud",
      offers_other: "{{count}} tilbud",
      nearestFor: "Nærmeste tilbud for {{gap}}",
      noNearest: "Ingen tilbud er nær nok til å fylle hullet.",
      flag: "Flagg",
      differs: {
        PRIORITY_GROUP: "annen prioritert gruppe: {{values}}",
        MUNICIPALITY: "annen kommune: {{values}}",
        HOSPITAL_TRUST: "annet helseforetak: {{values}}",
        DIAGNOSIS_GROUP: "annen diagnosegruppe: {{values}}",
        FORMAT: "annet format: {{values}}",
        LANGUAGE: "annet språk: {{values}}",
        AUDIENCE: "annen målgruppe: {{values}}",
      },
    },
  },
};

export default texts;
