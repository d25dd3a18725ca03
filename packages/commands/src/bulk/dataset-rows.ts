import type { Prisma } from "@samspill/database";
import {
  type DatasetBatch,
  DomainValidationError,
  defaultCoordinator,
  fieldIssue,
  NotFoundError,
  type OrganisationKind,
  type PartyRole,
  taskDivisionFlag,
} from "@samspill/domain";
import { mergeGroups } from "../offers/offer-rows.js";
import type { Tx } from "../unit-of-work.js";

// A validated batch as the typed rows of each table, in the order the foreign keys need them.
// What the offer commands derive (the task-division flag, the groups of the ICD-10 codes) is
// derived here the same way, so a loaded offer looks exactly like one created in the hub.

export const datasetTables = [
  "Organisation",
  "HealthCommunityMember",
  "Unit",
  "Offer",
  "OfferMunicipality",
  "OfferSession",
  "Agreement",
  "AgreementParty",
  "AgreementResponsibility",
  "AgreementOffer",
  "MeetingPoint",
  "MeetingParticipant",
  "ParticipationReport",
  "Person",
  "Subscription",
] as const;
export type DatasetTable = (typeof datasetTables)[number];
export type DatasetCounts = Record<DatasetTable, number>;

export function communityMemberRows(batch: DatasetBatch): Prisma.HealthCommunityMemberCreateManyInput[] {
  return batch.communityMembers.flatMap(({ healthCommunityId, organisationIds }) =>
    [...new Set(organisationIds)].map((organisationId) => ({ healthCommunityId, organisationId })),
  );
}

/** The providers' kinds, read once for the whole batch (they may be in it or loaded before). */
export async function providerKinds(
  tx: Tx,
  offers: DatasetBatch["offers"],
): Promise<Map<string, OrganisationKind>> {
  const ids = [...new Set(offers.map((o) => o.providerId))];
  if (ids.length === 0) return new Map();
  const found = await tx.organisation.findMany({
    where: { id: { in: ids } },
    select: { id: true, kind: true },
  });
  const kinds = new Map(found.map((o) => [o.id, o.kind]));
  const missing = ids.find((id) => !kinds.has(id));
  if (missing) throw new NotFoundError("Organisation", missing);
  return kinds;
}

export function offerRows(offers: DatasetBatch["offers"], kinds: ReadonlyMap<string, OrganisationKind>) {
  const rows: Prisma.OfferCreateManyInput[] = [];
  const municipalities: Prisma.OfferMunicipalityCreateManyInput[] = [];
  for (const { municipalityNumbers, reviewDueOn, ...offer } of offers) {
    const flag = taskDivisionFlag(kinds.get(offer.providerId)!, offer.diagnosisScope);
    rows.push({
      ...offer,
      diagnosisGroups: mergeGroups(offer.diagnosisGroups, offer.diagnosisCodes),
      reviewDueOn: reviewDueOn ? new Date(reviewDueOn) : null,
      flaggedForReview: flag.flagged,
      flagReason: flag.reason,
    });
    for (const n of municipalityNumbers) municipalities.push({ offerId: offer.id, municipalityNumber: n });
  }
  return { rows, municipalities };
}

/** An imported or loaded agreement is coordinated by its hospital trust, else its first party. */
export function coordinatorOf(parties: readonly { organisationId: string; role: PartyRole }[]) {
  const coordinator = defaultCoordinator(parties);
  if (!coordinator)
    throw new DomainValidationError([
      fieldIssue(
        "parties",
        "too_few_parties",
        "An agreement needs parties",
        "En avtale må ha parter",
        "Ein avtale må ha partar",
      ),
    ]);
  return coordinator;
}

export function agreementRows(agreements: DatasetBatch["agreements"]) {
  const rows: Prisma.AgreementCreateManyInput[] = [];
  const parties: Prisma.AgreementPartyCreateManyInput[] = [];
  const responsibilities: Prisma.AgreementResponsibilityCreateManyInput[] = [];
  const offers: Prisma.AgreementOfferCreateManyInput[] = [];
  for (const { parties: p, responsibilities: r, offerIds, ...agreement } of agreements) {
    rows.push({ ...agreement, coordinatorId: coordinatorOf(p) });
    for (const party of p) parties.push({ agreementId: agreement.id, ...party });
    for (const responsibility of r) responsibilities.push({ agreementId: agreement.id, ...responsibility });
    for (const offerId of new Set(offerIds)) offers.push({ agreementId: agreement.id, offerId });
  }
  return { rows, parties, responsibilities, offers };
}

export function meetingRows(meetings: DatasetBatch["meetingPoints"]) {
  const rows: Prisma.MeetingPointCreateManyInput[] = [];
  const participants: Prisma.MeetingParticipantCreateManyInput[] = [];
  for (const { participantIds, ...meeting } of meetings) {
    rows.push(meeting);
    for (const organisationId of new Set(participantIds))
      participants.push({ meetingPointId: meeting.id, organisationId });
  }
  return { rows, participants };
}
