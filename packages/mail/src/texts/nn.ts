import { languageNameIn } from "@samspill/domain";
import type { MailTexts } from "./mail-texts.js";

// Nynorsk texts of the summaries and reminders, for people and organisations whose written
// language (målform) is nynorsk: many municipalities in Møre og Romsdal and inner Trøndelag.

const nn: MailTexts = {
  locale: "nn-NO",
  greeting: (name) => `Hei ${name},`,
  layout: {
    about: "Samspill er samhandlingsverktøyet for pasient- og pårørandeopplæring i Helse Midt-Noreg:",
  },
  figures: {
    fewerThan: (threshold) => `færre enn ${threshold}`,
    hidden: "skjult",
  },
  weekLabel: (week) => `veke ${week}`,
  digest: {
    headings: {
      NEW: "Nye tilbod",
      UPDATED: "Endra tilbod",
      PAUSED: "Tilbod sette på pause",
      ENDED: "Avslutta tilbod",
    },
    preview: (offers, sessions) => `${offers} endra tilbod, ${sessions} komande samlingar`,
    title: (week) => `Endringar denne veka, ${week}`,
    reason: "Du får denne e-posten fordi du abonnerer på vekeoppsummeringa i Samspill.",
    since: (date) => `Her er det som er nytt sidan ${date}.`,
    scope: (names) => ` Utvalet ditt: ${names}.`,
    noChanges: "Ingen tilbod i utvalet ditt er endra i perioden.",
    sessionsHeading: (days) => `Komande kurs og samlingar (dei neste ${days} dagane)`,
    online: "digitalt",
    and: " og ",
    seatsLeft: (seats) => `${seats} ledige plassar`,
    agreementsHeading: (days) => `Avtalar som går ut innan ${days} dagar`,
    validTo: (date) => `Gyldig til ${date}`,
    moreOffers: (count) => `… og ${count} tilbod til. Sjå heile utvalet ditt i katalogen`,
    moreSessions: (count) =>
      `… og ${count} ${count === 1 ? "samling" : "samlingar"} til. Sjå alle i katalogen`,
    moreAgreements: (count) =>
      `… og ${count} ${count === 1 ? "avtale" : "avtalar"} til. Sjå alle i arbeidsområdet ditt`,
    subject: (count, week) =>
      count === 0
        ? `Samspill: oversikta for veka, ${week}`
        : `Samspill: ${count} ${count === 1 ? "nytt eller endra tilbod" : "nye eller endra tilbod"}, ${week}`,
  },
  reminders: {
    headings: {
      CHECKPOINT: "Sjekkpunkt i handlingsplanane",
      PLAN_REVIEW: "Gjennomgangar av handlingsplanane",
      AGREEMENT_EXPIRING: "Samarbeidsavtalar som snart går ut",
      REVIEW_DUE: "Tilbod som skal gjennomgåast (kvart 5. år)",
      FOLLOW_UP_OVERDUE: "Oppfølgingspunkt frå møte som er på etterskot",
    },
    overdue: (date, days) => `Frist ${date} (${days} dagar sidan)`,
    today: (date) => `Frist i dag, ${date}`,
    due: (date, days) => `Frist ${date} (om ${days} dagar)`,
    preview: (count) => `${count} ${count === 1 ? "påminning" : "påminningar"} frå Samspill`,
    title: "Påminningar",
    reason:
      "Du får denne e-posten fordi du er administrator eller redaktør for ein organisasjon i Samspill. Kvar påminning blir send éin gong.",
    intro: "Dette treng merksemd hos organisasjonen din:",
    measure: (measure) => `Tiltak ${measure}`,
    planReview: (plan) => `Gjennomgang av ${plan}`,
    lastReviewed: (date) => `Sist gjennomgått ${date}`,
    subjectOne: (what) => `Samspill: påminning – ${what}`,
    subjectMany: (count) => `Samspill: ${count} påminningar`,
    subjects: {
      CHECKPOINT: (measure) => `Sjekkpunkt for tiltak ${measure}`,
      PLAN_REVIEW: (plan) => `Gjennomgang av handlingsplanen: ${plan}`,
      AGREEMENT_EXPIRING: (what) => `Avtale går ut: ${what}`,
      REVIEW_DUE: (what) => `Gjennomgang av tilbod: ${what}`,
      FOLLOW_UP_OVERDUE: (what) => `Oppfølgingspunkt på etterskot: ${what}`,
    },
  },
  forumFlag: {
    kinds: {
      GAP: "Manglar i tilbodet",
      TASK_DIVISION_CONFLICT: "Spørsmål om oppgåvedeling",
      STALE_OFFER: "Utdatert tilbod",
    },
    audiences: { PATIENT: "pasientar", RELATIVE: "pårørande", BOTH: "pasientar og pårørande" } as Record<
      string,
      string
    >,
    raisedTitle: "Helsefellesskapet ber organisasjonen din svare på eit flagg",
    dueTitle: "Fristen for eit flagg frå helsefellesskapet nærmar seg",
    raised: (community: string, owner: string) =>
      `Forumet i ${community} har flagga noko som ${owner} er ansvarleg for å svare på.`,
    due: (community: string, owner: string) =>
      `Eit flagg frå forumet i ${community} som ${owner} er ansvarleg for, er framleis ope.`,
    subject: (kind: string) => `Gjeld: ${kind}`,
    note: (note: string) => `Merknad: ${note}`,
    dueOn: (date: string) => `Frist: ${date}`,
    resolvedHow: "Flagget blir løyst ved eit vedtak i eit forummøte i helsefellesskapet.",
    open: "Opna flagget",
    reason:
      "Du får denne e-posten fordi du er administrator eller redaktør for organisasjonen flagget er lagt på. Kvart varsel blir sendt éin gong.",
    subjectRaised: (kind: string) => `Samspill: nytt flagg frå helsefellesskapet – ${kind}`,
    subjectDue: (kind: string, date: string) =>
      `Samspill: frist ${date} for flagg frå helsefellesskapet – ${kind}`,
  },
  sessionDecision: {
    subjectAhead: (title) => `Kurset blir gjennomført: ${title}`,
    subjectCancelled: (title) => `Kurset er avlyst (for få påmelde): ${title}`,
    counts: (participants, minimum) => `${participants} stadfeste deltakarar; minimum er ${minimum}.`,
    waiting: (waiting) => `${waiting} står på venteliste.`,
    goesAhead: "Kurset går som planlagt.",
    cancelled: "Samlinga er avlyst, og alle påmelde og alle på ventelista har fått melding på e-post.",
    reason: "Du får denne e-posten fordi du er kontaktperson for kurset eller redaktør for det i Samspill.",
  },
  halfYearly: {
    half: (half, year) => `${half === 1 ? "første" : "andre"} halvår ${year}`,
    preview: (count, half) => `${count} lærings- og meistringstilbod ${half}`,
    title: (half) => `Lærings- og meistringstilbod, ${half}`,
    reason: "Du får denne e-posten fordi du abonnerer på halvårsoversikta i Samspill.",
    scope: (names) => ` for ${names}`,
    intro: (scope, url) =>
      `Her er oversikta over publiserte tilbod${scope}. Skriv ho ut som plakat, eller del lenkja til den oppdaterte oversikta: ${url}`,
    none: "Ingen publiserte tilbod i utvalet ditt.",
    dates: (dates) => `Datoar: ${dates}`,
    rolling: "Løpande oppstart",
    languages: (names) => `Språk: ${names}`,
    howToJoin: (text) => `Slik melder du deg på: ${text}`,
    registration: (url) => `Påmelding: ${url}`,
    contact: (contact) => `Kontakt: ${contact}`,
    subject: (half) => `Samspill: lærings- og meistringstilbod ${half}`,
  },
  annualReport: {
    preview: (year, scope) => `Årsrapport ${year} for ${scope}`,
    title: (year, scope) => `Årsrapport ${year}: ${scope}`,
    reason: "Du får denne e-posten fordi du abonnerer på årsrapporten i Samspill.",
    intro: (scope, year, threshold) =>
      `Her er årsrapporten for pasient- og pårørandeopplæring i ${scope} for ${year}. Tal under ${threshold} blir viste som «færre enn ${threshold}», slik at ingen kan kjennast att.`,
    a0099Heading: "A0099-aktivitet",
    count: "Tal",
    a0099Offers: "Tilbod med A0099-koding i bruk",
    a0099Sessions: "Gjennomførte samlingar",
    participants: "Deltakarar",
    participationHeading: "Deltaking",
    reports: (reports, offers) => `${reports} deltakarrapportar for ${offers} tilbod.`,
    audience: "Målgruppe",
    audiences: ["Pasientar", "Pårørande", "Barn og unge", "Foreldre", "Andre"],
    total: "Totalt",
    userRepsHeading: "Brukarmedverknad",
    phase: "Fase",
    repsInOffers: "Brukarrepresentantar i tilbod",
    offersWithReps: "Tilbod med brukarmedverknad",
    repsInMeetings: "Brukarrepresentantar i møtepunkt",
    phases: ["Planlegging", "Gjennomføring", "Evaluering"],
    outOf: (count, of) => `${count} av ${of}`,
    pamHeading: "PAM før og etter",
    noPam: (year) => `Ingen PAM-målingar er rapporterte for ${year}.`,
    before: "Før",
    after: "Etter",
    answers: "Svar",
    meanScore: "Gjennomsnittleg PAM-skår (0–100)",
    level: (level) => `Nivå ${level}`,
    offer: "Tilbod",
    answersBefore: "Svar før",
    scoreBefore: "Skår før",
    answersAfter: "Svar etter",
    scoreAfter: "Skår etter",
    subject: (year, scope) => `Samspill: årsrapport ${year} for ${scope}`,
  },
  labels: {
    offerKind: {
      GROUP_COURSE: "Gruppekurs",
      INDIVIDUAL_TRAINING: "Individuell opplæring",
      PEER_ACTIVITY: "Likepersonsarbeid",
      FAMILY_OFFER: "Familietilbod",
      DIGITAL_RESOURCE: "Digital ressurs",
      LECTURE: "Føredrag",
    },
    offerFormat: {
      PHYSICAL: "Fysisk oppmøte",
      DIGITAL: "Digitalt",
      HYBRID: "Hybrid (fysisk og digitalt)",
    },
    priorityGroup: {
      CHILDREN_AND_YOUTH: "Barn og unge",
      SEVERE_MENTAL_ILLNESS_AND_SUBSTANCE_USE: "Alvorlege psykiske lidingar og rusproblem",
      FRAIL_ELDERLY: "Skrøpelege eldre",
      MULTIPLE_CHRONIC_CONDITIONS: "Personar med fleire kroniske lidingar",
    },
    diagnosisGroup: {
      DIABETES: "Diabetes",
      HEART_DISEASE: "Hjartesjukdom",
      COPD: "KOLS",
      ASTHMA: "Astma",
      IBD: "Inflammatorisk tarmsjukdom",
      STROKE: "Hjerneslag",
      CANCER: "Kreft",
      MENTAL_ILLNESS: "Psykisk liding",
      SUBSTANCE_USE: "Rusavhengigheit",
      RHEUMATIC_DISEASE: "Revmatisk sjukdom",
      CHRONIC_PAIN: "Langvarige smerter",
      NEUROLOGICAL: "Nevrologisk sjukdom",
      OBESITY: "Fedme",
      KIDNEY_DISEASE: "Nyresjukdom",
      DEMENTIA: "Demens",
      OTHER: "Anna",
    },
    language: (code) => languageNameIn(code, "nn"),
  },
};

export default nn;
