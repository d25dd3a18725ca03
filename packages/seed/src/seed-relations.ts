import { importActionPlan, importAgreement, importMeasure, importMeetingPoint } from "@samspill/commands";
import { nextCheckpoint } from "@samspill/domain";
import { actionPlans } from "./action-plans.data.js";
import { forEachConcurrently, type SeedContext } from "./context.js";
import { seedId } from "./ids.js";
import { organisations } from "./organisations.data.js";
import { agreements, meetings } from "./relations.data.js";

/** The cooperation agreements with their parties, responsibilities and linked offers. */
export async function seedAgreements(ctx: SeedContext): Promise<void> {
  const { unit, actor, at, orgId } = ctx;
  await forEachConcurrently(agreements, async (a) => {
    await importAgreement(unit, actor, {
      id: seedId(`agreement:${a.key}`),
      title: a.title,
      subAgreement: a.subAgreement,
      description: a.description,
      validFrom: at(a.fromDays),
      validTo: a.toDays === null ? null : at(a.toDays),
      status: "ACTIVE",
      parties: a.parties.map((p) => ({ organisationId: orgId(p.org), role: p.role })),
      responsibilities: a.responsibilities.map((r, i) => ({
        id: seedId(`responsibility:${a.key}:${i}`),
        organisationId: orgId(r.org),
        description: r.description,
        diagnosisScope: r.scope ?? null,
      })),
      offerIds: a.offers.map((k) => seedId(`offer:${k}`)),
    });
  });
}

/** The meeting points, with their decisions and follow-ups. */
export async function seedMeetings(ctx: SeedContext): Promise<void> {
  const { unit, actor, at, orgId } = ctx;
  await forEachConcurrently(meetings, async (m) => {
    await importMeetingPoint(unit, actor, {
      id: seedId(`meeting:${m.key}`),
      kind: m.kind,
      title: m.title,
      organiserId: orgId(m.organiser),
      healthCommunityId: m.healthCommunity ? orgId(m.healthCommunity) : null,
      agreementId: m.agreement ? seedId(`agreement:${m.agreement}`) : null,
      startsAt: at(m.startDays, 9),
      endsAt: at(m.startDays, 9 + m.hours),
      location: m.location ?? null,
      onlineUrl: m.onlineUrl ?? null,
      agenda: m.agenda,
      minutes: m.minutes ?? "",
      participantIds: m.participants.map(orgId),
      decisions: (m.decisions ?? []).map((text, i) => ({
        id: seedId(`decision:${m.key}:${i}`),
        text,
        decidedAt: at(m.startDays, 12),
      })),
      followUps: (m.followUps ?? []).map((f, i) => ({
        id: seedId(`followup:${m.key}:${i}`),
        text: f.text,
        responsibleOrgId: f.org ? orgId(f.org) : null,
        dueOn: at(f.dueDays),
        status: f.done ? "DONE" : "OPEN",
      })),
    });
  });
}

/** A plan's own review names only its cadence. */
const noSchedule = { checkpointYear: null, cadenceYears: null, cadenceMonth: null, startYear: null };

/** The two action plans; returns how many current (not removed) measures they hold. */
export async function seedActionPlans(ctx: SeedContext): Promise<number> {
  const { unit, actor, orgId, today } = ctx;
  let current = 0;
  for (const plan of actionPlans) {
    const owner = organisations.find((o) => o.name === plan.owner);
    if (!owner) throw new Error(`Unknown action plan owner ${plan.owner}`);
    const planId = seedId(`plan:${plan.key}`);
    await importActionPlan(unit, actor, {
      id: planId,
      key: plan.key,
      title: plan.title,
      ownerId: orgId(owner.key),
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      revisedOn: plan.revisedOn ? new Date(`${plan.revisedOn}T00:00:00Z`) : null,
      reviewRaw: plan.review?.raw ?? null,
      reviewCadence: plan.review?.cadence ?? null,
      nextReviewOn: plan.review
        ? nextCheckpoint({ ...noSchedule, cadence: plan.review.cadence }, today)
        : null,
      sections: plan.sections,
    });
    const all = [
      ...plan.measures.map((m) => ({ m, removed: false })),
      ...plan.removedMeasures.map((m) => ({ m, removed: true })),
    ];
    await forEachConcurrently(all, async ({ m, removed }) => {
      await importMeasure(unit, actor, {
        id: seedId(`measure:${plan.key}:${m.key}`),
        planId,
        key: m.key,
        section: m.section,
        ordinal: m.ordinal,
        text: m.text,
        responsibleRaw: m.responsibleRaw,
        responsibleParties: m.responsibleParties,
        startRaw: m.startRaw,
        startYear: m.startYear,
        checkpointRaw: m.checkpointRaw,
        checkpointYear: m.checkpointYear,
        cadence: m.cadence,
        cadenceYears: m.cadenceYears,
        cadenceMonth: m.cadenceMonth,
        removed,
        note: m.note ?? null,
        nextCheckpointOn: removed ? null : nextCheckpoint(m, today),
        initialStatus: removed ? "REMOVED" : m.startYear ? "IN_PROGRESS" : "NOT_STARTED",
      });
      if (!removed) current++;
    });
  }
  return current;
}
