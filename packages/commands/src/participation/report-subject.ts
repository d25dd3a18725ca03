import { ForbiddenError, NotFoundError } from "@samspill/domain";
import type { Tx } from "../unit-of-work.js";

// Who reports on what: only an organisation that takes part in the subject.
//  - An offer: the reporter provides it, is a party to an agreement it is delivered under, or is
//    a user organisation and the offer has user representatives (planning, delivery or
//    evaluation; that is how user organisations take part in others' courses). Someone else's
//    draft reads as unknown; a published, paused or archived one the reporter has no part in is
//    refused.
//  - A meeting point: the reporter organises it or takes part in it.

export interface ReportSubject {
  offerId?: string | null;
  meetingPointId?: string | null;
}

/** Refuses a subject the reporter may not report on; someone else's draft reads as unknown. */
export async function assertReportableSubject(tx: Tx, reporterId: string, subject: ReportSubject) {
  if (subject.offerId) {
    const [offer, reporter] = await Promise.all([
      tx.offer.findUnique({
        where: { id: subject.offerId },
        select: {
          providerId: true,
          status: true,
          userRepPlanning: true,
          userRepDelivery: true,
          userRepEvaluation: true,
          agreements: {
            where: { agreement: { parties: { some: { organisationId: reporterId } } } },
            select: { agreementId: true },
            take: 1,
          },
        },
      }),
      tx.organisation.findUnique({ where: { id: reporterId }, select: { kind: true } }),
    ]);
    if (!offer || (offer.status === "DRAFT" && offer.providerId !== reporterId))
      throw new NotFoundError("Offer", subject.offerId);
    const withUserReps = offer.userRepPlanning || offer.userRepDelivery || offer.userRepEvaluation;
    const takesPart =
      offer.providerId === reporterId ||
      offer.agreements.length > 0 ||
      (reporter?.kind === "USER_ORGANISATION" && withUserReps);
    if (!takesPart)
      throw new ForbiddenError(
        "Only organisations that take part in an offer report on it / Bare organisasjoner som deltar i tilbudet, rapporterer på det",
      );
    return;
  }
  if (subject.meetingPointId) {
    const meeting = await tx.meetingPoint.findUnique({
      where: { id: subject.meetingPointId },
      select: {
        organiserId: true,
        participants: { where: { organisationId: reporterId }, select: { organisationId: true } },
      },
    });
    if (!meeting) throw new NotFoundError("MeetingPoint", subject.meetingPointId);
    if (meeting.organiserId !== reporterId && meeting.participants.length === 0)
      throw new ForbiddenError(
        "Only the organiser and the participating organisations report on a meeting point",
      );
  }
}
