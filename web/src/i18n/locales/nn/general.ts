import type { Translation } from "../../catalogue.js";
import type nb from "../nb/general.js";

// Nynorsk texts of the frame of every page (name, menu, sign-in, language, 404), organisations and change history.

const texts: Translation<typeof nb> = {
  app: {
    name: "Samspill",
    tagline: "Lærings- og meistringstilbod for pasientar og pårørande i Helse Midt-Noreg",
    skipToContent: "Hopp til hovudinnhaldet",
    footer:
      "Samspill samlar helseføretak, kommunar, brukarorganisasjonar og universitet om pasient- og pårørandeopplæring.",
    footerOpenData: "Opne data",
    loading: "Lastar …",
    error: "Noko gjekk gale: {{message}}",
  },
  nav: {
    label: "Hovudmeny",
    catalogue: "Finn tilbod",
    organisations: "Organisasjonar",
    overview: "Felles oversikt",
    workspace: "Mitt arbeidsområde",
    participation: "Rapporter deltaking",
    offerImport: "Importer tilbod",
    pam: "PAM før og etter",
    intake: "Førespurnader om plass",
    a0099: "A0099-aktivitet",
    actionPlans: "Handlingsplanar",
    forumFlags: "Forumflagg",
    mail: "E-post og samandrag",
    subscriptions: "Mine abonnement",
    people: "Organisasjonar og personar",
  },
  auth: {
    signIn: "Logg inn",
    signOut: "Logg ut",
    signedInAs: "Innlogga som {{name}}",
    userMenu: "Innlogga brukar",
    signInRequired: "Du må logge inn for å sjå denne sida.",
  },
  language: { label: "Visingsspråk" },
  notFound: {
    title: "Fann ikkje sida",
    body: "Sida du leitte etter finst ikkje, eller ho er flytta.",
    home: "Gå til tilbodsoversikta",
  },
  organisations: {
    title: "Organisasjonar i Samspill",
    count_one: "{{count}} organisasjon samarbeider om pasient- og pårørandeopplæring.",
    count_other: "{{count}} organisasjonar samarbeider om pasient- og pårørandeopplæring.",
  },
  pages: {
    label: "Sider",
    shown: "Viser {{from}}–{{to}}",
    previous: "Førre side",
    next: "Neste side",
  },
  history: {
    heading: "Endringslogg",
    none: "Ingen endringar er registrerte.",
    system: "Systemet",
    field: "Felt",
    from: "Frå",
    to: "Til",
    empty: "(tomt)",
    created: "Oppretta",
    more: "Vis eldre endringar",
  },
};

export default texts;
