// Bokmål texts of the mail subscriptions page, the unsubscribe confirmation and mail links.

const texts = {
  subscriptions: {
    title: "Abonnementer på e-post",
    lead: "Velg hvilke oppsummeringer og påminnelser du vil få på e-post, og for hvilke kommuner, helseforetak, prioriterte grupper og diagnoser. Velger du ingen i en gruppe, får du alle.",
    noPerson: "Abonnementer hører til en person. Logg inn som deg selv for å velge hva du får.",
    kinds: {
      WEEKLY_DIGEST: {
        name: "Ukentlig oppsummering",
        help: "Hver mandag: nye og endrede tilbud, kommende kurs og avtaler som snart utløper.",
        inSentence: "den ukentlige oppsummeringen",
      },
      HALF_YEARLY_SUMMARY: {
        name: "Halvårsoversikt",
        help: "1. januar og 1. juli: alle publiserte tilbud, klar til å skrives ut som plakat.",
        inSentence: "halvårsoversikten",
      },
      ANNUAL_REPORT: {
        name: "Årsrapport",
        help: "15. januar: fjorårets tall for helseforetaket eller helsefellesskapet.",
        inSentence: "årsrapporten",
      },
      REMINDERS: {
        name: "Påminnelser",
        help: "Til administratorer og redaktører: frister for avtaler, tiltak, gjennomganger og oppfølgingspunkter. Utvalget avgrenser bare påminnelsene om gjennomgang av tilbud; de andre gjelder organisasjonens egne oppgaver.",
        inSentence: "påminnelsene",
      },
    },
    status: {
      active: "Du abonnerer.",
      stopped: "Stoppet. Du får ikke denne e-posten.",
      none: "Du abonnerer ikke.",
      remindersDefault: "Du får påminnelser som administrator eller redaktør.",
    },
    covers: "Gjelder: {{list}}",
    coversAll: "Gjelder alle kommuner, grupper og diagnoser.",
    change: "Endre utvalget",
    choose: "Velg utvalget",
    hideForm: "Skjul utvalget",
    hospitalTrusts: "Helseforetak",
    hospitalTrustsHint: "Et helseforetak står for kommunene i opptaksområdet.",
    municipalities: "Kommuner",
    municipalitiesFilter: "Finn kommune",
    chosen: "{{count}} valgt",
    priorityGroups: "Prioriterte grupper",
    diagnosisGroups: "Diagnosegrupper",
    subscribe: "Abonner",
    save: "Lagre utvalget",
    stop: "Stopp",
    saved: "Lagret: {{kind}}.",
    stoppedNow: "Stoppet: {{kind}}. Du kan starte igjen når du vil.",
  },
  calendarFeed: {
    heading: "Kalender med møtene dine",
    lead: "Abonner på møtene dine i din egen kalender (Outlook, Google, Apple). Lenken er privat: alle som har den, ser møtene dine. Du kan trekke den tilbake når som helst.",
    none: "Du har ingen kalenderlenke nå.",
    live: "Du har en kalenderlenke, laget {{date}}.",
    create: "Lag kalenderlenke",
    replace: "Lag ny lenke (den gamle slutter å virke)",
    revoke: "Trekk tilbake lenken",
    revoked: "Lenken er trukket tilbake og virker ikke lenger.",
    urlLabel: "Kalenderlenke",
    onlyOnce: "Kopier lenken nå: den vises bare denne ene gangen.",
    copy: "Kopier lenken",
    copied: "Lenken er kopiert.",
  },
  unsubscribe: {
    title: "Meld deg av e-post",
    question: "Vil du slutte å få {{kind}} fra Samspill?",
    unknownKind: "e-posten",
    confirm: "Meld meg av",
    working: "Melder av …",
    done: "Du er meldt av. Du får ikke lenger {{kind}}.",
    invalid:
      "Denne avmeldingslenken er ikke gyldig. Bruk lenken i en e-post du har fått, eller logg inn og velg hva du vil få.",
    gone: "Mottakeren finnes ikke lenger i Samspill.",
    failed: "Avmeldingen feilet. Prøv igjen om litt.",
    manage: "Velg hva du vil få",
  },
  mailLinks: {
    agreementTitle: "Avtale",
    opening: "Åpner avtalen …",
    agreementNotFound: "Avtalen finnes ikke, eller du har ikke tilgang til den. Avtaler vises for partene.",
  },
};

export default texts;
