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
  publishOffer,
  recordMinutes,
  reportPamEvaluation,
  reportParticipation,
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
  participationReportId: string;
  pamEvaluationId: string;
  webhookSubscriptionId: string;
  webhookDeliveryId: string;
  apiTokenId: string;
  /** The owner's own token (ADMIN), later expired by `expireToken`. */
  apiToken: string;
  mailId: string;
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
  const mail = await db.capturedMail.create({
    data: {
      from: "samspill@example.org",
      to: [email],
      subject: `${secret} digest`,
      text: `${secret} mail body`,
      headers: {},
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
    participationReportId: report.id,
    pamEvaluationId: pam.id,
    webhookSubscriptionId: webhook.id,
    webhookDeliveryId: delivery.id,
    apiTokenId: token.id,
    mailId: mail.id,
    personId,
  };
  return {
    organisationId,
    secret,
    publishedOfferId: published.id,
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
