import {
  diagnosisGroupLabels,
  languageNameIn,
  offerFormatLabels,
  offerKindLabels,
  priorityGroupLabels,
} from "@samspill/domain";
import type { OfferChangeKind } from "../offer-changes.js";
import type { ReminderKind } from "../reminders-content.js";

// Bokmål texts of the summaries and reminders: the source every other language's texts are
// typed by (index.ts), so a text missing in nynorsk or English fails to compile. The labels of
// the vocabularies are the domain's own bokmål labels, the ones the exports use.

const nb = {
  locale: "nb-NO",
  greeting: (name: string) => `Hei ${name},`,
  layout: {
    about: "Samspill er samhandlingsverktøyet for pasient- og pårørendeopplæring i Helse Midt-Norge:",
  },
  figures: {
    fewerThan: (threshold: number) => `færre enn ${threshold}`,
    hidden: "skjult",
  },
  weekLabel: (week: number) => `uke ${week}`,
  digest: {
    headings: {
      NEW: "Nye tilbud",
      UPDATED: "Endrede tilbud",
      PAUSED: "Tilbud satt på pause",
      ENDED: "Avsluttede tilbud",
    } satisfies Record<OfferChangeKind, string>,
    preview: (offers: number, sessions: number) => `${offers} endrede tilbud, ${sessions} kommende samlinger`,
    title: (week: string) => `Ukens endringer, ${week}`,
    reason: "Du får denne e-posten fordi du abonnerer på ukentlig oppsummering i Samspill.",
    since: (date: string) => `Her er det som er nytt siden ${date}.`,
    scope: (names: string) => ` Utvalget ditt: ${names}.`,
    noChanges: "Ingen tilbud i utvalget ditt er endret i perioden.",
    sessionsHeading: (days: number) => `Kommende kurs og samlinger (neste ${days} dager)`,
    online: "digitalt",
    and: " og ",
    seatsLeft: (seats: number) => `${seats} ledige plasser`,
    agreementsHeading: (days: number) => `Avtaler som utløper innen ${days} dager`,
    validTo: (date: string) => `Gyldig til ${date}`,
    /** After the listed entries of a section (shownPerSection), with a link to all of them. */
    moreOffers: (count: number) => `… og ${count} tilbud til. Se hele utvalget ditt i katalogen`,
    moreSessions: (count: number) =>
      `… og ${count} ${count === 1 ? "samling" : "samlinger"} til. Se alle i katalogen`,
    moreAgreements: (count: number) =>
      `… og ${count} ${count === 1 ? "avtale" : "avtaler"} til. Se alle i arbeidsområdet ditt`,
    subject: (count: number, week: string) =>
      count === 0
        ? `Samspill: ukens oversikt, ${week}`
        : `Samspill: ${count} ${count === 1 ? "nytt eller endret tilbud" : "nye eller endrede tilbud"}, ${week}`,
  },
  reminders: {
    headings: {
      CHECKPOINT: "Sjekkpunkter i handlingsplanene",
      PLAN_REVIEW: "Gjennomganger av handlingsplanene",
      AGREEMENT_EXPIRING: "Samarbeidsavtaler som snart utløper",
      REVIEW_DUE: "Tilbud som skal gjennomgås (hvert 5. år)",
      FOLLOW_UP_OVERDUE: "Oppfølgingspunkter fra møter som er på etterskudd",
    } satisfies Record<ReminderKind, string>,
    overdue: (date: string, days: number) => `Frist ${date} (${days} dager siden)`,
    today: (date: string) => `Frist i dag, ${date}`,
    due: (date: string, days: number) => `Frist ${date} (om ${days} dager)`,
    preview: (count: number) => `${count} ${count === 1 ? "påminnelse" : "påminnelser"} fra Samspill`,
    title: "Påminnelser",
    reason:
      "Du får denne e-posten fordi du er administrator eller redaktør for en organisasjon i Samspill. Hver påminnelse sendes én gang.",
    intro: "Dette trenger oppmerksomhet hos organisasjonen din:",
    measure: (measure: string) => `Tiltak ${measure}`,
    planReview: (plan: string) => `Gjennomgang av ${plan}`,
    lastReviewed: (date: string) => `Sist gjennomgått ${date}`,
    subjectOne: (what: string) => `Samspill: påminnelse – ${what}`,
    subjectMany: (count: number) => `Samspill: ${count} påminnelser`,
    /** The subject of a mail with one reminder, naming what it is about. */
    subjects: {
      CHECKPOINT: (measure: string) => `Sjekkpunkt for tiltak ${measure}`,
      PLAN_REVIEW: (plan: string) => `Gjennomgang av handlingsplan: ${plan}`,
      AGREEMENT_EXPIRING: (what: string) => `Avtale utløper: ${what}`,
      REVIEW_DUE: (what: string) => `Gjennomgang av tilbud: ${what}`,
      FOLLOW_UP_OVERDUE: (what: string) => `Oppfølgingspunkt på etterskudd: ${what}`,
    } satisfies Record<ReminderKind, (what: string) => string>,
  },
  forumFlag: {
    kinds: {
      GAP: "Mangel i tilbudet",
      TASK_DIVISION_CONFLICT: "Spørsmål om oppgavedeling",
      STALE_OFFER: "Utdatert tilbud",
    },
    audiences: { PATIENT: "pasienter", RELATIVE: "pårørende", BOTH: "pasienter og pårørende" } as Record<
      string,
      string
    >,
    raisedTitle: "Helsefellesskapet ber organisasjonen din svare på et flagg",
    dueTitle: "Fristen for et flagg fra helsefellesskapet nærmer seg",
    raised: (community: string, owner: string) =>
      `Forumet i ${community} har flagget noe som ${owner} er ansvarlig for å svare på.`,
    due: (community: string, owner: string) =>
      `Et flagg fra forumet i ${community} som ${owner} er ansvarlig for, er fortsatt åpent.`,
    subject: (kind: string) => `Gjelder: ${kind}`,
    note: (note: string) => `Merknad: ${note}`,
    dueOn: (date: string) => `Frist: ${date}`,
    resolvedHow: "Flagget løses ved et vedtak i et forummøte i helsefellesskapet.",
    open: "Åpne flagget",
    reason:
      "Du får denne e-posten fordi du er administrator eller redaktør for organisasjonen flagget er lagt på. Hvert varsel sendes én gang.",
    subjectRaised: (kind: string) => `Samspill: nytt flagg fra helsefellesskapet – ${kind}`,
    subjectDue: (kind: string, date: string) =>
      `Samspill: frist ${date} for flagg fra helsefellesskapet – ${kind}`,
  },
  sessionDecision: {
    subjectAhead: (title: string) => `Kurset blir gjennomført: ${title}`,
    subjectCancelled: (title: string) => `Kurset er avlyst (for få påmeldte): ${title}`,
    counts: (participants: number, minimum: number) =>
      `${participants} bekreftede deltakere; minimum er ${minimum}.`,
    waiting: (waiting: number) => `${waiting} står på venteliste.`,
    goesAhead: "Kurset går som planlagt.",
    cancelled: "Samlingen er avlyst, og alle påmeldte og alle på venteliste har fått beskjed på e-post.",
    reason: "Du får denne e-posten fordi du er kontaktperson eller redaktør for kurset i Samspill.",
  },
  halfYearly: {
    half: (half: 1 | 2, year: number) => `${half === 1 ? "første" : "andre"} halvår ${year}`,
    preview: (count: number, half: string) => `${count} lærings- og mestringstilbud ${half}`,
    title: (half: string) => `Lærings- og mestringstilbud, ${half}`,
    reason: "Du får denne e-posten fordi du abonnerer på halvårsoversikten i Samspill.",
    scope: (names: string) => ` for ${names}`,
    intro: (scope: string, url: string) =>
      `Her er oversikten over publiserte tilbud${scope}. Skriv den ut som plakat, eller del lenken til den oppdaterte oversikten: ${url}`,
    none: "Ingen publiserte tilbud i utvalget ditt.",
    dates: (dates: string) => `Datoer: ${dates}`,
    rolling: "Løpende oppstart",
    languages: (names: string) => `Språk: ${names}`,
    howToJoin: (text: string) => `Slik melder du deg på: ${text}`,
    registration: (url: string) => `Påmelding: ${url}`,
    contact: (contact: string) => `Kontakt: ${contact}`,
    subject: (half: string) => `Samspill: lærings- og mestringstilbud ${half}`,
  },
  annualReport: {
    preview: (year: number, scope: string) => `Årsrapport ${year} for ${scope}`,
    title: (year: number, scope: string) => `Årsrapport ${year}: ${scope}`,
    reason: "Du får denne e-posten fordi du abonnerer på årsrapporten i Samspill.",
    intro: (scope: string, year: number, threshold: number) =>
      `Her er årsrapporten for pasient- og pårørendeopplæring i ${scope} for ${year}. Tall under ${threshold} vises som «færre enn ${threshold}», slik at ingen kan kjennes igjen.`,
    a0099Heading: "A0099-aktivitet",
    count: "Antall",
    a0099Offers: "Tilbud med A0099-koding i bruk",
    a0099Sessions: "Gjennomførte samlinger",
    participants: "Deltakere",
    participationHeading: "Deltakelse",
    reports: (reports: number, offers: number) => `${reports} deltakerrapporter for ${offers} tilbud.`,
    audience: "Målgruppe",
    audiences: ["Pasienter", "Pårørende", "Barn og unge", "Foreldre", "Andre"],
    total: "Totalt",
    userRepsHeading: "Brukermedvirkning",
    phase: "Fase",
    repsInOffers: "Brukerrepresentanter i tilbud",
    offersWithReps: "Tilbud med brukermedvirkning",
    repsInMeetings: "Brukerrepresentanter i møtepunkter",
    phases: ["Planlegging", "Gjennomføring", "Evaluering"],
    outOf: (count: number, of: number) => `${count} av ${of}`,
    pamHeading: "PAM før og etter",
    noPam: (year: number) => `Ingen PAM-målinger er rapportert for ${year}.`,
    before: "Før",
    after: "Etter",
    answers: "Svar",
    meanScore: "Gjennomsnittlig PAM-skår (0–100)",
    level: (level: number) => `Nivå ${level}`,
    offer: "Tilbud",
    answersBefore: "Svar før",
    scoreBefore: "Skår før",
    answersAfter: "Svar etter",
    scoreAfter: "Skår etter",
    subject: (year: number, scope: string) => `Samspill: årsrapport ${year} for ${scope}`,
  },
  labels: {
    offerKind: offerKindLabels,
    offerFormat: offerFormatLabels,
    priorityGroup: priorityGroupLabels,
    diagnosisGroup: diagnosisGroupLabels,
    language: (code: string) => languageNameIn(code, "nb"),
  },
};

export default nb;
