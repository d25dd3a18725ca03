import { z } from "zod";
import {
  email,
  httpUrl,
  municipalityNumber,
  nonEmptyText,
  nonNegativeCount,
  optionalText,
  organisationNumber,
  plainText,
  uuid,
} from "./common.js";
import {
  agreementStatuses,
  cadences,
  diagnosisScopes,
  followUpStatuses,
  measureStatuses,
  meetingKinds,
  offerStatuses,
  organisationKinds,
  partyRoles,
  roles,
  subscriptionKinds,
  unitKinds,
  writtenLanguages,
} from "./enums.js";
import { createOfferInput } from "./offer.js";
import { addSessionInput } from "./session.js";

// Inputs of the import commands. The caller (the demo seed, a spreadsheet import) names every
// row by its own stable id, so importing the same data again finds the same rows and changes
// nothing. A field left out keeps what is stored; null clears it.

const instant = z.coerce.date();
const year = z.number().int().min(1900).max(2200);

export const upsertOrganisationInput = z
  .object({
    id: uuid,
    kind: z.enum(organisationKinds),
    name: nonEmptyText(300),
    shortName: optionalText(100),
    orgNumber: organisationNumber.nullish(),
    website: httpUrl.nullish(),
    parentId: uuid.nullish(),
    municipalityNumber: municipalityNumber.nullish(),
    /** The organisation's written standard (målform); left out keeps the stored one. */
    language: z.enum(writtenLanguages).optional(),
  })
  .strict();
export type UpsertOrganisationInput = z.output<typeof upsertOrganisationInput>;

export const upsertUnitInput = z
  .object({
    id: uuid,
    organisationId: uuid,
    kind: z.enum(unitKinds),
    name: nonEmptyText(300),
    address: optionalText(500),
  })
  .strict();

export const upsertPersonInput = z
  .object({
    id: uuid,
    name: nonEmptyText(200),
    email,
    oidcSubject: optionalText(200),
    /** The person's own written language; null follows their organisation's. */
    language: z.enum(writtenLanguages).nullish(),
  })
  .strict();

/** What a signed-in person sets for themselves: the language of their mails (null: their organisation's). */
export const setMyLanguageInput = z.object({ language: z.enum(writtenLanguages).nullable() }).strict();

export const upsertMembershipInput = z
  .object({
    id: uuid,
    personId: uuid,
    organisationId: uuid,
    role: z.enum(roles),
    unitId: uuid.nullish(),
    title: optionalText(200),
  })
  .strict();

export const upsertSubscriptionInput = z
  .object({
    id: uuid,
    personId: uuid,
    kind: z.enum(subscriptionKinds),
    municipalityNumbers: z.array(municipalityNumber).max(400),
  })
  .strict();

/** Adds organisations to a health community; members already there stay, none are removed. */
export const addHealthCommunityMembersInput = z
  .object({ healthCommunityId: uuid, organisationIds: z.array(uuid).max(2000) })
  .strict();

/** An offer as a whole, with its lifecycle state: the served municipalities are replaced. */
export const importOfferInput = createOfferInput.safeExtend({
  id: uuid,
  status: z.enum(offerStatuses),
  publishedAt: instant.nullable(),
});
export type ImportOfferInput = z.output<typeof importOfferInput>;

export const importSessionInput = addSessionInput.extend({ id: uuid }).strict();

// Agreements and meeting points: the parts listed are added or updated, and parts that are
// stored but not listed stay (they may have been added in the hub since the last import).
export const importAgreementInput = z
  .object({
    id: uuid,
    title: nonEmptyText(300),
    subAgreement: optionalText(300),
    description: plainText(20_000),
    validFrom: instant,
    validTo: instant.nullable(),
    status: z.enum(agreementStatuses),
    parties: z.array(z.object({ organisationId: uuid, role: z.enum(partyRoles) }).strict()).max(200),
    responsibilities: z
      .array(
        z
          .object({
            id: uuid,
            organisationId: uuid,
            description: nonEmptyText(4_000),
            diagnosisScope: z.enum(diagnosisScopes).nullable(),
          })
          .strict(),
      )
      .max(200),
    offerIds: z.array(uuid).max(1_000),
  })
  .strict();
export type ImportAgreementInput = z.output<typeof importAgreementInput>;

export const importMeetingPointInput = z
  .object({
    id: uuid,
    kind: z.enum(meetingKinds),
    title: nonEmptyText(300),
    organiserId: uuid,
    healthCommunityId: uuid.nullable(),
    agreementId: uuid.nullable(),
    startsAt: instant,
    endsAt: instant,
    location: optionalText(500),
    onlineUrl: httpUrl.nullish(),
    agenda: plainText(20_000),
    minutes: plainText(50_000),
    participantIds: z.array(uuid).max(500),
    decisions: z.array(z.object({ id: uuid, text: nonEmptyText(4_000), decidedAt: instant }).strict()),
    followUps: z.array(
      z
        .object({
          id: uuid,
          text: nonEmptyText(4_000),
          responsibleOrgId: uuid.nullable(),
          dueOn: instant.nullable(),
          status: z.enum(followUpStatuses),
        })
        .strict(),
    ),
  })
  .strict();
export type ImportMeetingPointInput = z.output<typeof importMeetingPointInput>;

export const importParticipationReportInput = z
  .object({
    id: uuid,
    reporterId: uuid,
    offerId: uuid,
    periodStart: instant,
    periodEnd: instant,
    patients: nonNegativeCount,
    carers: nonNegativeCount,
    childrenAndYouth: nonNegativeCount,
    parents: nonNegativeCount,
    userRepsPlanning: nonNegativeCount,
    userRepsDelivery: nonNegativeCount,
    userRepsEvaluation: nonNegativeCount,
  })
  .strict();

const meanScore = z.number().min(0).max(100);
export const importPamEvaluationInput = z
  .object({
    id: uuid,
    offerId: uuid,
    reporterId: uuid,
    periodStart: instant,
    periodEnd: instant,
    respondentsBefore: nonNegativeCount,
    respondentsAfter: nonNegativeCount,
    meanScoreBefore: meanScore,
    meanScoreAfter: meanScore,
    levelsBefore: z.array(nonNegativeCount).length(4),
    levelsAfter: z.array(nonNegativeCount).length(4),
  })
  .strict();

export const importActionPlanInput = z
  .object({
    id: uuid,
    key: nonEmptyText(100),
    title: nonEmptyText(300),
    ownerId: uuid,
    periodStart: year,
    periodEnd: year,
    revisedOn: instant.nullable(),
    /** The plan's own review, as written, and its cadence (e.g. twice a year at team meetings). */
    reviewRaw: optionalText(300),
    reviewCadence: z.enum(cadences).nullish(),
    nextReviewOn: instant.nullish(),
    sections: z.array(z.object({ number: nonEmptyText(20), title: nonEmptyText(300) }).strict()).max(100),
  })
  .strict();

/** A measure's wording and schedule; its status is the users' own and is only set when created. */
export const importMeasureInput = z
  .object({
    id: uuid,
    planId: uuid,
    key: nonEmptyText(100),
    section: nonEmptyText(20),
    ordinal: z.number().int().min(0),
    text: nonEmptyText(10_000),
    responsibleRaw: plainText(2_000),
    responsibleParties: z.array(plainText(300)).max(50),
    startRaw: optionalText(300),
    startYear: year.nullable(),
    checkpointRaw: optionalText(300),
    checkpointYear: year.nullable(),
    cadence: z.enum(cadences).nullable(),
    cadenceYears: z.number().int().min(1).max(50).nullable(),
    cadenceMonth: z.number().int().min(1).max(12).nullable(),
    removed: z.boolean(),
    note: optionalText(4_000),
    nextCheckpointOn: instant.nullable(),
    initialStatus: z.enum(measureStatuses),
  })
  .strict();
