// Bokmål texts of mail and digests.

const texts = {
  mail: {
    title: "E-post og sammendrag",
    lead: "Oppsummeringene og påminnelsene Samspill har sendt, og hvordan neste ukentlige sammendrag blir. Uten egen e-postserver tar Samspill vare på e-postene her i stedet for å levere dem.",
    forbidden: "Bare administratorer kan se e-post som er sendt.",
    sent: "Sendte e-poster",
    none: "Ingen e-poster er sendt ennå.",
    subject: "Emne",
    to: "Mottaker",
    from: "Avsender",
    date: "Sendt",
    more: "Vis eldre e-poster",
    close: "Lukk e-posten",
    html: "HTML-versjon",
    htmlFrame: "HTML-versjonen av «{{subject}}»",
    text: "Ren tekst",
    noHtml: "E-posten har ingen HTML-del.",
    sandboxed: "Vises i en lukket ramme: skript i e-posten kjøres ikke, og lenker åpnes ikke.",
    notFound: "Fant ikke e-posten, eller du har ikke tilgang til den.",
    preview: "Forhåndsvis ukentlig sammendrag",
    previewLead: "Slik blir sammendraget til personen hvis det sendes nå. Ingenting sendes eller lagres.",
    person: "Person",
    choosePerson: "Velg person",
    showPreview: "Forhåndsvis",
    noSubscription: "Personen abonnerer ikke på ukentlig sammendrag.",
    inactive: "Abonnementet er slått av, så sammendraget blir ikke sendt.",
    empty: "Ingenting nytt i personens filter: jobben sender ingen e-post denne uken.",
    period: "Uke {{week}}, med endringer etter {{since}}",
  },
};

export default texts;
