import type { Role, UnitKind } from "@samspill/domain";
import {
  HMR,
  HNT,
  hospitalTrust,
  type ReferenceOrganisation,
  RHF,
  regionalHealthAuthority,
  STOLAV,
} from "./region.data.js";

export { HMR, HNT, hospitalTrustKeyByName, RHF, STOLAV } from "./region.data.js";

// Demo organisations of the Helse Midt-Norge region. Municipalities come from the CSV, the
// regional health authority and the trusts from region.data.ts (the reference seed); the
// rest is listed here. Organisation numbers are left out where we are not certain of them.

export interface OrganisationSeed extends ReferenceOrganisation {
  units?: { key: string; kind: UnitKind; name: string; email?: string; phone?: string; address?: string }[];
}

/**
 * Municipalities of Helse Møre og Romsdal that write nynorsk (their chosen målform, a best reading
 * for the demo: the reference data does not say): their members' mails go out in nynorsk.
 */
export const nynorskMunicipalities: ReadonlySet<string> = new Set([
  "1511", // Vanylven
  "1514", // Sande
  "1515", // Herøy
  "1516", // Ulstein
  "1517", // Hareid
  "1520", // Ørsta
  "1525", // Stranda
  "1528", // Sykkylven
  "1563", // Sunndal
  "1566", // Surnadal
  "1577", // Volda
  "1578", // Fjord
]);

export const organisations: OrganisationSeed[] = [
  regionalHealthAuthority,
  {
    ...hospitalTrust(HMR),
    units: [
      {
        key: "lms-alesund",
        kind: "LEARNING_AND_MASTERY_CENTRE",
        name: "Lærings- og mestringssenteret Ålesund",
        address: "Ålesund sjukehus",
      },
      {
        key: "lms-molde",
        kind: "LEARNING_AND_MASTERY_CENTRE",
        name: "Lærings- og mestringssenteret Molde",
        address: "Sjukehuset Nordmøre og Romsdal, Hjelset",
      },
      {
        key: "lms-kristiansund",
        kind: "LEARNING_AND_MASTERY_CENTRE",
        name: "Lærings- og mestringssenteret Kristiansund",
      },
      { key: "lms-volda", kind: "LEARNING_AND_MASTERY_CENTRE", name: "Lærings- og mestringssenteret Volda" },
      { key: "med-klinikk", kind: "CLINIC", name: "Medisinsk klinikk" },
      { key: "psyk-klinikk", kind: "CLINIC", name: "Klinikk for psykisk helse og rus" },
    ],
  },
  {
    ...hospitalTrust(STOLAV),
    units: [
      {
        key: "lms",
        kind: "LEARNING_AND_MASTERY_CENTRE",
        name: "Lærings- og mestringssenteret St. Olavs hospital",
        address: "Olav Kyrres gate 17, Trondheim",
      },
      { key: "hjerte-lunge", kind: "CLINIC", name: "Klinikk for hjerte, lunge og karsykdommer" },
      { key: "kreft", kind: "CLINIC", name: "Kreftklinikken" },
      { key: "psykisk", kind: "CLINIC", name: "Klinikk for psykisk helsevern" },
      { key: "barn", kind: "CLINIC", name: "Barne- og ungdomsklinikken" },
    ],
  },
  {
    ...hospitalTrust(HNT),
    units: [
      {
        key: "lms-levanger",
        kind: "LEARNING_AND_MASTERY_CENTRE",
        name: "Lærings- og mestringssenteret Sykehuset Levanger",
        address: "Kirkegata 2, Levanger",
      },
      {
        key: "lms-namsos",
        kind: "LEARNING_AND_MASTERY_CENTRE",
        name: "Lærings- og mestringssenteret Sykehuset Namsos",
      },
      { key: "medisin", kind: "CLINIC", name: "Medisinsk klinikk" },
    ],
  },
  {
    key: "uo:ffo",
    kind: "USER_ORGANISATION",
    name: "FFO Trøndelag",
    shortName: "FFO",
    website: "https://www.ffo.no",
  },
  {
    key: "uo:ffo-mr",
    kind: "USER_ORGANISATION",
    name: "FFO Møre og Romsdal",
    shortName: "FFO MR",
    website: "https://www.ffo.no",
  },
  {
    key: "uo:safo",
    kind: "USER_ORGANISATION",
    name: "SAFO Midt-Norge",
    shortName: "SAFO",
    website: "https://www.safo.no",
  },
  {
    key: "uo:kreftforeningen",
    kind: "USER_ORGANISATION",
    name: "Kreftforeningen Midt-Norge",
    shortName: "Kreftforeningen",
    website: "https://kreftforeningen.no",
  },
  {
    key: "uo:rbu",
    kind: "USER_ORGANISATION",
    name: "Regionalt brukerutvalg Helse Midt-Norge",
    shortName: "RBU",
    parentKey: RHF,
    units: [{ key: "rbu", kind: "USER_COUNCIL", name: "Regionalt brukerutvalg" }],
  },
  {
    key: "uni:ntnu",
    kind: "UNIVERSITY",
    name: "NTNU",
    orgNumber: "974767880",
    website: "https://www.ntnu.no",
    units: [
      { key: "mh", kind: "DEPARTMENT", name: "Fakultet for medisin og helsevitenskap" },
      { key: "ihg", kind: "DEPARTMENT", name: "Institutt for helsevitenskap, Gjøvik og Ålesund" },
    ],
  },
  {
    key: "hf-community:mr",
    kind: "HEALTH_COMMUNITY",
    name: "Helsefellesskapet Møre og Romsdal",
    parentKey: HMR,
  },
  {
    key: "hf-community:trondelag",
    kind: "HEALTH_COMMUNITY",
    name: "Helsefellesskapet St. Olav og kommunene",
    parentKey: STOLAV,
  },
];

/** Healthy-living centres and municipal learning-and-mastery services, as units of their municipality. */
export const municipalUnits: {
  municipality: string;
  key: string;
  kind: UnitKind;
  name: string;
  address?: string;
}[] = [
  {
    municipality: "1506",
    key: "frisklivs",
    kind: "HEALTHY_LIVING_CENTRE",
    name: "Frisklivssentralen i Molde",
    address: "Moldetrappa 3",
  },
  {
    municipality: "1508",
    key: "frisklivs",
    kind: "HEALTHY_LIVING_CENTRE",
    name: "Frisk Ålesund",
    address: "Keiser Wilhelms gate 11",
  },
  {
    municipality: "1505",
    key: "frisklivs",
    kind: "HEALTHY_LIVING_CENTRE",
    name: "Frisklivssentralen i Kristiansund",
  },
  {
    municipality: "1577",
    key: "frisklivs",
    kind: "HEALTHY_LIVING_CENTRE",
    name: "Frisklivssentralen i Volda",
  },
  {
    municipality: "5001",
    key: "frisklivs",
    kind: "HEALTHY_LIVING_CENTRE",
    name: "Frisklivssentralen i Trondheim",
    address: "Erling Skakkes gate 40",
  },
  {
    municipality: "5001",
    key: "lms",
    kind: "MUNICIPAL_LEARNING_AND_MASTERY",
    name: "Lærings- og mestringstjenesten i Trondheim kommune",
  },
  {
    municipality: "5037",
    key: "frisklivs",
    kind: "HEALTHY_LIVING_CENTRE",
    name: "Frisklivssentralen i Levanger",
  },
  {
    municipality: "5006",
    key: "frisklivs",
    kind: "HEALTHY_LIVING_CENTRE",
    name: "Frisklivssentralen i Steinkjer",
  },
  {
    municipality: "5007",
    key: "frisklivs",
    kind: "HEALTHY_LIVING_CENTRE",
    name: "Frisklivssentralen i Namsos",
  },
  {
    municipality: "5059",
    key: "frisklivs",
    kind: "HEALTHY_LIVING_CENTRE",
    name: "Frisklivssentralen i Orkland",
  },
  {
    municipality: "5025",
    key: "frisklivs",
    kind: "HEALTHY_LIVING_CENTRE",
    name: "Frisklivssentralen i Røros",
  },
];

/** Health communities: the trust, its catchment municipalities and user organisations. */
export const healthCommunities: { key: string; hospitalTrusts: string[]; userOrgs: string[] }[] = [
  { key: "hf-community:mr", hospitalTrusts: [HMR], userOrgs: ["uo:ffo-mr", "uo:kreftforeningen", "uo:rbu"] },
  { key: "hf-community:trondelag", hospitalTrusts: [STOLAV], userOrgs: ["uo:ffo", "uo:safo", "uo:rbu"] },
];

export interface PersonSeed {
  key: string;
  name: string;
  email: string;
  /** Subject the local OpenID provider issues for this demo user. */
  subject: string;
  memberships: { org: string; role: Role; unit?: string; title?: string }[];
}

/** Demo users: one or two per user group, so every journey can be walked in the demo. */
export const people: PersonSeed[] = [
  {
    key: "kari",
    name: "Kari Nordmann",
    email: "kari.nordmann@molde.kommune.no",
    subject: "demo-kari",
    memberships: [{ org: "mun:1506", role: "EDITOR", unit: "frisklivs", title: "Leder, Frisklivssentralen" }],
  },
  {
    key: "ola",
    name: "Ola Hansen",
    email: "ola.hansen@molde.kommune.no",
    subject: "demo-ola",
    memberships: [{ org: "mun:1506", role: "ADMIN", title: "Kommunalsjef helse" }],
  },
  {
    key: "ingrid",
    name: "Ingrid Berg",
    email: "ingrid.berg@trondheim.kommune.no",
    subject: "demo-ingrid",
    memberships: [{ org: "mun:5001", role: "EDITOR", unit: "lms", title: "Rådgiver" }],
  },
  {
    key: "per",
    name: "Per Solberg",
    email: "per.solberg@stolav.no",
    subject: "demo-per",
    memberships: [{ org: STOLAV, role: "EDITOR", unit: "lms", title: "Rådgiver, LMS" }],
  },
  {
    key: "lise",
    name: "Lise Vik",
    email: "lise.vik@helse-mr.no",
    subject: "demo-lise",
    memberships: [
      { org: HMR, role: "EDITOR", unit: "lms-alesund", title: "Leder, LMS Ålesund" },
      { org: "hf-community:mr", role: "FORUM_MEMBER" },
    ],
  },
  {
    key: "jon",
    name: "Jon Aas",
    email: "jon.aas@hnt.no",
    subject: "demo-jon",
    memberships: [{ org: HNT, role: "ADMIN", unit: "lms-levanger", title: "Seksjonsleder" }],
  },
  {
    key: "marte",
    name: "Marte Lund",
    email: "marte.lund@molde.kommune.no",
    subject: "demo-marte",
    memberships: [{ org: "hf-community:mr", role: "FORUM_MEMBER", title: "Sekretær, helsefellesskapet" }],
  },
  {
    key: "sigrid",
    name: "Sigrid Moe",
    email: "sigrid.moe@ffo.no",
    subject: "demo-sigrid",
    memberships: [
      { org: "uo:ffo", role: "REPORTER", title: "Brukerrepresentant" },
      { org: "hf-community:trondelag", role: "FORUM_MEMBER" },
    ],
  },
  {
    key: "arne",
    name: "Arne Dahl",
    email: "arne.dahl@kreftforeningen.no",
    subject: "demo-arne",
    memberships: [{ org: "uo:kreftforeningen", role: "REPORTER", title: "Regionkontakt" }],
  },
  {
    key: "eva",
    name: "Eva Strand",
    email: "eva.strand@helse-midt.no",
    subject: "demo-eva",
    memberships: [{ org: RHF, role: "ADMIN", title: "Spesialrådgiver" }],
  },
  {
    key: "nils",
    name: "Nils Brekke",
    email: "nils.brekke@ntnu.no",
    subject: "demo-nils",
    memberships: [{ org: "uni:ntnu", role: "VIEWER", unit: "mh", title: "Førsteamanuensis" }],
  },
];
