import { z } from "zod";
import { nonEmptyText, nonNegativeCount, uuid } from "./common.js";
import { audiences, diagnosisGroups, diagnosisScopes, offerKinds, priorityGroups } from "./enums.js";
import {
  addHealthCommunityMembersInput,
  importAgreementInput,
  importMeetingPointInput,
  importOfferInput,
  importParticipationReportInput,
  importSessionInput,
  upsertOrganisationInput,
  upsertPersonInput,
  upsertSubscriptionInput,
  upsertUnitInput,
} from "./imports.js";
import { checkOneSubject } from "./participation.js";
import { bilingualIssue } from "./validation.js";

// Rows of a bulk load: a whole data set written in batches by the system (the benchmark's
// national data set, a restore). Each row is named by the caller's id and has the shape its
// import command takes, so a row that the importer would refuse is refused here too. Rows are
// created, never updated: loading into a database that already holds them fails.

/** The most rows of one kind in one batch: a batch is one transaction and must stay short. */
export const maxDatasetBatchRows = 5_000;

const rows = <T extends z.ZodType>(row: T) => z.array(row).max(maxDatasetBatchRows).default([]);

export const datasetOrganisation = upsertOrganisationInput;
export const datasetUnit = upsertUnitInput;
export const datasetCommunityMembers = addHealthCommunityMembersInput;
/** An offer with its lifecycle state and the municipalities it serves. */
export const datasetOffer = importOfferInput;
export const datasetSession = importSessionInput.extend({ cancelled: z.boolean().default(false) });

const datasetResponsibility = z
  .object({
    id: uuid,
    organisationId: uuid,
    description: nonEmptyText(4_000),
    diagnosisScope: z.enum(diagnosisScopes).nullable(),
    offerKinds: z.array(z.enum(offerKinds)).max(offerKinds.length).default([]),
    audiences: z.array(z.enum(audiences)).max(audiences.length).default([]),
    priorityGroups: z.array(z.enum(priorityGroups)).max(priorityGroups.length).default([]),
  })
  .strict();

/** An agreement with its parties, responsibilities and linked offers. */
export const datasetAgreement = importAgreementInput.extend({
  description: importAgreementInput.shape.description.default(""),
  responsibilities: z.array(datasetResponsibility).max(200),
});

/** A meeting point with its participants; decisions and follow-ups come from the meeting itself. */
export const datasetMeetingPoint = importMeetingPointInput
  .omit({ decisions: true, followUps: true })
  .extend({ minutes: importMeetingPointInput.shape.minutes.default("") });

/**
 * Figures reported for a period, on an offer or a meeting point. Historic figures are loaded as
 * they were reported: the plausibility rules of a new report are the reporting form's business.
 */
export const datasetParticipationReport = importParticipationReportInput
  .extend({ offerId: uuid.nullable(), meetingPointId: uuid.nullable(), others: nonNegativeCount })
  .superRefine((v, ctx) => {
    checkOneSubject(v, ctx);
    if (v.periodEnd < v.periodStart)
      ctx.addIssue(
        bilingualIssue(
          ["periodEnd"],
          "period_end_before_start",
          "The period ends before it starts",
          "Perioden slutter før den starter",
          "Perioden sluttar før han byrjar",
        ),
      );
  });

export const datasetPerson = upsertPersonInput;
/** A person's subscription, with the filters a digest applies. */
export const datasetSubscription = upsertSubscriptionInput.extend({
  priorityGroups: z.array(z.enum(priorityGroups)).max(priorityGroups.length).default([]),
  diagnosisGroups: z.array(z.enum(diagnosisGroups)).max(diagnosisGroups.length).default([]),
});

/**
 * One batch of a bulk load, written in one transaction. Rows may refer to rows of earlier
 * batches and to rows listed before them in this one (parents before children).
 */
export const datasetBatchInput = z
  .object({
    /** Names the data set in the audit trail, e.g. "bench national". */
    dataset: nonEmptyText(200),
    organisations: rows(datasetOrganisation),
    communityMembers: rows(datasetCommunityMembers),
    units: rows(datasetUnit),
    offers: rows(datasetOffer),
    sessions: rows(datasetSession),
    agreements: rows(datasetAgreement),
    meetingPoints: rows(datasetMeetingPoint),
    participationReports: rows(datasetParticipationReport),
    people: rows(datasetPerson),
    subscriptions: rows(datasetSubscription),
  })
  .strict();
export type DatasetBatchInput = z.input<typeof datasetBatchInput>;
export type DatasetBatch = z.output<typeof datasetBatchInput>;
