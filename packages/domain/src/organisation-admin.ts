import { z } from "zod";
import {
  email,
  httpUrl,
  municipalityNumber,
  nonEmptyText,
  optionalText,
  organisationNumber,
  uuid,
  version,
} from "./common.js";
import { organisationKinds, roles, unitKinds, writtenLanguages } from "./enums.js";

// Inputs of the admin pages: organisations and their units, memberships and invitations. Unlike
// the import inputs (imports.ts) the hub draws the ids of what is created, and edits name the
// version they were made on.

/** Days an invitation's link works after it was sent. */
export const invitationLifetimeDays = 14;

const organisationFields = {
  name: nonEmptyText(300),
  shortName: optionalText(100),
  orgNumber: organisationNumber.nullish(),
  website: httpUrl.nullish(),
  email: email.nullish(),
  /** The written standard (målform) its members' mails and pages default to; never empty. */
  language: z.enum(writtenLanguages).optional(),
};

export const createOrganisationInput = z
  .object({
    kind: z.enum(organisationKinds),
    ...organisationFields,
    parentId: uuid.nullish(),
    municipalityNumber: municipalityNumber.nullish(),
  })
  .strict();

/** What an organisation's own admins may change; kind, parent and municipality stay the region's. */
export const updateOrganisationInput = z
  .object({ id: uuid, version, ...organisationFields })
  .partial({ name: true })
  .strict();

export const createUnitInput = z
  .object({
    organisationId: uuid,
    kind: z.enum(unitKinds),
    name: nonEmptyText(300),
    email: email.nullish(),
    address: optionalText(500),
  })
  .strict();

export const updateUnitInput = z
  .object({
    id: uuid,
    kind: z.enum(unitKinds).optional(),
    name: nonEmptyText(300).optional(),
    email: email.nullish(),
    address: optionalText(500),
  })
  .strict();

export const updateMembershipInput = z
  .object({
    id: uuid,
    role: z.enum(roles).optional(),
    unitId: uuid.nullish(),
    title: optionalText(200),
  })
  .strict();

export const removeMembershipInput = z.object({ id: uuid }).strict();

export const invitePersonInput = z
  .object({
    organisationId: uuid,
    email: email.transform((value) => value.toLowerCase()),
    name: optionalText(200),
    role: z.enum(roles),
  })
  .strict();

export const revokeInvitationInput = z.object({ id: uuid }).strict();

/** An invitation link's token: 32 random bytes, base64url. Anything else names no invitation. */
export const invitationToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** Where an invitation stands, as its link's page tells the person who opened it. */
export const invitationStates = ["OPEN", "EXPIRED", "ACCEPTED", "REVOKED", "UNKNOWN"] as const;
export type InvitationState = (typeof invitationStates)[number];

export function invitationState(
  invitation: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null } | null,
  now = new Date(),
): InvitationState {
  if (!invitation) return "UNKNOWN";
  if (invitation.revokedAt) return "REVOKED";
  if (invitation.acceptedAt) return "ACCEPTED";
  if (invitation.expiresAt <= now) return "EXPIRED";
  return "OPEN";
}
