import { defaultReviewDue, diagnosisGroupsOf, nextCheckpoint, taskDivisionFlag } from "@samspill/domain";
import type { Database } from "../client.js";
import { actionPlans } from "./action-plans.data.js";
import { seedId } from "./ids.js";
import { loadMunicipalities } from "./municipalities.js";
import { type OfferSeed, offers } from "./offers.data.js";
import {
  healthCommunities,
  hospitalTrustKeyByName,
  municipalUnits,
  organisations,
  people,
} from "./organisations.data.js";
import { agreements, meetings } from "./relations.data.js";

export interface SeedOptions {
  /** Reference date the demo's relative dates count from (default: today, at midnight UTC). */
  today?: Date;
}

export interface SeedSummary {
  organisations: number;
  municipalities: number;
  people: number;
  offers: number;
  sessions: number;
  agreements: number;
  meetingPoints: number;
  measures: number;
}

const day = 86_400_000;

/** Loads the demo region. Every row has a name-based id, so a second run updates in place. */
export async function seedDemoData(db: Database, options: SeedOptions = {}): Promise<SeedSummary> {
  const now = options.today ?? new Date();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const at = (days: number, hour = 0) => new Date(today.getTime() + days * day + hour * 3_600_000);
  const orgId = (key: string) => seedId(`org:${key}`);
  const unitId = (orgKey: string, key: string) => seedId(`unit:${orgKey}:${key}`);

  // Organisations first without parents, then parents, so self-references never dangle.
  for (const o of organisations) {
    const data = {
      kind: o.kind,
      name: o.name,
      shortName: o.shortName ?? null,
      orgNumber: o.orgNumber ?? null,
      website: o.website ?? null,
    };
    await db.organisation.upsert({
      where: { id: orgId(o.key) },
      create: { id: orgId(o.key), ...data },
      update: data,
    });
  }
  for (const o of organisations) {
    if (o.parentKey)
      await db.organisation.update({ where: { id: orgId(o.key) }, data: { parentId: orgId(o.parentKey) } });
    for (const u of o.units ?? []) {
      const data = { organisationId: orgId(o.key), kind: u.kind, name: u.name, address: u.address ?? null };
      await db.unit.upsert({
        where: { id: unitId(o.key, u.key) },
        create: { id: unitId(o.key, u.key), ...data },
        update: data,
      });
    }
  }

  const municipalities = loadMunicipalities();
  for (const m of municipalities) {
    const trustKey = hospitalTrustKeyByName[m.hospitalTrust];
    if (!trustKey) throw new Error(`Unknown hospital trust ${m.hospitalTrust} for ${m.number}`);
    const mData = { name: m.name, county: m.county, hospitalTrustId: orgId(trustKey) };
    await db.municipality.upsert({
      where: { number: m.number },
      create: { number: m.number, ...mData },
      update: mData,
    });
    const key = `mun:${m.number}`;
    const oData = {
      kind: "MUNICIPALITY" as const,
      name: `${m.name} kommune`,
      municipalityNumber: m.number,
      parentId: null,
    };
    await db.organisation.upsert({
      where: { id: orgId(key) },
      create: { id: orgId(key), ...oData },
      update: oData,
    });
  }
  for (const u of municipalUnits) {
    const orgKey = `mun:${u.municipality}`;
    const data = { organisationId: orgId(orgKey), kind: u.kind, name: u.name, address: u.address ?? null };
    await db.unit.upsert({
      where: { id: unitId(orgKey, u.key) },
      create: { id: unitId(orgKey, u.key), ...data },
      update: data,
    });
  }

  for (const hc of healthCommunities) {
    const trusts = new Set(hc.hospitalTrusts.map(orgId));
    const memberKeys = [
      ...hc.hospitalTrusts,
      ...municipalities
        .filter((m) => trusts.has(orgId(hospitalTrustKeyByName[m.hospitalTrust]!)))
        .map((m) => `mun:${m.number}`),
      ...hc.userOrgs,
    ];
    await db.healthCommunityMember.createMany({
      data: memberKeys.map((k) => ({ healthCommunityId: orgId(hc.key), organisationId: orgId(k) })),
      skipDuplicates: true,
    });
  }

  for (const p of people) {
    const id = seedId(`person:${p.key}`);
    const data = { name: p.name, email: p.email, oidcSubject: p.subject };
    await db.person.upsert({ where: { id }, create: { id, ...data }, update: data });
    for (const m of p.memberships) {
      const mid = seedId(`membership:${p.key}:${m.org}:${m.role}`);
      const mData = {
        personId: id,
        organisationId: orgId(m.org),
        role: m.role,
        unitId: m.unit ? unitId(m.org, m.unit) : null,
        title: m.title ?? null,
      };
      await db.membership.upsert({ where: { id: mid }, create: { id: mid, ...mData }, update: mData });
    }
    const sid = seedId(`subscription:${p.key}:WEEKLY_DIGEST`);
    const sData = {
      personId: id,
      kind: "WEEKLY_DIGEST" as const,
      municipalityNumbers: p.memberships.flatMap((m) => (m.org.startsWith("mun:") ? [m.org.slice(4)] : [])),
    };
    await db.subscription.upsert({ where: { id: sid }, create: { id: sid, ...sData }, update: sData });
  }

  const orgKinds = new Map(organisations.map((o) => [o.key, o.kind]));
  let sessionCount = 0;
  for (const o of offers) {
    sessionCount += await seedOffer(db, o, {
      at,
      orgId,
      unitId,
      municipalities,
      kind: orgKinds.get(o.provider) ?? "MUNICIPALITY",
    });
  }

  for (const a of agreements) {
    const id = seedId(`agreement:${a.key}`);
    const data = {
      title: a.title,
      subAgreement: a.subAgreement,
      description: a.description,
      validFrom: at(a.fromDays),
      validTo: a.toDays === null ? null : at(a.toDays),
      status: "ACTIVE" as const,
    };
    await db.agreement.upsert({ where: { id }, create: { id, ...data }, update: data });
    await db.agreementParty.createMany({
      data: a.parties.map((p) => ({ agreementId: id, organisationId: orgId(p.org), role: p.role })),
      skipDuplicates: true,
    });
    for (const [i, r] of a.responsibilities.entries()) {
      const rid = seedId(`responsibility:${a.key}:${i}`);
      const rData = {
        agreementId: id,
        organisationId: orgId(r.org),
        description: r.description,
        diagnosisScope: r.scope ?? null,
      };
      await db.agreementResponsibility.upsert({
        where: { id: rid },
        create: { id: rid, ...rData },
        update: rData,
      });
    }
    await db.agreementOffer.createMany({
      data: a.offers.map((k) => ({ agreementId: id, offerId: seedId(`offer:${k}`) })),
      skipDuplicates: true,
    });
  }

  for (const m of meetings) {
    const id = seedId(`meeting:${m.key}`);
    const data = {
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
    };
    await db.meetingPoint.upsert({ where: { id }, create: { id, ...data }, update: data });
    await db.meetingParticipant.createMany({
      data: m.participants.map((p) => ({ meetingPointId: id, organisationId: orgId(p) })),
      skipDuplicates: true,
    });
    for (const [i, text] of (m.decisions ?? []).entries()) {
      const did = seedId(`decision:${m.key}:${i}`);
      const dData = { meetingPointId: id, text, decidedAt: at(m.startDays, 12) };
      await db.meetingDecision.upsert({ where: { id: did }, create: { id: did, ...dData }, update: dData });
    }
    for (const [i, f] of (m.followUps ?? []).entries()) {
      const fid = seedId(`followup:${m.key}:${i}`);
      const fData = {
        meetingPointId: id,
        text: f.text,
        responsibleOrgId: f.org ? orgId(f.org) : null,
        dueOn: at(f.dueDays),
        status: f.done ? ("DONE" as const) : ("OPEN" as const),
      };
      await db.followUp.upsert({ where: { id: fid }, create: { id: fid, ...fData }, update: fData });
    }
  }

  await seedParticipation(db, { at, orgId });

  let measureCount = 0;
  for (const plan of actionPlans) {
    const owner = organisations.find((o) => o.name === plan.owner);
    if (!owner) throw new Error(`Unknown action plan owner ${plan.owner}`);
    const planId = seedId(`plan:${plan.key}`);
    const data = {
      key: plan.key,
      title: plan.title,
      ownerId: orgId(owner.key),
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      revisedOn: plan.revisedOn ? new Date(`${plan.revisedOn}T00:00:00Z`) : null,
    };
    await db.actionPlan.upsert({ where: { id: planId }, create: { id: planId, ...data }, update: data });
    for (const s of plan.sections) {
      await db.actionPlanSection.upsert({
        where: { planId_number: { planId, number: s.number } },
        create: { planId, number: s.number, title: s.title },
        update: { title: s.title },
      });
    }
    const all = [
      ...plan.measures.map((m) => ({ m, removed: false })),
      ...plan.removedMeasures.map((m) => ({ m, removed: true })),
    ];
    for (const { m, removed } of all) {
      const id = seedId(`measure:${plan.key}:${m.key}`);
      const mData = {
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
      };
      // Status and progress are the users' own data: set on first seed, never overwritten.
      await db.measure.upsert({
        where: { id },
        create: { id, ...mData, status: removed ? "REMOVED" : m.startYear ? "IN_PROGRESS" : "NOT_STARTED" },
        update: mData,
      });
      if (!removed) measureCount++;
    }
  }

  return {
    organisations: await db.organisation.count(),
    municipalities: municipalities.length,
    people: people.length,
    offers: offers.length,
    sessions: sessionCount,
    agreements: agreements.length,
    meetingPoints: meetings.length,
    measures: measureCount,
  };
}

interface OfferContext {
  at: (days: number, hour?: number) => Date;
  orgId: (key: string) => string;
  unitId: (orgKey: string, key: string) => string;
  municipalities: { number: string; hospitalTrust: string }[];
  kind: Parameters<typeof taskDivisionFlag>[0];
}

async function seedOffer(db: Database, o: OfferSeed, ctx: OfferContext): Promise<number> {
  const id = seedId(`offer:${o.key}`);
  const served = Array.isArray(o.serves)
    ? o.serves
    : ctx.municipalities
        .filter(
          (m) =>
            hospitalTrustKeyByName[m.hospitalTrust] === (o.serves as { catchmentOf: string }).catchmentOf,
        )
        .map((m) => m.number);
  const status = o.status ?? "PUBLISHED";
  const publishedAt = status === "DRAFT" ? null : ctx.at(-120);
  const flag = taskDivisionFlag(ctx.kind, o.scope);
  const codes = o.codes ?? [];
  const data = {
    providerId: ctx.orgId(o.provider),
    unitId: o.unit ? ctx.unitId(o.provider, o.unit) : null,
    title: o.title,
    summary: o.summary,
    description: o.description ?? o.summary,
    kind: o.kind,
    diagnosisScope: o.scope,
    diagnosisCodes: codes,
    diagnosisGroups: [
      ...new Set([...(o.groups ?? []), ...(codes.length ? diagnosisGroupsOf(codes) : [])]),
    ].filter((g) => g !== "OTHER" || (o.groups ?? []).includes("OTHER")),
    topics: o.topics ?? [],
    audiences: o.audiences,
    priorityGroups: o.priority ?? [],
    format: o.format,
    location: o.location ?? null,
    onlineUrl: o.onlineUrl ?? null,
    languages: o.languages ?? ["nb"],
    accessibility: o.accessibility ?? [],
    userRepPlanning: o.userReps?.includes("P") ?? false,
    userRepDelivery: o.userReps?.includes("D") ?? false,
    userRepEvaluation: o.userReps?.includes("E") ?? false,
    a0099Eligible: o.a0099 ?? false,
    interdisciplinary: o.a0099 ?? false,
    status,
    publishedAt,
    reviewDueOn: publishedAt ? defaultReviewDue(publishedAt) : null,
    contactName: o.contact.name,
    contactEmail: o.contact.email ?? null,
    contactPhone: o.contact.phone ?? null,
    howToJoin: "Meld deg på via kontaktpersonen, eller be fastlegen eller behandleren din om å henvise deg.",
    flaggedForReview: flag.flagged,
    flagReason: flag.reason,
  };
  await db.offer.upsert({ where: { id }, create: { id, ...data }, update: data });
  await db.offerMunicipality.deleteMany({ where: { offerId: id, municipalityNumber: { notIn: served } } });
  await db.offerMunicipality.createMany({
    data: served.map((n) => ({ offerId: id, municipalityNumber: n })),
    skipDuplicates: true,
  });
  for (const [i, [days, hour, hours, capacity]] of (o.sessions ?? []).entries()) {
    const sid = seedId(`session:${o.key}:${i}`);
    const sData = {
      offerId: id,
      startsAt: ctx.at(days, hour),
      endsAt: ctx.at(days, hour + hours),
      location: o.location ?? null,
      onlineUrl: o.onlineUrl ?? null,
      capacity,
      registrations: Math.min(capacity, Math.round(capacity * 0.6)),
    };
    await db.offerSession.upsert({ where: { id: sid }, create: { id: sid, ...sData }, update: sData });
  }
  return o.sessions?.length ?? 0;
}

/** Last half-year's participation and PAM aggregates for the courses that ran. */
async function seedParticipation(
  db: Database,
  ctx: { at: (days: number) => Date; orgId: (key: string) => string },
): Promise<void> {
  const reported = offers.filter((o) => (o.sessions?.length ?? 0) > 0 && o.status === undefined);
  for (const [i, o] of reported.entries()) {
    const reporter = o.provider.startsWith("hf:") ? (i % 2 ? "uo:ffo" : "uo:kreftforeningen") : o.provider;
    const id = seedId(`participation:${o.key}`);
    // Small and large counts both occur so the published figures exercise suppression.
    const patients = 3 + ((i * 7) % 23);
    const data = {
      reporterId: ctx.orgId(reporter),
      offerId: seedId(`offer:${o.key}`),
      periodStart: ctx.at(-200),
      periodEnd: ctx.at(-20),
      patients,
      carers: o.audiences.includes("CARERS") ? (i * 3) % 9 : 0,
      childrenAndYouth: o.audiences.includes("CHILDREN_AND_YOUTH") ? 4 + (i % 6) : 0,
      parents: o.audiences.includes("PARENTS") ? 2 + (i % 5) : 0,
      userRepsPlanning: o.userReps?.includes("P") ? 1 : 0,
      userRepsDelivery: o.userReps?.includes("D") ? 1 + (i % 2) : 0,
      userRepsEvaluation: o.userReps?.includes("E") ? 1 : 0,
    };
    await db.participationReport.upsert({ where: { id }, create: { id, ...data }, update: data });
    if (o.a0099) {
      const pid = seedId(`pam:${o.key}`);
      const before = 48 + (i % 10);
      const pData = {
        offerId: seedId(`offer:${o.key}`),
        reporterId: ctx.orgId(o.provider),
        periodStart: ctx.at(-200),
        periodEnd: ctx.at(-20),
        respondentsBefore: patients,
        respondentsAfter: Math.max(0, patients - 2),
        meanScoreBefore: before.toFixed(1),
        meanScoreAfter: (before + 6 + (i % 5)).toFixed(1),
        levelsBefore: splitCount(patients, [0.3, 0.35, 0.25]),
        levelsAfter: splitCount(Math.max(0, patients - 2), [0.1, 0.3, 0.35]),
      };
      await db.pamEvaluation.upsert({ where: { id: pid }, create: { id: pid, ...pData }, update: pData });
    }
  }
}

/** Splits `total` over four activation levels by the first three shares; the rest is level 4. */
function splitCount(total: number, shares: [number, number, number]): number[] {
  const first = shares.map((s) => Math.floor(total * s));
  return [...first, total - first.reduce((a, b) => a + b, 0)];
}
