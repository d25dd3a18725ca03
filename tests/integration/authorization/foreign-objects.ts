import { randomUUID } from "node:crypto";
import {
  type Actor,
  addFollowUp,
  addMeetingDecision,
  addSession,
  createAgreement,
  createApiToken,
  createMeetingPoint,
  createOffer,
  createWebhookSubscription,
  invitePerson,
  prepareAttendanceReport,
  previewOfferImport,
  publishOffer,
  raiseForumFlag,
  recordAttendance,
  recordMinutes,
  recordPamResults,
  reportPamEvaluation,
  reportParticipation,
  signUpForSession,
  systemActor,
  unitOf,
  upsertMembership,
  upsertPerson,
  upsertSubscription,
} from "@samspill/commands";
import type { Database } from "@samspill/database";
import { orgId } from "../../support/gateway.js";

// One organisation's private things, made the way the hub makes them (through the commands, as
// the organisation's admin), for the authorisation suites to aim at from outside. Every text
// field a person types carries `secret`, so a test can look for it anywhere in an answer; the
// ids are listed so an answer can be searched for them too.

export const ownerKey = "mun:1506";
export const partnerKey = "hf:hmr";

export interface ForeignObjects {
  /** The owning organisation. */
  organisationId: string;
  /** Typed into every private text field below; must never reach an outsider. */
  secret: string;
  draftOfferId: string;
  draftSessionId: string;
  /** Published (so public); its reports and evaluations are not. */
  publishedOfferId: string;
  agreementId: string;
  meetingPointId: string;
  decisionId: string;
  followUpId: string;
  /** A forum flag of the Møre og Romsdal health community on the owner (its note carries the secret). */
  forumFlagId: string;
  participationReportId: string;
  pamEvaluationId: string;
  webhookSubscriptionId: string;
  /** An open invitation to the owner (name carries the secret). */
  invitationId: string;
  /** A session of a published referral course (public) and a request for it (private). */
  signUpSessionId: string;
  signUpId: string;
  /** A past run of the published offer: its attendance (a participant named with the secret),
   * its report from attendance waiting for FFO, and a PAM result; none of them public. */
  pastRunId: string;
  pastSignUpId: string;
  pamResultId: string;
  webhookDeliveryId: string;
  apiTokenId: string;
  /** The owner's own token (ADMIN), later expired by `expireToken`. */
  apiToken: string;
  mailId: string;
  /** An offer import in preview, uploaded by the member below; its cells carry the secret. */
  offerImportId: string;
  /** A member of the owner with a weekly digest; name and e-mail carry the secret. */
  personId: string;
  /** The calendar month the report and evaluation cover, as the summaries' grid names it (2026-11). */
  reportMonth: string;
  /** The change feed's position just before these objects were made. */
  feedCursor: string;
  /** Ids no outsider may be shown; the published offer is not among them. */
  privateIds: string[];
}

export function ownerAdmin(db: Database): { actor: Actor; unit: ReturnType<typeof unitOf> } {
  return {
    actor: {
      kind: "PERSON",
      personId: null,
      tokenId: null,
      name: "Molde admin",
      memberships: [{ organisationId: orgId(ownerKey), role: "ADMIN" }],
    },
    unit: unitOf(db),
  };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function createForeignObjects(db: Database): Promise<ForeignObjects> {
  // Letters only: eight random hex digits can read as a phone number, which the domain refuses in
  // free text (personal data), and the fixture would then fail at random.
  const secret = `FOREIGN-PRIVATE-${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("")}`;
  const organisationId = orgId(ownerKey);
  const { actor, unit } = ownerAdmin(db);
  const feed = await db.outboxEvent.aggregate({ _max: { sequence: true } });
  const offer = (title: string) => ({
    providerId: organisationId,
    title,
    summary: `${secret} summary`,
    description: `${secret} description`,
    kind: "GROUP_COURSE",
    diagnosisScope: "DIAGNOSIS_INDEPENDENT",
    format: "PHYSICAL",
    location: `${secret} location`,
    contactName: `${secret} contact`,
    municipalityNumbers: ["1506"],
  });

  const draft = await createOffer(unit, actor, offer(`${secret} draft offer`));
  const draftSession = await addSession(unit, actor, {
    offerId: draft.id,
    startsAt: "2027-04-01T10:00:00Z",
    endsAt: "2027-04-01T12:00:00Z",
    location: `${secret} session room`,
    note: `${secret} session note`,
  });
  const published = await createOffer(unit, actor, {
    ...offer("Offentlig kurs i Molde"),
    summary: "Kurs",
    description: "",
    location: "Molde",
    contactName: "Frisklivssentralen",
    contactEmail: "kurs@molde.example",
    audiences: ["PATIENTS"],
  });
  await publishOffer(unit, actor, { id: published.id, version: 1 });

  const agreement = await createAgreement(unit, actor, {
    title: `${secret} agreement`,
    description: `${secret} agreement text`,
    validFrom: "2025-01-01",
    validTo: "2028-12-31",
    parties: [
      { organisationId, role: "MUNICIPALITY" },
      { organisationId: orgId(partnerKey), role: "HOSPITAL_TRUST" },
    ],
    responsibilities: [{ organisationId, description: `${secret} responsibility` }],
  });

  const meeting = await createMeetingPoint(unit, actor, {
    organiserId: organisationId,
    kind: "PROFESSIONAL_NETWORK",
    title: `${secret} meeting`,
    agenda: `${secret} agenda`,
    startsAt: "2026-03-01T10:00:00Z",
    endsAt: "2026-03-01T12:00:00Z",
    participantIds: [orgId(partnerKey)],
  });
  const meetingVersion = async () =>
    (await db.meetingPoint.findUniqueOrThrow({ where: { id: meeting.id } })).version;
  await recordMinutes(unit, actor, {
    meetingPointId: meeting.id,
    version: await meetingVersion(),
    minutes: `${secret} minutes`,
  });
  const decision = await addMeetingDecision(unit, actor, {
    meetingPointId: meeting.id,
    text: `${secret} decision`,
  });
  const followUp = await addFollowUp(unit, actor, {
    meetingPointId: meeting.id,
    decisionId: decision.id,
    text: `${secret} follow-up`,
    responsibleOrgId: organisationId,
  });
  const forumMember: Actor = {
    kind: "PERSON",
    personId: null,
    tokenId: null,
    name: "Forummedlem",
    memberships: [{ organisationId: orgId("hf-community:mr"), role: "FORUM_MEMBER" }],
  };
  const flag = await raiseForumFlag(unit, forumMember, {
    healthCommunityId: orgId("hf-community:mr"),
    kind: "STALE_OFFER",
    offerId: published.id,
    ownerId: organisationId,
    dueOn: "2099-01-01",
    note: `${secret} flag note`,
  });

  // Last calendar month: ended, on the reporting grid.
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  const period = { periodStart: isoDay(start), periodEnd: isoDay(end) };
  // Three patients: under the publication threshold, so only the reporter may ever see it.
  const report = await reportParticipation(unit, actor, {
    reporterId: organisationId,
    offerId: published.id,
    ...period,
    patients: 3,
    notes: `${secret} report notes`,
  });
  const pam = await reportPamEvaluation(unit, actor, {
    offerId: published.id,
    ...period,
    respondentsBefore: 3,
    respondentsAfter: 3,
    meanScoreBefore: 50,
    meanScoreAfter: 60,
    levelsBefore: [0, 3, 0, 0],
    levelsAfter: [0, 0, 3, 0],
  });

  // A public IP literal: no DNS look-up, nothing is ever delivered (no worker runs here).
  const webhook = await createWebhookSubscription(unit, actor, {
    organisationId,
    url: `https://93.184.216.34/hooks/${secret}`,
  });
  // Delivery logs and captured mail are written by the worker and the mail sink, not by commands.
  const delivery = await db.webhookDelivery.create({
    data: { subscriptionId: webhook.id, eventId: randomUUID(), status: "FAILED", lastError: `${secret} 500` },
  });
  const token = await createApiToken(unit, actor, { organisationId, name: `${secret} token`, role: "ADMIN" });
  // People are the regional admin's (or the seed's) to register.
  const personId = randomUUID();
  const system = systemActor();
  const email = `${secret.toLowerCase()}@molde.example`;
  await upsertPerson(unit, system, { id: personId, name: `${secret} Person`, email });
  await upsertMembership(unit, system, { id: randomUUID(), personId, organisationId, role: "EDITOR" });
  await upsertSubscription(unit, system, {
    id: randomUUID(),
    personId,
    kind: "WEEKLY_DIGEST",
    municipalityNumbers: ["1506"],
  });
  const offerImport = await previewOfferImport(
    unit,
    { ...system, kind: "PERSON", personId, memberships: [{ organisationId, role: "EDITOR" }] },
    { providerId: organisationId, fileName: "tilbud.csv" },
    new TextEncoder().encode(
      `reference;title;summary\nR-1;${secret} imported title;${secret} imported summary\n`,
    ),
  );
  // An invitation the owner's admin sent: its invitee's name carries the secret.
  const invitation = await invitePerson(unit, actor, {
    organisationId,
    email: `invitee-${secret.toLowerCase()}@molde.example`,
    name: `${secret} Invitee`,
    role: "EDITOR",
  });
  // A referral course in the catalogue and one person's request for it: name, contact and needs
  // carry the secret; only the owner's members may see them.
  const referral = await createOffer(unit, actor, {
    ...offer("Henvisningskurs i Molde"),
    summary: "Kurs",
    description: "",
    location: "Molde",
    contactName: "Lærings- og mestringssenteret",
    contactEmail: "kurs@molde.example",
    audiences: ["PATIENTS"],
    requiresReferral: true,
  });
  await publishOffer(unit, actor, { id: referral.id, version: 1 });
  const signUpSession = await addSession(unit, actor, {
    offerId: referral.id,
    startsAt: "2027-05-01T10:00:00Z",
    endsAt: "2027-05-01T12:00:00Z",
    capacity: 10,
  });
  const request = await signUpForSession(
    unit,
    null,
    {
      sessionId: signUpSession.id,
      role: "PATIENT",
      name: `${secret} Participant`,
      email: `participant-${secret.toLowerCase()}@molde.example`,
      otherNeeds: `${secret} needs`,
      consent: true,
    },
    { retentionMonths: 6 },
  );
  // A run last month. Its participant signed up before it started; sign-ups close at the start,
  // so the row is written as the sign-up command left it.
  const pastRun = await addSession(unit, actor, {
    offerId: published.id,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
  });
  const pastSignUp = await db.sessionSignUp.create({
    data: {
      sessionId: pastRun.id,
      status: "CONFIRMED",
      sequence: 1,
      role: "PATIENT",
      name: `${secret} Attendee`,
      email: `attendee-${secret.toLowerCase()}@molde.example`,
      consentedAt: start,
      retentionMonths: 6,
    },
  });
  await recordAttendance(unit, actor, {
    sessionId: pastRun.id,
    marks: [{ signUpId: pastSignUp.id, attended: true }],
  });
  await prepareAttendanceReport(unit, actor, { sessionId: pastRun.id, userOrganisationId: orgId("uo:ffo") });
  const pamResults = await recordPamResults(unit, actor, {
    sessionId: pastRun.id,
    results: [{ pseudonym: "MO-17", phase: "START", level: 2 }],
  });
  const mail = await db.capturedMail.create({
    data: {
      from: "samspill@example.org",
      to: [email],
      subject: `${secret} digest`,
      text: `${secret} mail body`,
      // As the sink stores them: the header lines, in order.
      headers: [{ key: "subject", line: `Subject: ${secret} digest` }],
      size: 100,
    },
  });

  const ids = {
    draftOfferId: draft.id,
    draftSessionId: draftSession.id,
    agreementId: agreement.id,
    meetingPointId: meeting.id,
    decisionId: decision.id,
    followUpId: followUp.id,
    forumFlagId: flag.id,
    participationReportId: report.id,
    pamEvaluationId: pam.id,
    webhookSubscriptionId: webhook.id,
    webhookDeliveryId: delivery.id,
    apiTokenId: token.id,
    mailId: mail.id,
    offerImportId: offerImport.id,
    personId,
    invitationId: invitation.id,
    signUpId: request.id,
    pastSignUpId: pastSignUp.id,
    pamResultId: pamResults.ids[0]!,
  };
  return {
    organisationId,
    secret,
    publishedOfferId: published.id,
    signUpSessionId: signUpSession.id,
    pastRunId: pastRun.id,
    apiToken: token.token,
    feedCursor: String(feed._max.sequence ?? 0n),
    reportMonth: period.periodStart.slice(0, 7),
    ...ids,
    privateIds: Object.values(ids),
  };
}

/** What of `foreign` an answer's text gives away: the secret, or any private id not sent by the caller. */
export function leaks(foreign: ForeignObjects, answer: unknown, sent: unknown = {}): string[] {
  const text = JSON.stringify(answer).toLowerCase();
  const asked = JSON.stringify(sent);
  const found = foreign.privateIds.filter((id) => text.includes(id) && !asked.includes(id));
  return text.includes(foreign.secret.toLowerCase()) ? [foreign.secret, ...found] : found;
}
