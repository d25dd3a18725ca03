// Bokmål texts of the frame of every page (name, menu, sign-in, language, 404), organisations and change history.

const texts = {
  app: {
    name: "Samspill",
    tagline: "Lærings- og mestringstilbud for pasienter og pårørende i Helse Midt-Norge",
    skipToContent: "Hopp til hovedinnhold",
    footer:
      "Samspill samler helseforetak, kommuner, brukerorganisasjoner og universiteter om pasient- og pårørendeopplæring.",
    footerOpenData: "Åpne data",
    loading: "Laster …",
    error: "Noe gikk galt: {{message}}",
  },
  nav: {
    label: "Hovedmeny",
    catalogue: "Finn tilbud",
    organisations: "Organisasjoner",
    overview: "Felles oversikt",
    workspace: "Mitt arbeidsområde",
    participation: "Rapporter deltakelse",
    offerImport: "Importer tilbud",
    pam: "PAM før og etter",
    intake: "Forespørsler om plass",
    a0099: "A0099-aktivitet",
    actionPlans: "Handlingsplaner",
    forumFlags: "Forumflagg",
    mail: "E-post og sammendrag",
    subscriptions: "Mine abonnementer",
    people: "Organisasjoner og personer",
  },
  auth: {
    signIn: "Logg inn",
    signOut: "Logg ut",
    signedInAs: "Innlogget som {{name}}",
    userMenu: "Innlogget bruker",
    signInRequired: "Du må logge inn for å se denne siden.",
  },
  language: { label: "Visningsspråk" },
  notFound: {
    title: "Fant ikke siden",
    body: "Siden du lette etter finnes ikke, eller den er flyttet.",
    home: "Gå til tilbudsoversikten",
  },
  organisations: {
    title: "Organisasjoner i Samspill",
    count_one: "{{count}} organisasjon samarbeider om pasient- og pårørendeopplæring.",
    count_other: "{{count}} organisasjoner samarbeider om pasient- og pårørendeopplæring.",
  },
  pages: {
    label: "Sider",
    shown: "Viser {{from}}–{{to}}",
    previous: "Forrige side",
    next: "Neste side",
  },
  history: {
    heading: "Endringslogg",
    none: "Ingen endringer er registrert.",
    system: "Systemet",
    field: "Felt",
    from: "Fra",
    to: "Til",
    empty: "(tomt)",
    created: "Opprettet",
    more: "Vis eldre endringer",
  },
};

export default texts;
