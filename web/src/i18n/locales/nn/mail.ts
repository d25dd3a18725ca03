import type { Translation } from "../../catalogue.js";
import type nb from "../nb/mail.js";

// Nynorsk texts of mail and digests.

const texts: Translation<typeof nb> = {
  mail: {
    title: "E-post og samandrag",
    lead: "Oppsummeringane og påminningane Samspill har sendt, og korleis neste vekesamandrag blir. Utan eigen e-posttenar tek Samspill vare på e-postane her i staden for å levere dei.",
    forbidden: "Berre administratorar kan sjå e-post som er send.",
    sent: "Sende e-postar",
    none: "Ingen e-postar er sende enno.",
    subject: "Emne",
    to: "Mottakar",
    from: "Avsendar",
    date: "Send",
    more: "Vis eldre e-postar",
    close: "Lukk e-posten",
    html: "HTML-versjon",
    htmlFrame: "HTML-versjonen av «{{subject}}»",
    text: "Rein tekst",
    noHtml: "E-posten har ingen HTML-del.",
    sandboxed: "Blir vist i ei lukka ramme: skript i e-posten blir ikkje køyrde, og lenkjer blir ikkje opna.",
    notFound: "Fann ikkje e-posten, eller du har ikkje tilgang til han.",
    preview: "Førehandsvis vekesamandrag",
    previewLead:
      "Slik blir samandraget til personen viss det blir sendt no. Ingenting blir sendt eller lagra.",
    person: "Person",
    choosePerson: "Vel person",
    showPreview: "Førehandsvis",
    noSubscription: "Personen abonnerer ikkje på vekesamandrag.",
    inactive: "Abonnementet er slått av, så samandraget blir ikkje sendt.",
    empty: "Ingenting nytt i filteret til personen: jobben sender ingen e-post denne veka.",
    period: "Veke {{week}}, med endringar etter {{since}}",
  },
};

export default texts;
