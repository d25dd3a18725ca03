import type { Municipality, Organisation, Unit } from "@samspill/database";
import type { MeetingPointForExport, OfferForExport, SessionForExport } from "../types.js";

// Realistic rows as the routes load them with offerExportInclude / meetingPointExportInclude:
// a hospital trust's hybrid diabetes course, a municipality's KiD course, a digital film.

export const baseUrl = "https://samspill.example.no";
/** Before all fixture sessions, in Oslo summer time. */
export const now = new Date("2025-05-01T08:00:00Z");

const created = new Date("2025-01-10T10:00:00Z");
const updated = new Date("2025-04-02T12:30:00.123Z");

const counties = { "1506": "Møre og Romsdal", "1508": "Møre og Romsdal", "5001": "Trøndelag" } as const;

function municipality(number: keyof typeof counties, name: string): Municipality {
  return { number, name, county: counties[number], hospitalTrustId: null, latitude: null, longitude: null };
}

export const molde = municipality("1506", "Molde");
export const alesund = municipality("1508", "Ålesund");
export const trondheim = municipality("5001", "Trondheim");

function organisation(
  fields: Partial<Organisation> & Pick<Organisation, "id" | "kind" | "name">,
): Organisation {
  return {
    shortName: null,
    orgNumber: null,
    municipalityNumber: null,
    parentId: null,
    website: null,
    email: null,
    language: "nb",
    createdAt: created,
    updatedAt: updated,
    version: 1,
    ...fields,
  };
}

export const helseMr = organisation({
  id: "01936f3c-0000-7000-8000-000000000001",
  kind: "HOSPITAL_TRUST",
  name: "Helse Møre og Romsdal HF",
  shortName: "HMR",
  orgNumber: "997005562",
  parentId: "01936f3c-0000-7000-8000-000000000000",
  website: "https://helse-mr.no",
  email: "postmottak@helse-mr.no",
});

export const moldeKommune = organisation({
  id: "01936f3c-0000-7000-8000-000000000002",
  kind: "MUNICIPALITY",
  name: "Molde kommune",
  orgNumber: "864980512",
  municipalityNumber: "1506",
  website: "https://www.molde.kommune.no",
});

export const stOlav = organisation({
  id: "01936f3c-0000-7000-8000-000000000003",
  kind: "HOSPITAL_TRUST",
  name: "St. Olavs hospital HF",
  website: "https://stolav.no",
});

function unit(fields: Partial<Unit> & Pick<Unit, "id" | "organisationId" | "kind" | "name">): Unit {
  return { email: null, phone: null, address: null, createdAt: created, updatedAt: updated, ...fields };
}

export const lmsAlesund = unit({
  id: "01936f3c-0000-7000-8000-000000000011",
  organisationId: helseMr.id,
  kind: "LEARNING_AND_MASTERY_CENTRE",
  name: "Lærings- og mestringssenteret Ålesund",
  email: "lms.alesund@helse-mr.no",
  phone: "+47 70 10 50 00",
  address: "Ålesund sjukehus, Åsehaugen 5, 6017 Ålesund",
});

export const frisklivMolde = unit({
  id: "01936f3c-0000-7000-8000-000000000012",
  organisationId: moldeKommune.id,
  kind: "HEALTHY_LIVING_CENTRE",
  name: "Frisklivssentralen i Molde",
  email: "frisklivsentralen@molde.kommune.no",
  address: "Kirkebakken 1, 6413 Molde",
});

type OfferFields = Omit<OfferForExport, "provider" | "unit" | "municipalities" | "sessions">;

function offer(
  fields: Partial<OfferFields> &
    Pick<OfferFields, "id" | "title" | "summary" | "kind" | "diagnosisScope" | "format">,
  related: Pick<OfferForExport, "provider" | "unit" | "sessions"> & { municipalities: Municipality[] },
): OfferForExport {
  const id = fields.id;
  return {
    providerId: related.provider.id,
    textLanguage: "nb",
    unitId: related.unit?.id ?? null,
    description: "",
    diagnosisCodes: [],
    diagnosisGroups: [],
    topics: [],
    audiences: ["PATIENTS"],
    priorityGroups: [],
    location: null,
    onlineUrl: null,
    languages: ["nb"],
    accessibility: [],
    userRepPlanning: false,
    userRepDelivery: false,
    userRepEvaluation: false,
    a0099Eligible: false,
    interdisciplinary: false,
    status: "PUBLISHED",
    publishedAt: created,
    reviewDueOn: null,
    lastReviewedOn: null,
    contactName: null,
    contactEmail: null,
    contactPhone: null,
    howToJoin: null,
    registrationUrl: null,
    requiresReferral: false,
    minimumParticipants: null,
    flaggedForReview: false,
    flagReason: null,
    version: 1,
    createdAt: created,
    updatedAt: updated,
    ...fields,
    provider: related.provider,
    unit: related.unit,
    sessions: related.sessions,
    municipalities: related.municipalities.map((m) => ({
      offerId: id,
      municipalityNumber: m.number,
      municipality: m,
    })),
  };
}

function session(
  fields: Partial<SessionForExport> & Pick<SessionForExport, "id" | "offerId" | "startsAt" | "endsAt">,
): SessionForExport {
  return {
    location: null,
    onlineUrl: null,
    capacity: null,
    registrations: 0,
    cancelled: false,
    note: null,
    whatToBring: null,
    signUpDeadline: null,
    minimumParticipants: null,
    seatsTaken: 0,
    signUpSequence: 0,
    minimumCheckedAt: null,
    version: 1,
    createdAt: created,
    updatedAt: updated,
    ...fields,
  };
}

const diabetesId = "01936f3c-0000-7000-8000-000000000101";

/** Hybrid, diagnosis-specific (ICD-10 E11), two sessions of which the second is cancelled. */
export const diabetesCourse = offer(
  {
    id: diabetesId,
    title: "Diabetesskolen: leve godt med diabetes type 2",
    summary: "Todagerskurs om mat, aktivitet og medisiner – for deg med diabetes type 2, og dine pårørende.",
    description:
      "<b>Velkommen!</b> Kurset går over to dager; ta med matpakke, blodsukkerapparat og spørsmål.\nLikepersoner fra Diabetesforbundet deltar & deler erfaringer.",
    kind: "GROUP_COURSE",
    diagnosisScope: "DIAGNOSIS_SPECIFIC",
    diagnosisCodes: ["E11"],
    diagnosisGroups: ["DIABETES"],
    topics: ["LIVING_WITH_CHRONIC_ILLNESS", "HEALTHY_FOOD"],
    audiences: ["PATIENTS", "CARERS"],
    priorityGroups: ["MULTIPLE_CHRONIC_CONDITIONS"],
    format: "HYBRID",
    location: "Ålesund sjukehus, Møterom Fjorden; 2. etasje",
    onlineUrl: "https://helse-mr.no/digitalt-kurs/diabetes",
    languages: ["nb", "nn"],
    accessibility: ["HEARING_LOOP", "CAPTIONS"],
    userRepPlanning: true,
    userRepDelivery: true,
    userRepEvaluation: true,
    a0099Eligible: true,
    interdisciplinary: true,
    lastReviewedOn: new Date("2024-11-15T00:00:00Z"),
    contactName: "Kari Nordmann",
    contactEmail: "lms.alesund@helse-mr.no",
    contactPhone: "+47 70 10 50 00",
    howToJoin: "Henvisning fra fastlege er ikke nødvendig. Meld deg på via lenken.",
    registrationUrl: "https://helse-mr.no/pamelding/diabetes",
    version: 3,
  },
  {
    provider: helseMr,
    unit: lmsAlesund,
    municipalities: [molde, alesund],
    sessions: [
      session({
        id: "01936f3c-0000-7000-8000-000000000201",
        offerId: diabetesId,
        startsAt: new Date("2025-05-14T07:00:00Z"),
        endsAt: new Date("2025-05-14T13:00:00Z"),
        capacity: 20,
        registrations: 12,
        note: "Dag 1: mat, blodsukker; aktivitet",
        version: 2,
      }),
      session({
        id: "01936f3c-0000-7000-8000-000000000202",
        offerId: diabetesId,
        startsAt: new Date("2025-05-21T07:00:00Z"),
        endsAt: new Date("2025-05-21T13:00:00Z"),
        capacity: 20,
        cancelled: true,
        note: "Avlyst på grunn av sykdom",
        version: 4,
        updatedAt: new Date("2025-04-20T09:00:00.456Z"),
      }),
    ],
  },
);

const kidId = "01936f3c-0000-7000-8000-000000000102";

/** Physical, diagnosis-independent, in three languages, step-free; a winter (UTC+1) session. */
export const kidCourse = offer(
  {
    id: kidId,
    title: "KiD – Kurs i depresjonsmestring",
    summary: "Kurs for deg som vil mestre nedstemthet og depresjon.",
    kind: "GROUP_COURSE",
    diagnosisScope: "DIAGNOSIS_INDEPENDENT",
    topics: ["COPING_DEPRESSION"],
    audiences: ["PATIENTS"],
    priorityGroups: ["SEVERE_MENTAL_ILLNESS_AND_SUBSTANCE_USE"],
    format: "PHYSICAL",
    languages: ["nb", "en", "ar"],
    accessibility: ["STEP_FREE_ACCESS", "INTERPRETER"],
    userRepDelivery: true,
    contactEmail: "frisklivsentralen@molde.kommune.no",
  },
  {
    provider: moldeKommune,
    unit: frisklivMolde,
    municipalities: [molde],
    sessions: [
      session({
        id: "01936f3c-0000-7000-8000-000000000203",
        offerId: kidId,
        startsAt: new Date("2026-01-13T17:00:00Z"),
        endsAt: new Date("2026-01-13T19:30:00Z"),
        capacity: 12,
      }),
    ],
  },
);

const filmId = "01936f3c-0000-7000-8000-000000000103";

/** A film on the web: no sessions, no place, captions, South Sami and sign language. */
export const copdFilm = offer(
  {
    id: filmId,
    title: "Film: Å puste med KOLS",
    summary: "Kort film om pusteteknikker for personer med KOLS.",
    kind: "DIGITAL_RESOURCE",
    diagnosisScope: "DIAGNOSIS_SPECIFIC",
    diagnosisCodes: ["J44"],
    diagnosisGroups: ["COPD"],
    audiences: ["PATIENTS", "CARERS"],
    format: "DIGITAL",
    onlineUrl: "https://stolav.no/film/kols-pust",
    languages: ["nb", "sma", "sgn-no"],
    accessibility: ["CAPTIONS", "SIGN_LANGUAGE"],
  },
  { provider: stOlav, unit: null, municipalities: [trondheim], sessions: [] },
);

export const allOffers = [diabetesCourse, kidCourse, copdFilm];

/** A copy of an offer with some fields replaced. */
export function withOffer(base: OfferForExport, fields: Partial<OfferForExport>): OfferForExport {
  return { ...base, ...fields };
}

const meetingId = "01936f3c-0000-7000-8000-000000000301";

export const forumMeeting: MeetingPointForExport = {
  id: meetingId,
  kind: "HEALTH_COMMUNITY_FORUM",
  title: "Forum for helsefremming, Møre og Romsdal",
  organiserId: helseMr.id,
  organiser: helseMr,
  healthCommunityId: "01936f3c-0000-7000-8000-000000000009",
  healthCommunity: organisation({
    id: "01936f3c-0000-7000-8000-000000000009",
    kind: "HEALTH_COMMUNITY",
    name: "Helsefellesskapet Møre og Romsdal",
  }),
  agreementId: null,
  startsAt: new Date("2025-05-20T08:00:00Z"),
  endsAt: new Date("2025-05-20T11:00:00Z"),
  location: "Molde sjukehus, auditoriet",
  onlineUrl: "https://helse-mr.no/teams/forum",
  agenda: "1. Gjennomgang av felles oversikt; tilbud og hull\n2. Eventuelt, spørsmål & innspill",
  minutes: "",
  version: 2,
  createdAt: created,
  updatedAt: updated,
  participants: [
    { meetingPointId: meetingId, organisationId: moldeKommune.id, organisation: moldeKommune },
    { meetingPointId: meetingId, organisationId: helseMr.id, organisation: helseMr },
  ],
};

export const cooperationMeeting: MeetingPointForExport = {
  ...forumMeeting,
  id: "01936f3c-0000-7000-8000-000000000302",
  kind: "ANNUAL_COOPERATION_MEETING",
  title: "Årlig samarbeidsmøte med kommunale helsefremmende aktører",
  healthCommunityId: null,
  healthCommunity: null,
  startsAt: new Date("2025-12-02T09:00:00Z"),
  endsAt: new Date("2025-12-02T14:00:00Z"),
  location: null,
  agenda: "",
  version: 1,
  participants: [],
};
