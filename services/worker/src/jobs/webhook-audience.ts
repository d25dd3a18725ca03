import type { Database } from "@samspill/database";
import { type EventJobData, type EventPayload, isEventType } from "@samspill/events";

// Which organisations may see an event, and so receive it by webhook. Public catalogue data
// (published offers, their sessions, organisation details) goes to every subscriber; cooperation
// data goes to those taking part in it; anything else, including event types added to the
// catalogue later, only to the organisation the event belongs to.

export interface Audience {
  public: boolean;
  organisationIds: Set<string>;
}

const publicStatuses = new Set(["PUBLISHED", "PAUSED"]);

export async function audienceOf(db: Database, event: EventJobData): Promise<Audience> {
  const orgs = new Set<string>(event.organisationId ? [event.organisationId] : []);
  const only = (): Audience => ({ public: false, organisationIds: orgs });
  const everyone = (): Audience => ({ public: true, organisationIds: orgs });
  if (!isEventType(event.type)) return only();
  const payload = event.payload as Record<string, unknown>;

  // Participation and PAM figures (reported, corrected, …): the reporter and whoever runs the
  // offer or meeting they are about.
  if (event.type.startsWith("participation.") || event.type.startsWith("pam.")) {
    if (typeof payload.offerId === "string") {
      const offer = await db.offer.findUnique({
        where: { id: payload.offerId },
        select: { providerId: true },
      });
      if (offer) orgs.add(offer.providerId);
    }
    if (typeof payload.meetingPointId === "string") {
      const meeting = await db.meetingPoint.findUnique({
        where: { id: payload.meetingPointId },
        select: { organiserId: true },
      });
      if (meeting) orgs.add(meeting.organiserId);
    }
    return only();
  }

  switch (event.type) {
    case "offer.created":
    case "offer.updated":
    case "offer.status_changed": {
      const p = payload as EventPayload<"offer.status_changed">;
      // An offer leaving the catalogue is news to everyone who listed it.
      const wasPublic = event.type === "offer.status_changed" && publicStatuses.has(p.from);
      return publicStatuses.has(p.offer.status) || wasPublic ? everyone() : only();
    }
    case "session.created":
    case "session.updated":
    case "session.cancelled": {
      const offer = await db.offer.findUnique({
        where: { id: String(payload.offerId) },
        select: { status: true, providerId: true },
      });
      if (offer) orgs.add(offer.providerId);
      return offer && publicStatuses.has(offer.status) ? everyone() : only();
    }
    case "organisation.created":
    case "organisation.updated":
      return everyone();
    case "agreement.created":
    case "agreement.updated": {
      const parties = await db.agreementParty.findMany({
        where: { agreementId: event.aggregateId },
        select: { organisationId: true },
      });
      for (const p of parties) orgs.add(p.organisationId);
      return only();
    }
    case "meeting_point.created":
    case "meeting_point.updated":
      await addMeetingAudience(db, event.aggregateId, orgs);
      return only();
    case "forum_review.recorded":
    case "follow_up.changed":
      await addMeetingAudience(db, String(payload.meetingPointId), orgs);
      return only();
    // A forum flag: the health community that raised it and the organisation that answers for it.
    case "forum_flag.raised":
    case "forum_flag.resolved":
    case "forum_flag.dismissed":
      orgs.add(String(payload.healthCommunityId));
      orgs.add(String(payload.ownerId));
      return only();
    default:
      return only();
  }
}

/** The organiser, the participants and (for a forum) the health community of a meeting point. */
async function addMeetingAudience(db: Database, meetingPointId: string, orgs: Set<string>): Promise<void> {
  const meeting = await db.meetingPoint.findUnique({
    where: { id: meetingPointId },
    select: {
      organiserId: true,
      healthCommunityId: true,
      participants: { select: { organisationId: true } },
    },
  });
  if (!meeting) return;
  orgs.add(meeting.organiserId);
  if (meeting.healthCommunityId) orgs.add(meeting.healthCommunityId);
  for (const p of meeting.participants) orgs.add(p.organisationId);
}
