// Bokmål texts of the action plans and their measures.

const texts = {
  actionPlans: {
    title: "Handlingsplaner",
    lead: "Tiltakene i handlingsplanene for opplæring av pasienter og pårørende: hvem som har ansvaret, når tiltaket skal sjekkes, og hvor langt det har kommet.",
    youMayEdit:
      "Du kan oppdatere status og skrive fremdriftsnotater for tiltakene i planer din organisasjon eier.",
    filters: "Filtrer tiltakene",
    plan: "Handlingsplan",
    allPlans: "Alle planer",
    section: "Kapittel",
    allSections: "Alle kapitler",
    status: "Status",
    allStatuses: "Alle statuser",
    responsible: "Ansvarlig",
    allResponsible: "Alle ansvarlige",
    includeRemoved: "Vis også fjernede tiltak (historikk)",
    clearFilters: "Nullstill filtrene",
    count_one: "{{count}} tiltak passer filtrene.",
    count_other: "{{count}} tiltak passer filtrene.",
    dueSoon: "Sjekkpunkt snart",
    dueSoonLead:
      "Tiltak der sjekkpunktet har passert eller kommer de neste {{days}} dagene, det mest presserende først.",
    dueSoonEmpty: "Ingen tiltak har sjekkpunkt de neste {{days}} dagene.",
    noMeasures: "Ingen tiltak passer filtrene.",
    measure: "Tiltak",
    measureLabel: "Tiltak {{section}} nr. {{ordinal}}",
    planMeta: "{{owner}} · {{start}}–{{end}}",
    revised: "revidert {{date}}",
    started: "Igangsatt",
    checkpoint: "Sjekkpunkt",
    nextCheckpoint: "neste gang {{date}}",
    note: "Merknad",
    notGiven: "Ikke oppgitt",
    overdue: "Forfalt",
    progress: "Fremdrift",
    progressFor: "Fremdrift for {{measure}}",
    noProgress: "Ingen fremdriftsnotater ennå.",
    statusSetTo: "status satt til {{status}}",
    update: "Oppdater status eller skriv notat",
    updateFor: "Oppdater {{measure}}",
    progressNote: "Fremdriftsnotat",
    progressNoteHint:
      "Hva er gjort, eller hvorfor statusen endres. Valgfritt når du endrer status; notatet lagres med dato og navnet ditt.",
    save: "Lagre",
    cancel: "Avbryt",
    statusUpdated: "{{measure}} har fått status «{{status}}».",
    noteAdded: "Fremdriftsnotatet er lagret.",
    conflict:
      "Noen andre har oppdatert tiltaket (versjon {{current}}) etter at du åpnet det (versjon {{expected}}). Last inn på nytt og prøv igjen.",
  },
};

export default texts;
