import {
  acceptInvitation,
  createOrganisation,
  invitePerson,
  issueInvitationLink,
  revokeInvitation,
  systemActor,
  unitOf,
} from "@samspill/commands";
import type { Database } from "@samspill/database";
import { DomainValidationError, ForbiddenError } from "@samspill/domain";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { viewerWith } from "../../support/gateway.js";

// Invitations through the commands: an admin invites by address and role; the mail job's link
// is a one-time token of which only the hash is stored; the first sign-in through it binds the
// signer's OpenID subject to a person with the invited role. Expired, used, revoked and unknown
// links are answered with their state, and another organisation's admin is refused.

let db: Database;
const regionalAdmin = viewerWith([{ org: "rhf:hmn", role: "ADMIN" }], "Eva Strand");
const trondheimAdmin = viewerWith([{ org: "mun:5001", role: "ADMIN" }]);
const system = systemActor("Invitation mail");
const unique = () => Math.random().toString(36).slice(2, 10);

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

async function newOrganisation() {
  const { id } = await createOrganisation(unitOf(db), regionalAdmin, {
    kind: "UNIVERSITY",
    name: `Høgskolen ${unique()}`,
  });
  return id;
}

async function invited(organisationId: string, role: "ADMIN" | "EDITOR" = "ADMIN") {
  const email = `ny-${unique()}@hogskolen.no`;
  const { id } = await invitePerson(unitOf(db), regionalAdmin, {
    organisationId,
    email,
    name: "Nina Ny",
    role,
  });
  const link = await issueInvitationLink(unitOf(db), system, { id });
  if (!link) throw new Error("an open invitation has a link");
  return { id, email, token: link.token };
}

describe("invitations", () => {
  it("stores only the link's hash, records ids and the role, and never the address", async () => {
    const organisationId = await newOrganisation();
    const { id, email, token } = await invited(organisationId);
    const row = await db.invitation.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(token);
    expect(row.mailedAt).not.toBeNull();
    const event = await db.outboxEvent.findFirstOrThrow({ where: { aggregateId: id } });
    expect(event).toMatchObject({
      type: "invitation.created",
      payload: { id, organisationId, role: "ADMIN" },
    });
    const trail = JSON.stringify(
      await db.auditEntry.findMany({ where: { entityId: id }, select: { changes: true, action: true } }),
    );
    expect(trail).not.toContain(email);
    expect(trail).not.toContain(token);
  });

  it("binds the first sign-in to a new person with the invited role, once", async () => {
    const organisationId = await newOrganisation();
    const { id, email, token } = await invited(organisationId);
    const subject = `helseid-${unique()}`;
    const accepted = await acceptInvitation(unitOf(db), token, { subject, name: "Nina Ny" });
    expect(accepted).toMatchObject({ outcome: "ACCEPTED", organisationId });
    const person = await db.person.findUniqueOrThrow({
      where: { oidcSubject: subject },
      include: { memberships: true },
    });
    expect(person).toMatchObject({ email, name: "Nina Ny" });
    expect(person.memberships.map((m) => [m.organisationId, m.role])).toEqual([[organisationId, "ADMIN"]]);
    expect(await db.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      acceptedById: person.id,
    });
    const types = (
      await db.outboxEvent.findMany({ where: { organisationId }, orderBy: { sequence: "asc" } })
    ).map((e) => e.type);
    expect(types).toEqual([
      "organisation.created",
      "invitation.created",
      "membership.created",
      "invitation.accepted",
    ]);

    // Reused: by someone else it is spent; by the same person it signs them in as before.
    expect(await acceptInvitation(unitOf(db), token, { subject: `other-${unique()}` })).toEqual({
      outcome: "USED",
    });
    expect(await acceptInvitation(unitOf(db), token, { subject })).toMatchObject({
      outcome: "ALREADY_YOURS",
      personId: person.id,
    });
    expect(await db.membership.count({ where: { personId: person.id } })).toBe(1);
  });

  it("gives the subject to a person invited by address who never signed in, and refuses one bound to another", async () => {
    const organisationId = await newOrganisation();
    const email = `kjent-${unique()}@hogskolen.no`;
    const existing = await db.person.create({ data: { name: "Kjent Person", email } });
    const { id } = await invitePerson(unitOf(db), regionalAdmin, { organisationId, email, role: "EDITOR" });
    const link = await issueInvitationLink(unitOf(db), system, { id });
    const subject = `idporten-${unique()}`;
    expect(await acceptInvitation(unitOf(db), link?.token ?? "", { subject })).toMatchObject({
      outcome: "ACCEPTED",
      personId: existing.id,
    });
    expect(await db.person.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({
      oidcSubject: subject,
    });

    // The same address invited elsewhere, but someone else signs in: the link is not theirs.
    const other = await newOrganisation();
    const second = await invitePerson(unitOf(db), regionalAdmin, {
      organisationId: other,
      email,
      role: "VIEWER",
    });
    const secondLink = await issueInvitationLink(unitOf(db), system, second);
    expect(
      await acceptInvitation(unitOf(db), secondLink?.token ?? "", { subject: `stranger-${unique()}` }),
    ).toEqual({ outcome: "EMAIL_TAKEN" });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      acceptedAt: null,
    });
  });

  it("answers an expired, a revoked and an unknown link with its state, binding nobody", async () => {
    const organisationId = await newOrganisation();
    const expired = await invited(organisationId);
    await db.invitation.update({
      where: { id: expired.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const subject = `late-${unique()}`;
    expect(await acceptInvitation(unitOf(db), expired.token, { subject })).toEqual({ outcome: "EXPIRED" });

    const revoked = await invited(organisationId, "EDITOR");
    await revokeInvitation(unitOf(db), regionalAdmin, { id: revoked.id });
    expect(await acceptInvitation(unitOf(db), revoked.token, { subject })).toEqual({ outcome: "REVOKED" });
    expect(await issueInvitationLink(unitOf(db), system, { id: revoked.id })).toBeNull();
    expect(
      (
        await db.outboxEvent.findFirstOrThrow({
          where: { aggregateId: revoked.id, type: "invitation.revoked" },
        })
      ).payload,
    ).toEqual({
      id: revoked.id,
      organisationId,
      role: "EDITOR",
    });

    expect(await acceptInvitation(unitOf(db), "A".repeat(43), { subject })).toEqual({ outcome: "UNKNOWN" });
    expect(await acceptInvitation(unitOf(db), "not a token", { subject })).toEqual({ outcome: "UNKNOWN" });
    expect(await db.person.count({ where: { oidcSubject: subject } })).toBe(0);

    // What is settled cannot be revoked again.
    const again = await revokeInvitation(unitOf(db), regionalAdmin, { id: revoked.id }).catch(
      (e: unknown) => e,
    );
    expect(again).toBeInstanceOf(DomainValidationError);
  });

  it("refuses another organisation's admin to invite, revoke or mail", async () => {
    const organisationId = await newOrganisation();
    await expect(
      invitePerson(unitOf(db), trondheimAdmin, {
        organisationId,
        email: `x-${unique()}@test.no`,
        role: "ADMIN",
      }),
    ).rejects.toThrow(ForbiddenError);
    const { id } = await invited(organisationId);
    await expect(revokeInvitation(unitOf(db), trondheimAdmin, { id })).rejects.toThrow(ForbiddenError);
    await expect(issueInvitationLink(unitOf(db), trondheimAdmin, { id })).rejects.toThrow(ForbiddenError);
  });

  it("refuses a second open invitation of one address, and lets a new link replace the old", async () => {
    const organisationId = await newOrganisation();
    const { id, email, token } = await invited(organisationId);
    const twice = await invitePerson(unitOf(db), regionalAdmin, {
      organisationId,
      email: email.toUpperCase(),
      role: "EDITOR",
    }).catch((e: unknown) => e);
    expect((twice as DomainValidationError).issues[0]).toMatchObject({
      field: "email",
      code: "already_invited",
    });
    const fresh = await issueInvitationLink(unitOf(db), system, { id });
    expect(await acceptInvitation(unitOf(db), token, { subject: `s-${unique()}` })).toEqual({
      outcome: "UNKNOWN",
    });
    expect(
      await acceptInvitation(unitOf(db), fresh?.token ?? "", { subject: `s-${unique()}` }),
    ).toMatchObject({ outcome: "ACCEPTED" });
  });
});
