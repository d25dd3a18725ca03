import { ForbiddenError, NotFoundError } from "@samspill/domain";
import type { Tx } from "../unit-of-work.js";

// Who reports on what. User organisations report on offers and meeting points that others run
// (that is the point of their reports), so the rule is about the reporter, not the subject:
//  - the subject is an offer that is or was in the public catalogue (published, paused or
//    archived; courses are reported after they ran) or one of the reporter's own offers,
//  - or a meeting point the reporter organises or takes part in.

export interface ReportSubject {
  offerId?: string | null;
  meetingPointId?: string | null;
}

/** Refuses a subject the reporter may not report on; someone else's draft reads as unknown. */
export async function assertReportableSubject(tx: Tx, reporterId: string, subject: ReportSubject) {
  if (subject.offerId) {
    const offer = await tx.offer.findUnique({
      where: { id: subject.offerId },
      select: { providerId: true, status: true },
    });
    if (!offer || (offer.status === "DRAFT" && offer.providerId !== reporterId))
      throw new NotFoundError("Offer", subject.offerId);
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
