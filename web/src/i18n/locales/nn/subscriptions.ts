import type { Translation } from "../../catalogue.js";
import type nb from "../nb/subscriptions.js";

// Nynorsk texts of the mail subscriptions page, the unsubscribe confirmation and mail links.

const texts: Translation<typeof nb> = {
  subscriptions: {
    title: "Abonnement på e-post",
    lead: "Vel kva oppsummeringar og påminningar du vil få på e-post, og for kva kommunar, helseføretak, prioriterte grupper og diagnosar. Vel du ingen i ei gruppe, får du alle.",
    noPerson: "Abonnement høyrer til ein person. Logg inn som deg sjølv for å velje kva du får.",
    kinds: {
      WEEKLY_DIGEST: {
        name: "Vekeleg oppsummering",
        help: "Kvar måndag: nye og endra tilbod, kommande kurs og avtalar som snart går ut.",
        inSentence: "den vekelege oppsummeringa",
      },
      HALF_YEARLY_SUMMARY: {
        name: "Halvårsoversikt",
        help: "1. januar og 1. juli: alle publiserte tilbod, klar til å skrivast ut som plakat.",
        inSentence: "halvårsoversikta",
      },
      ANNUAL_REPORT: {
        name: "Årsrapport",
        help: "15. januar: tala for i fjor for helseføretaket eller helsefellesskapet.",
        inSentence: "årsrapporten",
      },
      REMINDERS: {
        name: "Påminningar",
        help: "Til administratorar og redaktørar: fristar for avtalar, tiltak, gjennomgangar og oppfølgingspunkt. Utvalet avgrensar berre påminningane om gjennomgang av tilbod; dei andre gjeld oppgåvene til organisasjonen.",
        inSentence: "påminningane",
      },
    },
    status: {
      active: "Du abonnerer.",
      stopped: "Stoppa. Du får ikkje denne e-posten.",
      none: "Du abonnerer ikkje.",
      remindersDefault: "Du får påminningar som administrator eller redaktør.",
    },
    covers: "Gjeld: {{list}}",
    coversAll: "Gjeld alle kommunar, grupper og diagnosar.",
    change: "Endre utvalet",
    choose: "Vel utvalet",
    hideForm: "Skjul utvalet",
    hospitalTrusts: "Helseføretak",
    hospitalTrustsHint: "Eit helseføretak står for kommunane i opptaksområdet.",
    municipalities: "Kommunar",
    municipalitiesFilter: "Finn kommune",
    chosen: "{{count}} valt",
    priorityGroups: "Prioriterte grupper",
    diagnosisGroups: "Diagnosegrupper",
    subscribe: "Abonner",
    save: "Lagre utvalet",
    stop: "Stopp",
    saved: "Lagra: {{kind}}.",
    stoppedNow: "Stoppa: {{kind}}. Du kan starte igjen når du vil.",
  },
  calendarFeed: {
    heading: "Kalender med møta dine",
    lead: "Abonner på møta dine i din eigen kalender (Outlook, Google, Apple). Lenkja er privat: alle som har ho, ser møta dine. Du kan trekkje ho tilbake når som helst.",
    none: "Du har inga kalenderlenkje no.",
    live: "Du har ei kalenderlenkje, laga {{date}}.",
    create: "Lag kalenderlenkje",
    replace: "Lag ny lenkje (den gamle sluttar å verke)",
    revoke: "Trekk tilbake lenkja",
    revoked: "Lenkja er trekt tilbake og verkar ikkje lenger.",
    urlLabel: "Kalenderlenkje",
    onlyOnce: "Kopier lenkja no: ho blir berre vist denne eine gongen.",
    copy: "Kopier lenkja",
    copied: "Lenkja er kopiert.",
  },
  unsubscribe: {
    title: "Meld deg av e-post",
    question: "Vil du slutte å få {{kind}} frå Samspill?",
    unknownKind: "e-posten",
    confirm: "Meld meg av",
    working: "Melder av …",
    done: "Du er meld av. Du får ikkje lenger {{kind}}.",
    invalid:
      "Denne avmeldingslenkja er ikkje gyldig. Bruk lenkja i ein e-post du har fått, eller logg inn og vel kva du vil få.",
    gone: "Mottakaren finst ikkje lenger i Samspill.",
    failed: "Avmeldinga feila. Prøv igjen om litt.",
    manage: "Vel kva du vil få",
  },
  mailLinks: {
    agreementTitle: "Avtale",
    opening: "Opnar avtalen …",
    agreementNotFound:
      "Avtalen finst ikkje, eller du har ikkje tilgang til han. Avtalar blir viste for partane.",
  },
};

export default texts;
