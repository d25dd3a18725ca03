import { orgId } from "../../support/gateway.js";
import { partnerKey } from "./foreign-objects.js";
import type { MutationRows } from "./mutation-row.js";
import { controls } from "./mutation-targets.js";

// Agreements, participation reports, PAM and attendance.

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const now = new Date();
/** Two calendar months ago: a period the fixture has not reported yet. */
const period = {
  periodStart: isoDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1))),
  periodEnd: isoDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 0))),
};

export const reportRows: MutationRows = {
  createAgreement: {
    args: (t) => ({
      input: {
        title: "Ny avtale",
        validFrom: "2026-01-01",
        parties: [
          { organisationId: t.organisationId, role: "MUNICIPALITY" },
          { organisationId: orgId(partnerKey), role: "HOSPITAL_TRUST" },
        ],
      },
    }),
    state: (t, db) => db.agreementParty.count({ where: { organisationId: t.organisationId } }),
  },
  updateAgreement: {
    args: async (t, db) => ({
      input: {
        id: t.agreementId,
        version: (await db.agreement.findUniqueOrThrow({ where: { id: t.agreementId } })).version,
        title: "Endret avtale",
      },
    }),
    state: (t, db) => db.agreement.findUnique({ where: { id: t.agreementId } }),
  },
  setAgreementResponsibilities: {
    args: async (t, db) => ({
      input: {
        agreementId: t.agreementId,
        version: (await db.agreement.findUniqueOrThrow({ where: { id: t.agreementId } })).version,
        responsibilities: [{ organisationId: t.organisationId, description: "Nytt ansvar" }],
      },
    }),
    state: (t, db) => db.agreementResponsibility.findMany({ where: { agreementId: t.agreementId } }),
  },
  linkOfferToAgreement: {
    args: (t) => ({ input: { agreementId: t.agreementId, offerId: t.publishedOfferId } }),
    state: (t, db) =>
      db.agreementOffer.findMany({ where: { agreementId: t.agreementId }, orderBy: { offerId: "asc" } }),
  },
  unlinkOfferFromAgreement: {
    args: (t) => ({ input: { agreementId: t.agreementId, offerId: t.draftOfferId } }),
    state: (t, db) =>
      db.agreementOffer.findMany({ where: { agreementId: t.agreementId }, orderBy: { offerId: "asc" } }),
  },
  reportParticipation: {
    args: (t) => ({
      input: { reporterId: t.organisationId, offerId: t.publishedOfferId, ...period, patients: 2 },
    }),
    state: (t, db) => db.participationReport.count({ where: { reporterId: t.organisationId } }),
  },
  correctParticipationReport: {
    args: async (t, db) => ({
      input: {
        id: t.participationReportId,
        version: (await db.participationReport.findUniqueOrThrow({ where: { id: t.participationReportId } }))
          .version,
        patients: 4,
      },
    }),
    state: (t, db) => db.participationReport.findUnique({ where: { id: t.participationReportId } }),
  },
  reportPamEvaluation: {
    args: (t) => ({
      input: {
        offerId: t.publishedOfferId,
        ...period,
        respondentsBefore: 3,
        respondentsAfter: 3,
        meanScoreBefore: 50,
        meanScoreAfter: 55,
        levelsBefore: [0, 3, 0, 0],
        levelsAfter: [0, 1, 2, 0],
      },
    }),
    state: (t, db) => db.pamEvaluation.count({ where: { offerId: t.publishedOfferId } }),
  },
  recordPamResults: {
    args: (t) => ({
      input: { sessionId: t.pastRunId, results: [{ pseudonym: "MO-18", phase: "START", level: 3 }] },
    }),
    state: (t, db) => db.pamResult.findMany({ where: { sessionId: t.pastRunId }, orderBy: { id: "asc" } }),
  },
  deletePamResult: {
    args: (t) => ({ id: t.pamResultId }),
    state: (t, db) => db.pamResult.findUnique({ where: { id: t.pamResultId } }),
  },
  recordAttendance: {
    args: (t) => ({
      input: { sessionId: t.unmarkedRunId, marks: [{ signUpId: t.unmarkedSignUpId, attended: true }] },
    }),
    state: (t, db) => db.sessionSignUp.findUnique({ where: { id: t.unmarkedSignUpId } }),
  },
  prepareAttendanceReport: {
    args: (t) => ({ input: { sessionId: t.unmarkedRunId } }),
    state: (t, db) => db.attendanceReport.findUnique({ where: { sessionId: t.unmarkedRunId } }),
  },
  confirmAttendanceReport: {
    // The user organisation the provider named (FFO) confirms; the provider already did.
    by: () => controls.userOrganisation,
    args: (t) => ({ sessionId: t.pastRunId }),
    state: (t, db) => db.attendanceReport.findUnique({ where: { sessionId: t.pastRunId } }),
  },
};
