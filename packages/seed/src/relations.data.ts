import type { MeetingKind, PartyRole } from "@samspill/domain";
import { HMR, HNT, STOLAV } from "./organisations.data.js";

// Agreements and meeting points of the demo region. Dates are days relative to the seed's
// reference date, so the demo always has one agreement close to expiry and meetings ahead.

export interface AgreementSeed {
  key: string;
  title: string;
  subAgreement: string;
  description: string;
  fromDays: number;
  toDays: number | null;
  parties: { org: string; role: PartyRole }[];
  responsibilities: {
    org: string;
    description: string;
    scope?: "DIAGNOSIS_SPECIFIC" | "DIAGNOSIS_INDEPENDENT";
  }[];
  offers: string[];
}

export const agreements: AgreementSeed[] = [
  {
    key: "hmr-molde-d5",
    title: "Samarbeidsavtale mellom Helse Møre og Romsdal HF og Molde kommune",
    subAgreement: "Delavtale 5",
    description:
      "Pasient- og pårørendeopplæring: oppgavefordeling og samarbeid om lærings- og mestringstilbud.",
    fromDays: -900,
    toDays: 60,
    parties: [
      { org: HMR, role: "HOSPITAL_TRUST" },
      { org: "mun:1506", role: "MUNICIPALITY" },
    ],
    responsibilities: [
      {
        org: HMR,
        description: "Diagnosespesifikke kurs som krever spesialisert kompetanse",
        scope: "DIAGNOSIS_SPECIFIC",
      },
      {
        org: "mun:1506",
        description: "Diagnoseuavhengige mestringskurs og frisklivstilbud",
        scope: "DIAGNOSIS_INDEPENDENT",
      },
    ],
    offers: ["hmr-diabetes2", "molde-kid", "molde-bra-mat"],
  },
  {
    key: "hmr-alesund-d5",
    title: "Samarbeidsavtale mellom Helse Møre og Romsdal HF og Ålesund kommune",
    subAgreement: "Delavtale 5",
    description: "Pasient- og pårørendeopplæring i Ålesund og omegn.",
    fromDays: -700,
    toDays: 400,
    parties: [
      { org: HMR, role: "HOSPITAL_TRUST" },
      { org: "mun:1508", role: "MUNICIPALITY" },
    ],
    responsibilities: [
      { org: HMR, description: "Diagnosespesifikke kurs", scope: "DIAGNOSIS_SPECIFIC" },
      {
        org: "mun:1508",
        description: "Frisklivstilbud: røykeslutt, søvn og kosthold",
        scope: "DIAGNOSIS_INDEPENDENT",
      },
    ],
    offers: ["hmr-diabetes2", "alesund-snus-royk", "alesund-sovn"],
  },
  {
    key: "stolav-trondheim-d5",
    title: "Samarbeidsavtale mellom St. Olavs hospital HF og Trondheim kommune",
    subAgreement: "Delavtale 5",
    description: "Pasient- og pårørendeopplæring, felles kursoversikt og brukermedvirkning.",
    fromDays: -400,
    toDays: 1100,
    parties: [
      { org: STOLAV, role: "HOSPITAL_TRUST" },
      { org: "mun:5001", role: "MUNICIPALITY" },
      { org: "uo:ffo", role: "USER_ORGANISATION" },
    ],
    responsibilities: [
      {
        org: STOLAV,
        description: "Diagnosespesifikke kurs og A0099-registrering",
        scope: "DIAGNOSIS_SPECIFIC",
      },
      {
        org: "mun:5001",
        description: "Diagnoseuavhengige kurs og oppfølging etter utskriving",
        scope: "DIAGNOSIS_INDEPENDENT",
      },
      { org: "uo:ffo", description: "Brukerrepresentanter i planlegging og evaluering" },
    ],
    offers: ["stolav-diabetes2", "stolav-kols", "trondheim-kid", "trondheim-kols-kommune"],
  },
  {
    key: "hnt-levanger-d5",
    title: "Samarbeidsavtale mellom Helse Nord-Trøndelag HF og Levanger kommune",
    subAgreement: "Delavtale 5",
    description: "Lærings- og mestringstilbud i Innherred.",
    fromDays: -1500,
    toDays: 30,
    parties: [
      { org: HNT, role: "HOSPITAL_TRUST" },
      { org: "mun:5037", role: "MUNICIPALITY" },
    ],
    responsibilities: [
      { org: HNT, description: "Diagnosespesifikke kurs", scope: "DIAGNOSIS_SPECIFIC" },
      { org: "mun:5037", description: "Frisklivstilbud", scope: "DIAGNOSIS_INDEPENDENT" },
    ],
    offers: ["hnt-diabetes2", "levanger-bedre-helse"],
  },
];

export interface MeetingSeed {
  key: string;
  kind: MeetingKind;
  title: string;
  organiser: string;
  healthCommunity?: string;
  agreement?: string;
  startDays: number;
  hours: number;
  location?: string;
  onlineUrl?: string;
  agenda: string;
  minutes?: string;
  participants: string[];
  decisions?: string[];
  followUps?: { text: string; org?: string; dueDays: number; done?: boolean }[];
}

export const meetings: MeetingSeed[] = [
  {
    key: "mr-forum-autumn",
    kind: "HEALTH_COMMUNITY_FORUM",
    title: "Fagråd for pasient- og pårørendeopplæring, Møre og Romsdal",
    organiser: HMR,
    healthCommunity: "hf-community:mr",
    agreement: "hmr-molde-d5",
    startDays: -40,
    hours: 3,
    location: "Molde rådhus",
    agenda:
      "1. Felles oversikt over tilbud\n2. Hull i tilbudet for skrøpelige eldre\n3. Oppgavedeling hjertetrening",
    minutes: "Gjennomgang av felles oversikt. Få tilbud til skrøpelige eldre på Sunnmøre.",
    participants: [HMR, "mun:1506", "mun:1508", "mun:1505", "uo:ffo-mr", "uo:rbu"],
    decisions: ["Kommunene på Sunnmøre kartlegger behov for tilbud til skrøpelige eldre"],
    followUps: [
      { text: "Kartlegge behov for tilbud til skrøpelige eldre på Sunnmøre", org: "mun:1508", dueDays: 20 },
      { text: "Avklare oppgavedeling for hjertetrening i Molde", org: HMR, dueDays: -5 },
    ],
  },
  {
    key: "mr-forum-spring",
    kind: "HEALTH_COMMUNITY_FORUM",
    title: "Fagråd for pasient- og pårørendeopplæring, Møre og Romsdal – vår",
    organiser: HMR,
    healthCommunity: "hf-community:mr",
    startDays: 30,
    hours: 3,
    onlineUrl: "https://helse-mr.no/fagrad",
    agenda: "1. Gjennomgang av felles oversikt\n2. Rapport om deltakelse\n3. Eventuelt",
    participants: [HMR, "mun:1506", "mun:1508", "mun:1577", "uo:ffo-mr", "uo:kreftforeningen"],
  },
  {
    key: "stolav-annual-may",
    kind: "ANNUAL_COOPERATION_MEETING",
    title: "Årlig samarbeidsmøte med kommunale helsefremmende aktører",
    organiser: STOLAV,
    healthCommunity: "hf-community:trondelag",
    agreement: "stolav-trondheim-d5",
    startDays: 150,
    hours: 5,
    location: "Scandic Lerkendal, Trondheim",
    agenda: "Felles kursoversikt, brukermedvirkning, digitale tilbud.",
    participants: [STOLAV, "mun:5001", "mun:5059", "mun:5025", "uo:ffo", "uni:ntnu"],
  },
  {
    key: "frisklivs-december",
    kind: "HEALTHY_LIVING_CENTRE_MEETING",
    title: "Årlig møte med frisklivssentralene",
    organiser: STOLAV,
    startDays: 20,
    hours: 4,
    onlineUrl: "https://stolav.no/frisklivsmote",
    agenda: "Erfaringsdeling og planer for neste år.",
    participants: [STOLAV, HMR, HNT, "mun:5001", "mun:5037", "mun:5006", "mun:5007", "mun:1506", "mun:1508"],
  },
  {
    key: "rbu-network",
    kind: "USER_COUNCIL_NETWORK",
    title: "Regionalt nettverk for LMS – møte med brukerutvalget",
    organiser: "uo:rbu",
    startDays: -90,
    hours: 3,
    location: "Helse Midt-Norge, Stjørdal",
    agenda: "Brukerutvalgets innspill til handlingsplanen.",
    minutes: "Brukerutvalget ber om bedre oversikt over tilbud på samisk og arabisk.",
    participants: ["uo:rbu", STOLAV, HMR, HNT],
    decisions: ["LMS-nettverket legger fram språkoversikt på neste møte"],
    followUps: [{ text: "Lage oversikt over tilbud på samisk og arabisk", org: STOLAV, dueDays: 10 }],
  },
  {
    key: "lsu-levanger",
    kind: "LOCAL_COOPERATION_COMMITTEE",
    title: "Lokalt samarbeidsutvalg Innherred",
    organiser: HNT,
    agreement: "hnt-levanger-d5",
    startDays: -14,
    hours: 2,
    location: "Sykehuset Levanger",
    agenda: "Reforhandling av delavtale 5.",
    participants: [HNT, "mun:5037", "mun:5038"],
    followUps: [{ text: "Utkast til ny delavtale 5", org: HNT, dueDays: 14 }],
  },
];
