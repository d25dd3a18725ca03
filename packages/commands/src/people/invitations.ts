import {
  DomainValidationError,
  ForbiddenError,
  invitationLifetimeDays,
  invitationState,
  invitePersonInput,
  parseInput,
  revokeInvitationInput,
} from "@samspill/domain";
import { type Actor, requireSignedIn } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import { drawInvitationLink, type InvitationLink, linkNames } from "./accept-invitation.js";
import { requireOrganisationAdmin } from "./access.js";

// An admin invites a person by e-mail to a role in their organisation. The invitation is a row
// and an `invitation.created` event; the worker mails the link (issueInvitationLink), so the
// link's token never passes through an event, a queue or a log. Audit entries and events hold
// ids and the role, never the address.

const dayMs = 86_400_000;

function refuse(field: string, code: string, message: string, messageNb: string, messageNn: string): never {
  throw new DomainValidationError([{ field, code, message, messageNb, messageNn }]);
}

export interface InviteOptions {
  /**
   * Draw the link in the same transaction and hand it to the caller, who mails it (the system
   * only: the CLI that invites a new region's first admin and prints the link as well). The event
   * says so, and the mail job leaves the invitation alone: a second link would void the first.
   */
  issueLink?: boolean;
}

export async function invitePerson(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
  options: InviteOptions = {},
): Promise<{ id: string; link?: InvitationLink }> {
  const input = parseInput(invitePersonInput, raw);
  if (options.issueLink && actor?.kind !== "SYSTEM") throw new ForbiddenError();
  return transact(unit, requireSignedIn(actor), async (work) => {
    const { tx, record } = work;
    await requireOrganisationAdmin(tx, actor, input.organisationId);
    const now = new Date();
    const pending = await tx.invitation.count({
      where: {
        organisationId: input.organisationId,
        email: input.email,
        acceptedAt: null,
        revokedAt: null,
        expiresAt: { gt: now },
      },
    });
    if (pending > 0)
      refuse(
        "email",
        "already_invited",
        "This address has an open invitation already",
        "Adressen har allerede en åpen invitasjon",
        "Adressa har alt ein open invitasjon",
      );
    const member = await tx.membership.count({
      where: {
        organisationId: input.organisationId,
        role: input.role,
        person: { email: { equals: input.email, mode: "insensitive" } },
      },
    });
    if (member > 0)
      refuse(
        "email",
        "already_member",
        "The person already holds this role here",
        "Personen har allerede denne rollen her",
        "Personen har alt denne rolla her",
      );
    const created = await tx.invitation.create({
      data: {
        ...input,
        invitedById: actor?.personId ?? null,
        expiresAt: new Date(now.getTime() + invitationLifetimeDays * dayMs),
      },
      select: { id: true, expiresAt: true },
    });
    const payload = {
      id: created.id,
      organisationId: input.organisationId,
      role: input.role,
      ...(options.issueLink ? { linkIssued: true } : {}),
    };
    await record({
      action: "invitation.create",
      entityType: "Invitation",
      entityId: created.id,
      organisationId: input.organisationId,
      changes: { role: input.role, expiresAt: created.expiresAt },
      event: { type: "invitation.created", payload },
    });
    if (!options.issueLink) return { id: created.id };
    const invitation = await tx.invitation.findUniqueOrThrow({
      where: { id: created.id },
      include: linkNames,
    });
    return { id: created.id, link: await drawInvitationLink(work, invitation) };
  });
}

/** Withdraws an invitation that is still open; its link then leads to a page saying so. */
export async function revokeInvitation(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: string }> {
  const { id } = parseInput(revokeInvitationInput, raw);
  return transact(unit, requireSignedIn(actor), async ({ tx, record }) => {
    const invitation = await tx.invitation.findUnique({ where: { id } });
    if (!invitation) throw new ForbiddenError();
    await requireOrganisationAdmin(tx, actor, invitation.organisationId);
    const now = new Date();
    const revoked = await tx.invitation.updateMany({
      where: { id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    if (revoked.count === 0)
      refuse(
        "id",
        `invitation_${invitationState(invitation, now).toLowerCase()}`,
        "Only an open invitation can be revoked",
        "Bare en åpen invitasjon kan trekkes tilbake",
        "Berre ein open invitasjon kan trekkjast tilbake",
      );
    const { organisationId, role } = invitation;
    await record({
      action: "invitation.revoke",
      entityType: "Invitation",
      entityId: id,
      organisationId,
      changes: { revokedAt: now },
      event: { type: "invitation.revoked", payload: { id, organisationId, role } },
    });
    return { id };
  });
}
