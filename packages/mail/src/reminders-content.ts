import type { Database } from "@samspill/database";
import { matchesFilter, type OfferFacets, withCatchments } from "./filters.js";
import { dateOnly, osloDay } from "./oslo.js";

// What needs someone's attention, and whose attention: each reminder names the organisations
// responsible, and their ADMIN and EDITOR members get it. The period key names the subject and
// its date, so a reminder goes out once per subject and date; moving the date (a renewed
// agreement, a new checkpoint) makes it due again.

export const checkpointHorizonDays = 30;
export const agreementHorizonDays = 90;
export const reviewHorizonDays = 90;

export type ReminderKind =
  | "CHECKPOINT"
  | "PLAN_REVIEW"
  | "AGREEMENT_EXPIRING"
  | "REVIEW_DUE"
  | "FOLLOW_UP_OVERDUE";

export interface Reminder {
  kind: ReminderKind;
  /** e.g. "agreement:<id>:expiring:2027-02-01" */
  periodKey: string;
  /** One line for the send log (bokmål). */
  subject: string;
  /** What the reminder is about, for the mail's subject in the recipient's language: a measure's number, else a title. */
  about: string;
  /** A checkpoint's measure text (the title names the measure in bokmål). */
  measureText?: string;
  /** A review's last one, written out in the recipient's language. */
  lastReviewedOn?: Date | null;
  title: string;
  details: string[];
  dueOn: Date;
  organisationIds: string[];
  offerId?: string;
  agreementId?: string;
  /** The action plan a checkpoint or plan review belongs to: the mail links to its page. */
  planKey?: string;
  /** An offer's places and groups: a person's REMINDERS filter narrows these reminders only. */
  facets?: OfferFacets;
}

const shorten = (text: string, max = 140) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

export async function dueReminders(db: Database, now: Date): Promise<Reminder[]> {
  const today = osloDay(now);
  const [measures, plans, agreements, offers, followUps] = await Promise.all([
    db.measure.findMany({
      where: {
        removed: false,
        status: { notIn: ["DONE", "REMOVED"] },
        // A checkpoint marked met waits only for the worker to move it on (advance-checkpoints).
        checkpointMetOn: null,
        nextCheckpointOn: { lte: osloDay(now, checkpointHorizonDays) },
      },
      orderBy: [{ nextCheckpointOn: "asc" }, { id: "asc" }],
      select: {
        id: true,
        section: true,
        ordinal: true,
        text: true,
        nextCheckpointOn: true,
        plan: { select: { key: true, title: true, ownerId: true } },
      },
    }),
    // The plan's own review (the twice-yearly team meeting, the yearly revision), due like a
    // measure's checkpoint; one marked met waits for advance-checkpoints to move it on.
    db.actionPlan.findMany({
      where: { reviewMetOn: null, nextReviewOn: { lte: osloDay(now, checkpointHorizonDays) } },
      orderBy: [{ nextReviewOn: "asc" }, { id: "asc" }],
      select: { id: true, key: true, title: true, ownerId: true, reviewRaw: true, nextReviewOn: true },
    }),
    db.agreement.findMany({
      where: { status: "ACTIVE", validTo: { gte: today, lte: osloDay(now, agreementHorizonDays) } },
      orderBy: [{ validTo: "asc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        subAgreement: true,
        validTo: true,
        parties: { select: { organisationId: true, organisation: { select: { name: true } } } },
      },
    }),
    db.offer.findMany({
      where: {
        status: { in: ["PUBLISHED", "PAUSED"] },
        reviewDueOn: { lte: osloDay(now, reviewHorizonDays) },
      },
      orderBy: [{ reviewDueOn: "asc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        providerId: true,
        reviewDueOn: true,
        lastReviewedOn: true,
        priorityGroups: true,
        diagnosisGroups: true,
        municipalities: { select: { municipalityNumber: true } },
      },
    }),
    db.followUp.findMany({
      where: { status: "OPEN", dueOn: { lt: today } },
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      select: {
        id: true,
        text: true,
        dueOn: true,
        responsibleOrgId: true,
        meetingPoint: { select: { title: true, organiserId: true } },
      },
    }),
  ]);

  const reminders: Reminder[] = [];
  for (const m of measures) {
    const due = m.nextCheckpointOn as Date;
    reminders.push({
      kind: "CHECKPOINT",
      periodKey: `measure:${m.id}:checkpoint:${dateOnly(due)}`,
      subject: `Sjekkpunkt for tiltak ${m.section}.${m.ordinal}`,
      about: `${m.section}.${m.ordinal}`,
      measureText: shorten(m.text),
      title: `Tiltak ${m.section}.${m.ordinal}: ${shorten(m.text)}`,
      details: [m.plan.title],
      dueOn: due,
      organisationIds: [m.plan.ownerId],
      planKey: m.plan.key,
    });
  }
  for (const p of plans) {
    const due = p.nextReviewOn as Date;
    reminders.push({
      kind: "PLAN_REVIEW",
      // Keyed by the occurrence's date: the next one, once this is met and moved on, is new.
      periodKey: `plan:${p.id}:review:${dateOnly(due)}`,
      subject: `Gjennomgang av handlingsplan: ${p.title}`,
      about: p.title,
      title: p.title,
      details: p.reviewRaw ? [p.reviewRaw] : [],
      dueOn: due,
      organisationIds: [p.ownerId],
      planKey: p.key,
    });
  }
  for (const a of agreements) {
    const due = a.validTo as Date;
    reminders.push({
      kind: "AGREEMENT_EXPIRING",
      periodKey: `agreement:${a.id}:expiring:${dateOnly(due)}`,
      subject: `Avtale utløper: ${a.title}`,
      about: a.title,
      title: a.subAgreement ? `${a.title} (${a.subAgreement})` : a.title,
      details: [a.parties.map((p) => p.organisation.name).join(", ")],
      dueOn: due,
      organisationIds: a.parties.map((p) => p.organisationId),
      agreementId: a.id,
    });
  }
  for (const o of offers) {
    const due = o.reviewDueOn as Date;
    reminders.push({
      kind: "REVIEW_DUE",
      periodKey: `offer:${o.id}:review:${dateOnly(due)}`,
      subject: `Gjennomgang av tilbud: ${o.title}`,
      about: o.title,
      lastReviewedOn: o.lastReviewedOn,
      title: o.title,
      details: o.lastReviewedOn ? [`Sist gjennomgått ${dateOnly(o.lastReviewedOn)}`] : [],
      dueOn: due,
      organisationIds: [o.providerId],
      offerId: o.id,
      facets: {
        municipalityNumbers: o.municipalities.map((m) => m.municipalityNumber),
        priorityGroups: o.priorityGroups,
        diagnosisGroups: o.diagnosisGroups,
      },
    });
  }
  for (const f of followUps) {
    const due = f.dueOn as Date;
    reminders.push({
      kind: "FOLLOW_UP_OVERDUE",
      periodKey: `follow-up:${f.id}:overdue:${dateOnly(due)}`,
      subject: `Oppfølgingspunkt på etterskudd: ${shorten(f.text, 80)}`,
      about: shorten(f.text, 80),
      title: shorten(f.text),
      details: [f.meetingPoint.title],
      dueOn: due,
      organisationIds: [f.responsibleOrgId ?? f.meetingPoint.organiserId],
    });
  }
  return reminders;
}

export interface ReminderRecipient {
  /** For the log: a failed mail is reported by person, not by address. */
  personId: string;
  email: string;
  name: string;
  reminders: Reminder[];
}

/**
 * The ADMIN and EDITOR members of the responsible organisations, each with their reminders.
 * People who switched off their REMINDERS subscription are left out; those who narrowed it
 * (page /subscriptions) get only the offer reminders within their places and groups: the
 * other reminders are their organisation's own tasks and always come.
 */
export async function reminderRecipients(
  db: Database,
  reminders: readonly Reminder[],
): Promise<ReminderRecipient[]> {
  const orgIds = [...new Set(reminders.flatMap((r) => r.organisationIds))];
  const memberships = await db.membership.findMany({
    where: {
      organisationId: { in: orgIds },
      role: { in: ["ADMIN", "EDITOR"] },
      person: { subscriptions: { none: { kind: "REMINDERS", active: false } } },
    },
    orderBy: [{ person: { email: "asc" } }, { organisationId: "asc" }],
    select: { organisationId: true, person: { select: { id: true, email: true, name: true } } },
  });
  const filters = await withCatchments(
    db,
    await db.subscription.findMany({
      where: { kind: "REMINDERS", active: true, personId: { in: memberships.map((m) => m.person.id) } },
      select: {
        personId: true,
        municipalityNumbers: true,
        hospitalTrustIds: true,
        priorityGroups: true,
        diagnosisGroups: true,
      },
    }),
  );
  const filterOf = new Map(filters.map((f) => [f.personId, f]));
  const byEmail = new Map<string, { personId: string; name: string; orgs: Set<string> }>();
  for (const m of memberships) {
    const entry = byEmail.get(m.person.email) ?? {
      personId: m.person.id,
      name: m.person.name,
      orgs: new Set<string>(),
    };
    entry.orgs.add(m.organisationId);
    byEmail.set(m.person.email, entry);
  }
  return [...byEmail]
    .map(([email, { personId, name, orgs }]) => {
      const filter = filterOf.get(personId);
      return {
        personId,
        email,
        name,
        reminders: reminders.filter(
          (r) =>
            r.organisationIds.some((id) => orgs.has(id)) &&
            (!filter || !r.facets || matchesFilter(filter, r.facets)),
        ),
      };
    })
    .filter((r) => r.reminders.length > 0);
}
