import { z } from "zod";
import { httpUrl, isoDate, nonEmptyText, optionalText, uuid, version } from "./common.js";
import {
  type AgreementStatus,
  agreementStatuses,
  audiences,
  diagnosisScopes,
  type OrganisationKind,
  offerKinds,
  type PartyRole,
  partyRoles,
  priorityGroups,
} from "./enums.js";
import { type FieldIssue, fieldIssue } from "./errors.js";
import { addFieldIssues } from "./field-issues.js";

// Cooperation agreements (samarbeidsavtaler) between hospital trusts, municipalities and others.
// An agreement naming a sub-agreement ("Delavtale 5") is one of the statutory agreements under
// the health and care services act § 6-2: one hospital trust and its municipalities.

const list = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .nullish()
    .transform((v) => v ?? []);

export const agreementPartyInput = z
  .object({
    organisationId: uuid,
    role: z.enum(partyRoles),
  })
  .strict();
export type AgreementPartyInput = z.output<typeof agreementPartyInput>;

export const agreementResponsibilityInput = z
  .object({
    organisationId: uuid,
    description: nonEmptyText(2000),
    diagnosisScope: z.enum(diagnosisScopes).nullish(),
    offerKinds: list(z.enum(offerKinds), offerKinds.length),
    audiences: list(z.enum(audiences), audiences.length),
    priorityGroups: list(z.enum(priorityGroups), priorityGroups.length),
  })
  .strict();
export type AgreementResponsibilityInput = z.output<typeof agreementResponsibilityInput>;

const agreementFields = {
  title: nonEmptyText(300),
  subAgreement: optionalText(100),
  description: z
    .string()
    .trim()
    .max(20_000)
    .nullish()
    .transform((v) => v ?? ""),
  validFrom: isoDate,
  validTo: isoDate.nullish(),
  status: z.enum(agreementStatuses),
  documentUrl: httpUrl.nullish(),
};

const parties = z.array(agreementPartyInput).max(100);

/** Issues with the period: an agreement cannot end before it starts. Dates are YYYY-MM-DD. */
export function agreementPeriodIssues(validFrom: string, validTo: string | null | undefined): FieldIssue[] {
  if (!validTo || validTo >= validFrom) return [];
  return [
    fieldIssue(
      "validTo",
      "ends_before_start",
      "An agreement cannot end before it starts",
      "En avtale kan ikke slutte før den begynner",
      "Ein avtale kan ikkje slutte før han byrjar",
    ),
  ];
}

/**
 * The party rules: at least two distinct parties; a statutory agreement (one with a
 * sub-agreement) has exactly one hospital trust and at least one municipality.
 */
export function partyIssues(
  list: readonly AgreementPartyInput[],
  statutory: boolean,
  field = "parties",
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  list.forEach((p, i) => {
    if (seen.has(p.organisationId))
      issues.push(
        fieldIssue(
          `${field}.${i}.organisationId`,
          "duplicate_party",
          "The organisation is already a party",
          "Organisasjonen er allerede part i avtalen",
          "Organisasjonen er alt part i avtalen",
        ),
      );
    seen.add(p.organisationId);
  });
  if (seen.size < 2)
    issues.push(
      fieldIssue(
        field,
        "too_few_parties",
        "An agreement needs at least two parties",
        "En avtale må ha minst to parter",
        "Ein avtale må ha minst to partar",
      ),
    );
  if (statutory) {
    const trusts = list.filter((p) => p.role === "HOSPITAL_TRUST").length;
    if (trusts !== 1)
      issues.push(
        fieldIssue(
          field,
          "statutory_needs_one_hospital_trust",
          "A statutory cooperation agreement has exactly one hospital trust as a party",
          "En lovpålagt samarbeidsavtale har nøyaktig ett helseforetak som part",
          "Ein lovpålagd samarbeidsavtale har nøyaktig eitt helseføretak som part",
        ),
      );
    if (!list.some((p) => p.role === "MUNICIPALITY"))
      issues.push(
        fieldIssue(
          field,
          "statutory_needs_municipality",
          "A statutory cooperation agreement needs at least one municipality as a party",
          "En lovpålagt samarbeidsavtale må ha minst én kommune som part",
          "Ein lovpålagd samarbeidsavtale må ha minst éin kommune som part",
        ),
      );
  }
  return issues;
}

/** Each responsibility must be taken on by one of the agreement's parties. */
export function responsibilityIssues(
  responsibilities: readonly { organisationId: string }[],
  partyIds: readonly string[],
  field = "responsibilities",
): FieldIssue[] {
  const parties = new Set(partyIds);
  return responsibilities.flatMap((r, i) =>
    parties.has(r.organisationId)
      ? []
      : [
          fieldIssue(
            `${field}.${i}.organisationId`,
            "not_a_party",
            "A responsibility must belong to one of the agreement's parties",
            "Et ansvar må tilhøre en av avtalepartene",
            "Eit ansvar må høyre til ein av avtalepartane",
          ),
        ],
  );
}

/** The organisation kind a party role stands for; OTHER fits any organisation. */
const roleKinds: Record<PartyRole, OrganisationKind | null> = {
  HOSPITAL_TRUST: "HOSPITAL_TRUST",
  MUNICIPALITY: "MUNICIPALITY",
  USER_ORGANISATION: "USER_ORGANISATION",
  UNIVERSITY: "UNIVERSITY",
  OTHER: null,
};

export function partyRoleFits(role: PartyRole, kind: OrganisationKind): boolean {
  const expected = roleKinds[role];
  return expected === null || expected === kind;
}

/**
 * Who coordinates an imported agreement, whose source does not say: its hospital trust (a
 * statutory agreement has exactly one), else its first party. In the hub, whoever registers an
 * agreement coordinates it unless they name another party.
 */
export function defaultCoordinator(
  list: readonly { organisationId: string; role: PartyRole }[],
): string | undefined {
  const trusts = list.filter((p) => p.role === "HOSPITAL_TRUST");
  if (trusts.length === 1) return trusts[0]?.organisationId;
  return list[0]?.organisationId;
}

/** The coordinating party must be one of the parties. */
export function coordinatorIssues(coordinatorId: string, partyIds: readonly string[]): FieldIssue[] {
  if (partyIds.includes(coordinatorId)) return [];
  return [
    fieldIssue(
      "coordinatorId",
      "coordinator_not_a_party",
      "The coordinating organisation must be one of the parties",
      "Koordinerende organisasjon må være en av partene",
      "Koordinerande organisasjon må vere ein av partane",
    ),
  ];
}

export const createAgreementInput = z
  .object({
    ...agreementFields,
    status: agreementFields.status.nullish().transform((v): AgreementStatus => v ?? "ACTIVE"),
    /** The coordinating party; by default the organisation that registers the agreement. */
    coordinatorId: uuid.nullish(),
    parties,
    responsibilities: list(agreementResponsibilityInput, 200),
  })
  .strict()
  .superRefine((a, ctx) => {
    addFieldIssues(ctx, agreementPeriodIssues(a.validFrom, a.validTo));
    addFieldIssues(ctx, partyIssues(a.parties, Boolean(a.subAgreement)));
    if (a.coordinatorId)
      addFieldIssues(
        ctx,
        coordinatorIssues(
          a.coordinatorId,
          a.parties.map((p) => p.organisationId),
        ),
      );
    addFieldIssues(
      ctx,
      responsibilityIssues(
        a.responsibilities,
        a.parties.map((p) => p.organisationId),
      ),
    );
  });
export type CreateAgreementInput = z.output<typeof createAgreementInput>;

/**
 * An edit of the agreement itself; parties may be replaced as a whole. Rules that need the
 * stored row (period, responsibilities of a removed party) are checked with it by the caller.
 */
export const updateAgreementInput = z
  .object({
    id: uuid,
    version,
    title: agreementFields.title.optional(),
    subAgreement: agreementFields.subAgreement.optional(),
    description: agreementFields.description.optional(),
    validFrom: agreementFields.validFrom.optional(),
    validTo: agreementFields.validTo.optional(),
    status: agreementFields.status.optional(),
    documentUrl: agreementFields.documentUrl.optional(),
    /** Hands coordination to another party (the coordinator or a regional admin only). */
    coordinatorId: uuid.optional(),
    parties: parties.optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.validFrom && a.validTo) addFieldIssues(ctx, agreementPeriodIssues(a.validFrom, a.validTo));
  });
export type UpdateAgreementInput = z.output<typeof updateAgreementInput>;

export const setAgreementResponsibilitiesInput = z
  .object({
    agreementId: uuid,
    version,
    responsibilities: z.array(agreementResponsibilityInput).max(200),
  })
  .strict();
export type SetAgreementResponsibilitiesInput = z.output<typeof setAgreementResponsibilitiesInput>;

export const agreementOfferLinkInput = z.object({ agreementId: uuid, offerId: uuid }).strict();
export type AgreementOfferLinkInput = z.output<typeof agreementOfferLinkInput>;

/** Whole days from `today` to `validTo` (negative once expired); null for an open-ended agreement. */
export function daysUntil(validTo: Date | null, today: Date): number | null {
  if (!validTo) return null;
  const startOfToday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const end = Date.UTC(validTo.getUTCFullYear(), validTo.getUTCMonth(), validTo.getUTCDate());
  return Math.round((end - startOfToday) / 86_400_000);
}
