import {
  importOffer,
  importPamEvaluation,
  importParticipationReport,
  importSession,
} from "@samspill/commands";
import { defaultReviewDue } from "@samspill/domain";
import { forEachConcurrently, isoDay, type SeedContext } from "./context.js";
import { seedId } from "./ids.js";
import type { MunicipalityRow } from "./municipalities.js";
import { type OfferSeed, offers } from "./offers.data.js";
import { hospitalTrustKeyByName } from "./organisations.data.js";

/** How to join, in the written language of the offer's own texts. */
const howToJoin = {
  nb: "Meld deg på via kontaktpersonen, eller be fastlegen eller behandleren din om å henvise deg.",
  nn: "Meld deg på via kontaktpersonen, eller be fastlegen eller behandlaren din om å tilvise deg.",
  en: "Sign up through the contact person, or ask your GP or therapist to refer you.",
} as const;

/** The demo's offers with their sessions; returns how many sessions there are. */
export async function seedOffers(
  ctx: SeedContext,
  municipalities: readonly MunicipalityRow[],
): Promise<number> {
  let sessions = 0;
  await forEachConcurrently(offers, async (o) => {
    sessions += await seedOffer(ctx, o, municipalities);
  });
  return sessions;
}

async function seedOffer(ctx: SeedContext, o: OfferSeed, municipalities: readonly MunicipalityRow[]) {
  const { unit, actor, at, orgId, unitId } = ctx;
  const id = seedId(`offer:${o.key}`);
  const served = Array.isArray(o.serves)
    ? o.serves
    : municipalities
        .filter(
          (m) =>
            hospitalTrustKeyByName[m.hospitalTrust] === (o.serves as { catchmentOf: string }).catchmentOf,
        )
        .map((m) => m.number);
  const status = o.status ?? "PUBLISHED";
  const publishedAt = status === "DRAFT" ? null : at(-120);
  await importOffer(unit, actor, {
    id,
    providerId: orgId(o.provider),
    unitId: o.unit ? unitId(o.provider, o.unit) : null,
    title: o.title,
    summary: o.summary,
    description: o.description ?? o.summary,
    textLanguage: o.textLanguage ?? "nb",
    kind: o.kind,
    diagnosisScope: o.scope,
    diagnosisCodes: o.codes ?? [],
    diagnosisGroups: o.groups ?? [],
    topics: o.topics ?? [],
    audiences: o.audiences,
    priorityGroups: o.priority ?? [],
    format: o.format,
    location: o.location ?? null,
    onlineUrl: o.onlineUrl ?? null,
    languages: o.languages ?? ["nb"],
    accessibility: o.accessibility ?? [],
    municipalityNumbers: served,
    userRepPlanning: o.userReps?.includes("P") ?? false,
    userRepDelivery: o.userReps?.includes("D") ?? false,
    userRepEvaluation: o.userReps?.includes("E") ?? false,
    a0099Eligible: o.a0099 ?? false,
    interdisciplinary: o.a0099 ?? false,
    status,
    publishedAt,
    reviewDueOn: publishedAt ? isoDay(defaultReviewDue(publishedAt)) : null,
    contactName: o.contact.name,
    contactEmail: o.contact.email ?? null,
    contactPhone: o.contact.phone ?? null,
    howToJoin: howToJoin[o.textLanguage ?? "nb"],
  });
  for (const [i, [days, hour, hours, capacity]] of (o.sessions ?? []).entries()) {
    await importSession(unit, actor, {
      id: seedId(`session:${o.key}:${i}`),
      offerId: id,
      startsAt: at(days, hour),
      endsAt: at(days, hour + hours),
      location: o.location ?? null,
      onlineUrl: o.onlineUrl ?? null,
      capacity,
      registrations: Math.min(capacity, Math.round(capacity * 0.6)),
    });
  }
  return o.sessions?.length ?? 0;
}

/** Last half-year's participation and PAM figures for the courses that ran. */
export async function seedParticipation(ctx: SeedContext): Promise<void> {
  const { unit, actor, at, orgId } = ctx;
  const reported = offers.filter((o) => (o.sessions?.length ?? 0) > 0 && o.status === undefined);
  await forEachConcurrently(reported, async (o, i) => {
    const reporter = o.provider.startsWith("hf:") ? (i % 2 ? "uo:ffo" : "uo:kreftforeningen") : o.provider;
    // Small and large counts both occur so the published figures exercise suppression.
    const patients = 3 + ((i * 7) % 23);
    await importParticipationReport(unit, actor, {
      id: seedId(`participation:${o.key}`),
      reporterId: orgId(reporter),
      offerId: seedId(`offer:${o.key}`),
      periodStart: at(-200),
      periodEnd: at(-20),
      patients,
      carers: o.audiences.includes("CARERS") ? (i * 3) % 9 : 0,
      childrenAndYouth: o.audiences.includes("CHILDREN_AND_YOUTH") ? 4 + (i % 6) : 0,
      parents: o.audiences.includes("PARENTS") ? 2 + (i % 5) : 0,
      userRepsPlanning: o.userReps?.includes("P") ? 1 : 0,
      userRepsDelivery: o.userReps?.includes("D") ? 1 + (i % 2) : 0,
      userRepsEvaluation: o.userReps?.includes("E") ? 1 : 0,
    });
    if (o.a0099) {
      const before = 48 + (i % 10);
      await importPamEvaluation(unit, actor, {
        id: seedId(`pam:${o.key}`),
        offerId: seedId(`offer:${o.key}`),
        reporterId: orgId(o.provider),
        periodStart: at(-200),
        periodEnd: at(-20),
        respondentsBefore: patients,
        respondentsAfter: Math.max(0, patients - 2),
        meanScoreBefore: before,
        meanScoreAfter: before + 6 + (i % 5),
        levelsBefore: splitCount(patients, [0.3, 0.35, 0.25]),
        levelsAfter: splitCount(Math.max(0, patients - 2), [0.1, 0.3, 0.35]),
      });
    }
  });
}

/** Splits `total` over four activation levels by the first three shares; the rest is level 4. */
function splitCount(total: number, shares: [number, number, number]): number[] {
  const first = shares.map((s) => Math.floor(total * s));
  return [...first, total - first.reduce((a, b) => a + b, 0)];
}
