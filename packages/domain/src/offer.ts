import { z } from "zod";
import {
  email,
  httpUrl,
  icd10Code,
  isoDate,
  languageCode,
  municipalityNumber,
  nonEmptyText,
  norwegianPhone,
  optionalText,
  plainText,
  uuid,
} from "./common.js";
import {
  type AccessibilityFeature,
  type Audience,
  accessibilityFeatures,
  audiences,
  type DiagnosisGroup,
  type DiagnosisScope,
  diagnosisGroups,
  diagnosisScopes,
  type OfferFormat,
  type OfferStatus,
  type OrganisationKind,
  offerFormats,
  offerKinds,
  offerStatuses,
  priorityGroups,
  topics,
  writtenLanguages,
} from "./enums.js";
import { DomainValidationError, type FieldIssue, fieldIssue } from "./errors.js";
import { bilingualIssue } from "./validation.js";

/** Optional set-like list: absent or null means empty (GraphQL's explicit null clears it); repeats collapse. */
const list = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .nullish()
    .transform((v) => [...new Set(v ?? [])]);
const flag = z
  .boolean()
  .nullish()
  .transform((v) => v ?? false);

const offerFields = {
  unitId: uuid.nullish(),
  title: nonEmptyText(200),
  summary: nonEmptyText(1000),
  description: plainText(20_000)
    .nullish()
    .transform((v) => v ?? ""),
  /** The written language of title, summary and description (left out: bokmål, or as stored). */
  textLanguage: z
    .enum(writtenLanguages)
    .nullish()
    .transform((v) => v ?? undefined),
  kind: z.enum(offerKinds),
  diagnosisScope: z.enum(diagnosisScopes),
  diagnosisCodes: list(icd10Code, 50),
  diagnosisGroups: list(z.enum(diagnosisGroups), diagnosisGroups.length),
  topics: list(z.enum(topics), topics.length),
  audiences: list(z.enum(audiences), audiences.length),
  priorityGroups: list(z.enum(priorityGroups), priorityGroups.length),
  format: z.enum(offerFormats),
  location: optionalText(500),
  onlineUrl: httpUrl.nullish(),
  languages: z
    .array(languageCode)
    .min(1)
    .max(30)
    .nullish()
    .transform((v) => [...new Set(v ?? ["nb"])]),
  accessibility: list(z.enum(accessibilityFeatures), accessibilityFeatures.length),
  municipalityNumbers: list(municipalityNumber, 400),
  userRepPlanning: flag,
  userRepDelivery: flag,
  userRepEvaluation: flag,
  a0099Eligible: flag,
  interdisciplinary: flag,
  reviewDueOn: isoDate.nullish(),
  contactName: optionalText(200),
  contactEmail: email.nullish(),
  contactPhone: norwegianPhone.nullish(),
  howToJoin: optionalText(2000),
  registrationUrl: httpUrl.nullish(),
  /** Sign-ups arrive as requests the provider accepts or declines (most hospital courses). */
  requiresReferral: flag,
  minimumParticipants: z.number().int().min(0).max(100_000).nullish(),
};

function checkOfferConsistency(
  offer: { diagnosisScope?: DiagnosisScope; a0099Eligible?: boolean; interdisciplinary?: boolean },
  ctx: z.RefinementCtx,
) {
  if (offer.a0099Eligible && !offer.interdisciplinary) {
    ctx.addIssue(
      bilingualIssue(
        ["interdisciplinary"],
        "a0099_requires_interdisciplinary",
        "A0099 activity requires interdisciplinary content",
        "A0099-aktivitet krever tverrfaglig innhold",
        "A0099-aktivitet krev tverrfagleg innhald",
      ),
    );
  }
}

export const createOfferInput = z
  .object({ providerId: uuid, ...offerFields })
  .strict()
  .superRefine(checkOfferConsistency);
export type CreateOfferInput = z.output<typeof createOfferInput>;

export const updateOfferInput = z
  .object({
    id: uuid,
    version: z.number().int().positive(),
    ...(Object.fromEntries(Object.entries(offerFields).map(([k, v]) => [k, (v as z.ZodType).optional()])) as {
      [K in keyof typeof offerFields]: z.ZodOptional<(typeof offerFields)[K]>;
    }),
  })
  .strict()
  .superRefine(checkOfferConsistency);
export type UpdateOfferInput = z.output<typeof updateOfferInput>;

/** Moves an offer through its lifecycle; the version is the one the editor saw. */
export const changeOfferStatusInput = z
  .object({ id: uuid, version: z.number().int().positive(), status: z.enum(offerStatuses) })
  .strict();
export type ChangeOfferStatusInput = z.output<typeof changeOfferStatusInput>;

/** What must hold before an offer can be published (the catalogue shows nothing half-made). */
export interface PublishableOffer {
  audiences: readonly Audience[];
  format: OfferFormat;
  location?: string | null;
  onlineUrl?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  diagnosisScope: DiagnosisScope;
  diagnosisCodes: readonly string[];
  diagnosisGroups: readonly DiagnosisGroup[];
  languages: readonly string[];
  municipalityNumbers: readonly string[];
  accessibility?: readonly AccessibilityFeature[];
}

export function publishProblems(offer: PublishableOffer): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (offer.audiences.length === 0)
    issues.push(
      fieldIssue(
        "audiences",
        "required_to_publish",
        "Choose at least one audience",
        "Velg minst én målgruppe",
        "Vel minst éi målgruppe",
      ),
    );
  if (!offer.contactEmail && !offer.contactPhone)
    issues.push(
      fieldIssue(
        "contactEmail",
        "required_to_publish",
        "A published offer needs a contact e-mail or phone",
        "Et publisert tilbud må ha kontakt-e-post eller telefon",
        "Eit publisert tilbod må ha kontakt-e-post eller telefon",
      ),
    );
  if (offer.format !== "DIGITAL" && !offer.location)
    issues.push(
      fieldIssue(
        "location",
        "required_to_publish",
        "Physical and hybrid offers need a place",
        "Fysiske og hybride tilbud må ha et sted",
        "Fysiske og hybride tilbod må ha ein stad",
      ),
    );
  if (offer.format !== "PHYSICAL" && !offer.onlineUrl)
    issues.push(
      fieldIssue(
        "onlineUrl",
        "required_to_publish",
        "Digital and hybrid offers need an online link",
        "Digitale og hybride tilbud må ha en lenke",
        "Digitale og hybride tilbod må ha ei lenke",
      ),
    );
  if (
    offer.diagnosisScope === "DIAGNOSIS_SPECIFIC" &&
    offer.diagnosisCodes.length + offer.diagnosisGroups.length === 0
  )
    issues.push(
      fieldIssue(
        "diagnosisCodes",
        "required_to_publish",
        "A diagnosis-specific offer needs at least one diagnosis code or group",
        "Et diagnosespesifikt tilbud må ha minst én diagnosekode eller diagnosegruppe",
        "Eit diagnosespesifikt tilbod må ha minst éin diagnosekode eller diagnosegruppe",
      ),
    );
  if (offer.languages.length === 0)
    issues.push(
      fieldIssue(
        "languages",
        "required_to_publish",
        "Choose at least one language",
        "Velg minst ett språk",
        "Vel minst eitt språk",
      ),
    );
  if (offer.municipalityNumbers.length === 0)
    issues.push(
      fieldIssue(
        "municipalityNumbers",
        "required_to_publish",
        "Choose the municipalities the offer serves",
        "Velg kommunene tilbudet gjelder for",
        "Vel kommunane tilbodet gjeld for",
      ),
    );
  return issues;
}

const transitions: Record<OfferStatus, readonly OfferStatus[]> = {
  DRAFT: ["PUBLISHED", "ARCHIVED"],
  PUBLISHED: ["PAUSED", "ARCHIVED"],
  PAUSED: ["PUBLISHED", "ARCHIVED"],
  ARCHIVED: ["DRAFT"],
};

export function canTransition(from: OfferStatus, to: OfferStatus): boolean {
  return transitions[from].includes(to);
}

/** Throws a typed error when `from → to` is not a lifecycle step, or publishing finds gaps. */
export function assertTransition(from: OfferStatus, to: OfferStatus, offer: PublishableOffer): void {
  if (!canTransition(from, to)) {
    throw new DomainValidationError([
      fieldIssue(
        "status",
        "invalid_transition",
        `An offer cannot go from ${from} to ${to}`,
        `Et tilbud kan ikke gå fra ${from} til ${to}`,
        `Eit tilbod kan ikkje gå frå ${from} til ${to}`,
      ),
    ]);
  }
  if (to === "PUBLISHED") {
    const problems = publishProblems(offer);
    if (problems.length > 0) throw new DomainValidationError(problems);
  }
}

/**
 * Task division (DOMAIN.md): specialised, diagnosis-specific offers belong to the hospital
 * trust. A municipality may still register one; it is accepted and flagged for the forum.
 */
export function taskDivisionFlag(
  providerKind: OrganisationKind,
  scope: DiagnosisScope,
): { flagged: boolean; reason: string | null } {
  if (providerKind === "MUNICIPALITY" && scope === "DIAGNOSIS_SPECIFIC") {
    return {
      flagged: true,
      reason: "Kommunalt diagnosespesifikt tilbud: oppgavedelingen vurderes i helsefellesskapets forum",
    };
  }
  return { flagged: false, reason: null };
}

/** Each course is reviewed with the department every five years. */
export const reviewCadenceYears = 5;

export function defaultReviewDue(publishedAt: Date): Date {
  const d = new Date(
    Date.UTC(
      publishedAt.getUTCFullYear() + reviewCadenceYears,
      publishedAt.getUTCMonth(),
      publishedAt.getUTCDate(),
    ),
  );
  return d;
}
