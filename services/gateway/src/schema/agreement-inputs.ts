import { agreementStatuses, partyRoles } from "@samspill/domain";
import { builder } from "../builder.js";
import { AudienceEnum, DiagnosisScopeEnum, OfferKindEnum, PriorityGroupEnum } from "./offer-enums.js";

// The agreement enums and the agreement mutations' input types. The commands validate the input
// with the domain's zod schemas; these only give GraphQL clients the shape.

export const AgreementStatusEnum = builder.enumType("AgreementStatus", { values: agreementStatuses });
export const PartyRoleEnum = builder.enumType("PartyRole", { values: partyRoles });

const AgreementPartyInputRef = builder.inputType("AgreementPartyInput", {
  fields: (t) => ({
    organisationId: t.id({ required: true }),
    role: t.field({ type: PartyRoleEnum, required: true }),
  }),
});

const AgreementResponsibilityInputRef = builder.inputType("AgreementResponsibilityInput", {
  fields: (t) => ({
    organisationId: t.id({ required: true, description: "The party that takes this on." }),
    description: t.string({ required: true }),
    diagnosisScope: t.field({ type: DiagnosisScopeEnum }),
    offerKinds: t.field({ type: [OfferKindEnum] }),
    audiences: t.field({ type: [AudienceEnum] }),
    priorityGroups: t.field({ type: [PriorityGroupEnum] }),
  }),
});

const agreementScalarFields = (
  t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0],
  required: boolean,
) => ({
  title: t.string({ required }),
  subAgreement: t.string({
    description: 'Sub-agreement under § 6-2, e.g. "Delavtale 5"; makes it statutory.',
  }),
  description: t.string(),
  validFrom: t.string({ required, description: "YYYY-MM-DD" }),
  validTo: t.string({ description: "YYYY-MM-DD, the last valid day; none for open-ended." }),
  status: t.field({ type: AgreementStatusEnum }),
  documentUrl: t.string(),
});

export const CreateAgreementInputRef = builder.inputType("CreateAgreementInput", {
  fields: (t) => ({
    ...agreementScalarFields(t, true),
    parties: t.field({
      type: [AgreementPartyInputRef],
      required: true,
      description: "At least two; you must be an admin or editor in one of them.",
    }),
    responsibilities: t.field({ type: [AgreementResponsibilityInputRef] }),
    coordinatorId: t.id({
      description: "The coordinating party; by default the party you register it for.",
    }),
  }),
});

export const UpdateAgreementInputRef = builder.inputType("UpdateAgreementInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true, description: "The version you edited; a stale one is refused." }),
    ...agreementScalarFields(t, false),
    parties: t.field({ type: [AgreementPartyInputRef], description: "Replaces the parties when given." }),
    coordinatorId: t.id({ description: "Hands coordination to another party." }),
  }),
});

export const SetAgreementResponsibilitiesInputRef = builder.inputType("SetAgreementResponsibilitiesInput", {
  fields: (t) => ({
    agreementId: t.id({ required: true }),
    version: t.int({ required: true }),
    responsibilities: t.field({ type: [AgreementResponsibilityInputRef], required: true }),
  }),
});

export const AgreementOfferLinkInputRef = builder.inputType("AgreementOfferLinkInput", {
  fields: (t) => ({ agreementId: t.id({ required: true }), offerId: t.id({ required: true }) }),
});
