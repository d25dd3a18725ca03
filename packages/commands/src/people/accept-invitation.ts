import type { Prisma } from "@samspill/database";
import { ForbiddenError, invitationState, type Role } from "@samspill/domain";
import { type Actor, systemActor } from "../actor.js";
import { type Tx, transact, type Unit, type Work } from "../unit-of-work.js";
import { hashInvitationToken, newInvitationToken } from "./invitation-token.js";

// The two halves of an invitation link: the worker draws the token when it mails the link, and
// the first OpenID sign-in through the link binds the signer to the invitation. Neither has a
// signed-in actor (the worker is the system; the invitee has no row yet), so both record their
// changes as the system and name the person by id.

export interface InvitationLink {
  token: string;
  email: string;
  name: string | null;
  role: Role;
  organisationName: string;
  inviterName: string | null;
  expiresAt: Date;
  locale: "nb" | "nn" | "en";
}

/**
 * Draws a fresh token for an open invitation and stores its hash: the link for the invitation
 * mail. A second call (the mail job retried) replaces the token, so only the link last mailed
 * works. Null when the invitation is no longer open: nothing to mail.
 */
export async function issueInvitationLink(
  unit: Unit,
  actor: Actor,
  input: { id: string },
): Promise<InvitationLink | null> {
  if (actor.kind !== "SYSTEM") throw new ForbiddenError();
  return transact(unit, actor, async (work) => {
    const invitation = await work.tx.invitation.findUnique({ where: { id: input.id }, include: linkNames });
    if (!invitation || invitationState(invitation) !== "OPEN") return null;
    return drawInvitationLink(work, invitation);
  });
}

/** What an invitation's mail names besides the invitation itself. */
export const linkNames = {
  organisation: { select: { name: true, language: true } },
  invitedBy: { select: { name: true } },
} as const;

type InvitationWithNames = Prisma.InvitationGetPayload<{ include: typeof linkNames }>;

/** Draws the token of an open invitation, stores its hash and returns the link to mail. */
export async function drawInvitationLink(
  { tx, record }: Work,
  invitation: InvitationWithNames,
): Promise<InvitationLink> {
  const { token, tokenHash } = newInvitationToken();
  const mailedAt = new Date();
  await tx.invitation.update({ where: { id: invitation.id }, data: { tokenHash, mailedAt } });
  await record({
    action: "invitation.mail",
    entityType: "Invitation",
    entityId: invitation.id,
    organisationId: invitation.organisationId,
    changes: { mailedAt },
  });
  return {
    token,
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    organisationName: invitation.organisation.name,
    inviterName: invitation.invitedBy?.name ?? null,
    expiresAt: invitation.expiresAt,
    // The invitee has no language of their own yet: the organisation's written language.
    locale: invitation.organisation.language,
  };
}

/** Who signed in, as the OpenID provider vouched for them. */
export interface SignedInIdentity {
  subject: string;
  name?: string | null;
  email?: string | null;
}

export type AcceptedInvitation =
  | { outcome: "ACCEPTED"; personId: string; organisationId: string }
  /** The link was used before by this same person: nothing to bind, sign them in as usual. */
  | { outcome: "ALREADY_YOURS"; personId: string; organisationId: string }
  /** The link no longer works (USED: accepted before, by someone else), or names another person's address. */
  | { outcome: "EXPIRED" | "USED" | "REVOKED" | "UNKNOWN" | "EMAIL_TAKEN" };

const failures = {
  EXPIRED: "EXPIRED",
  ACCEPTED: "USED",
  REVOKED: "REVOKED",
  UNKNOWN: "UNKNOWN",
  OPEN: "UNKNOWN",
} as const;

/**
 * Binds the signer to the invitation named by `token`, once: finds the person by subject, else
 * the person invited by address who has never signed in, else creates them; then gives them the
 * invited role. Expired, revoked, unknown and used links are answered with their state; the
 * claim is one conditional update, so two sign-ins racing on one link cannot both win.
 */
export async function acceptInvitation(
  unit: Unit,
  token: string,
  identity: SignedInIdentity,
): Promise<AcceptedInvitation> {
  const tokenHash = hashInvitationToken(token);
  if (!tokenHash) return { outcome: "UNKNOWN" };
  return transact(unit, systemActor("Invitation"), async ({ tx, record }) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash } });
    const signer = await tx.person.findUnique({ where: { oidcSubject: identity.subject } });
    const now = new Date();
    const state = invitationState(invitation, now);
    if (!invitation || state !== "OPEN") {
      if (invitation && state === "ACCEPTED" && signer && invitation.acceptedById === signer.id)
        return { outcome: "ALREADY_YOURS", personId: signer.id, organisationId: invitation.organisationId };
      return { outcome: failures[state] };
    }
    const person = signer ?? (await bindOrCreate(tx, invitation, identity));
    if (!person) return { outcome: "EMAIL_TAKEN" };
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now, acceptedById: person.id },
    });
    // Someone else's sign-in won the race; the transaction (with any person made) rolls back.
    if (claimed.count === 0) throw new ForbiddenError("The invitation was used meanwhile");
    const { organisationId, role } = invitation;
    const existing = await tx.membership.findUnique({
      where: { personId_organisationId_role: { personId: person.id, organisationId, role } },
      select: { id: true },
    });
    const membership =
      existing ??
      (await tx.membership.create({
        data: { personId: person.id, organisationId, role },
        select: { id: true },
      }));
    if (!existing)
      await record({
        action: "membership.create",
        entityType: "Membership",
        entityId: membership.id,
        organisationId,
        changes: { created: { personId: person.id, role, invitationId: invitation.id } },
        event: {
          type: "membership.created",
          payload: { id: membership.id, organisationId, personId: person.id, role },
        },
      });
    await record({
      action: "invitation.accept",
      entityType: "Invitation",
      entityId: invitation.id,
      organisationId,
      changes: { acceptedAt: now, personId: person.id, newPerson: !signer },
      event: {
        type: "invitation.accepted",
        payload: {
          id: invitation.id,
          organisationId,
          role,
          personId: person.id,
          membershipId: membership.id,
        },
      },
    });
    return { outcome: "ACCEPTED", personId: person.id, organisationId };
  });
}

/**
 * The invited address's person if they never signed in (they get this subject), else a new
 * person. Null when the address belongs to someone signed in with another identity: the link
 * was meant for them, not for the signer.
 */
async function bindOrCreate(
  tx: Tx,
  invitation: { email: string; name: string | null },
  identity: SignedInIdentity,
): Promise<{ id: string } | null> {
  const byEmail = await tx.person.findFirst({
    where: { email: { equals: invitation.email, mode: "insensitive" } },
    select: { id: true, oidcSubject: true },
  });
  if (byEmail) {
    if (byEmail.oidcSubject) return null;
    return tx.person.update({
      where: { id: byEmail.id },
      data: { oidcSubject: identity.subject },
      select: { id: true },
    });
  }
  const name = identity.name?.trim() || invitation.name || invitation.email.split("@")[0] || invitation.email;
  return tx.person.create({
    data: { name, email: invitation.email, oidcSubject: identity.subject },
    select: { id: true },
  });
}
