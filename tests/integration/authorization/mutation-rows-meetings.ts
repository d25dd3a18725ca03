import type { Database } from "@samspill/database";
import { orgId } from "../../support/gateway.js";
import { partnerKey } from "./foreign-objects.js";
import { byForum, type MutationRows } from "./mutation-row.js";
import { community } from "./mutation-targets.js";

// Meeting points, forum flags and reviews, and action plans. Forum work is the health
// community's forum members' (the control runs as one); the rest is the owner's admin's.

const meetingVersion = async (db: Database, id: string) =>
  (await db.meetingPoint.findUniqueOrThrow({ where: { id } })).version;
const measureVersion = async (db: Database, id: string) =>
  (await db.measure.findUniqueOrThrow({ where: { id } })).version;

export const meetingRows: MutationRows = {
  createMeetingPoint: {
    args: (t) => ({
      input: {
        organiserId: t.organisationId,
        kind: "PROFESSIONAL_NETWORK",
        title: "Nytt nettverksmøte",
        startsAt: "2027-02-01T10:00:00Z",
        endsAt: "2027-02-01T12:00:00Z",
      },
    }),
    state: (t, db) => db.meetingPoint.count({ where: { organiserId: t.organisationId } }),
  },
  updateMeetingPoint: {
    args: async (t, db) => ({
      input: {
        id: t.meetingPointId,
        version: await meetingVersion(db, t.meetingPointId),
        location: "Rådhuset",
      },
    }),
    state: (t, db) => db.meetingPoint.findUnique({ where: { id: t.meetingPointId } }),
  },
  recordMinutes: {
    args: async (t, db) => ({
      input: {
        meetingPointId: t.meetingPointId,
        version: await meetingVersion(db, t.meetingPointId),
        minutes: "Nytt referat",
      },
    }),
    state: (t, db) => db.meetingPoint.findUnique({ where: { id: t.meetingPointId } }),
  },
  setMeetingParticipants: {
    args: async (t, db) => ({
      input: {
        meetingPointId: t.meetingPointId,
        version: await meetingVersion(db, t.meetingPointId),
        organisationIds: [orgId(partnerKey), orgId("uo:ffo")],
      },
    }),
    state: (t, db) =>
      db.meetingParticipant.findMany({
        where: { meetingPointId: t.meetingPointId },
        orderBy: { organisationId: "asc" },
      }),
  },
  addMeetingDecision: {
    args: (t) => ({ input: { meetingPointId: t.meetingPointId, text: "Nytt vedtak" } }),
    state: (t, db) => db.meetingDecision.count({ where: { meetingPointId: t.meetingPointId } }),
  },
  addFollowUp: {
    args: (t) => ({ input: { meetingPointId: t.meetingPointId, text: "Ny oppfølging" } }),
    state: (t, db) => db.followUp.count({ where: { meetingPointId: t.meetingPointId } }),
  },
  updateFollowUp: {
    args: async (t, db) => ({
      input: {
        id: t.followUpId,
        version: (await db.followUp.findUniqueOrThrow({ where: { id: t.followUpId } })).version,
        status: "DONE",
      },
    }),
    state: (t, db) => db.followUp.findUnique({ where: { id: t.followUpId } }),
  },
  raiseForumFlag: {
    by: byForum,
    args: (t) => ({
      input: {
        healthCommunityId: community,
        kind: "STALE_OFFER",
        offerId: t.publishedOfferId,
        ownerId: t.organisationId,
        dueOn: "2099-02-01",
        note: "Tilbudet må gjennomgås",
      },
    }),
    state: (t, db) => db.forumFlag.count({ where: { ownerId: t.organisationId } }),
  },
  dismissForumFlag: {
    by: byForum,
    args: async (t, db) => ({
      input: {
        id: t.forumFlagId,
        version: (await db.forumFlag.findUniqueOrThrow({ where: { id: t.forumFlagId } })).version,
        reason: "Ikke aktuelt lenger",
      },
    }),
    state: (t, db) => db.forumFlag.findUnique({ where: { id: t.forumFlagId } }),
  },
  resolveForumFlags: {
    by: byForum,
    args: (t) => ({
      input: { meetingPointId: t.forumMeetingId, flagIds: [t.resolvableFlagId], decision: "Løst i fagrådet" },
    }),
    state: async (t, db) => [
      await db.forumFlag.findUnique({ where: { id: t.resolvableFlagId } }),
      await db.meetingDecision.count({ where: { meetingPointId: t.forumMeetingId } }),
    ],
  },
  recordForumReview: {
    by: byForum,
    args: (t) => ({
      input: { healthCommunityId: community, meetingPointId: t.forumMeetingId, findings: "Få tilbud i nord" },
    }),
    state: (t, db) => db.forumReview.count({ where: { meetingPointId: t.forumMeetingId } }),
  },
  addMeasure: {
    args: (t) => ({
      input: { planId: t.planId, section: "1.1", text: "Nytt tiltak", responsibleParties: ["Molde"] },
    }),
    state: (t, db) => db.measure.count({ where: { planId: t.planId } }),
  },
  addMeasureProgressNote: {
    args: (t) => ({ input: { measureId: t.measureId, text: "Godt i gang" } }),
    state: (t, db) => db.measureProgressNote.count({ where: { measureId: t.measureId } }),
  },
  meetActionPlanReview: {
    args: (t) => ({ planId: t.planId }),
    state: (t, db) => db.actionPlan.findUnique({ where: { id: t.planId } }),
  },
  meetMeasureCheckpoint: {
    args: async (t, db) => ({ input: { id: t.measureId, version: await measureVersion(db, t.measureId) } }),
    state: (t, db) => db.measure.findUnique({ where: { id: t.measureId } }),
  },
  reviseMeasure: {
    args: async (t, db) => ({
      input: { id: t.measureId, version: await measureVersion(db, t.measureId), text: "Revidert tiltak" },
    }),
    state: (t, db) => db.measure.findUnique({ where: { id: t.measureId } }),
  },
  updateMeasureStatus: {
    args: async (t, db) => ({
      input: { id: t.measureId, version: await measureVersion(db, t.measureId), status: "ONGOING" },
    }),
    state: (t, db) => db.measure.findUnique({ where: { id: t.measureId } }),
  },
};
