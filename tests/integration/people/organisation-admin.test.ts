import {
  createOrganisation,
  createUnit,
  removeMembership,
  systemActor,
  unitOf,
  updateMembership,
  updateOrganisation,
  updateUnit,
} from "@samspill/commands";
import type { Database } from "@samspill/database";
import { DomainValidationError, ForbiddenError, StaleVersionError } from "@samspill/domain";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, viewerWith } from "../../support/gateway.js";

// Organisations, units and memberships through the commands: who may change what, the rule that
// an organisation keeps an admin (also when two admins remove each other at the same moment),
// and that every change leaves an audit entry and an event naming ids and roles only.

let db: Database;
const regionalAdmin = viewerWith([{ org: "rhf:hmn", role: "ADMIN" }], "Eva Strand");
const moldeAdmin = viewerWith([{ org: "mun:1506", role: "ADMIN" }], "Ola Hansen");
const moldeEditor = viewerWith([{ org: "mun:1506", role: "EDITOR" }], "Kari Nordmann");
const unique = () => Math.random().toString(36).slice(2, 8);

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

const eventsOf = (aggregateId: string) =>
  db.outboxEvent.findMany({ where: { aggregateId }, orderBy: { sequence: "asc" } });

/** A new organisation with `admins` people as ADMIN (made as the system, as the seed would). */
async function organisationWithAdmins(admins: number) {
  const { id } = await createOrganisation(unitOf(db), regionalAdmin, {
    kind: "USER_ORGANISATION",
    name: `Testforeningen ${unique()}`,
  });
  const memberships = [];
  for (let i = 0; i < admins; i++) {
    const person = await db.person.create({
      data: { name: `Admin ${i}`, email: `admin-${i}-${unique()}@test.samspill.no` },
    });
    memberships.push(
      await db.membership.create({ data: { personId: person.id, organisationId: id, role: "ADMIN" } }),
    );
  }
  const asAdmin = {
    ...moldeAdmin,
    name: "Admin 0",
    memberships: [{ organisationId: id, role: "ADMIN" as const }],
  };
  return { id, memberships, asAdmin };
}

describe("organisations", () => {
  it("lets the regional admin create an organisation, audited, with an organisation.created event", async () => {
    const name = `Kommunal frisklivsforening ${unique()}`;
    const { id } = await createOrganisation(unitOf(db), regionalAdmin, {
      kind: "USER_ORGANISATION",
      name,
      email: "post@forening.no",
    });
    expect(await db.organisation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name,
      email: "post@forening.no",
      version: 1,
    });
    expect((await eventsOf(id)).map((e) => [e.type, e.payload])).toEqual([
      ["organisation.created", { id, version: 1, kind: "USER_ORGANISATION" }],
    ]);
    expect(await db.auditEntry.count({ where: { entityId: id, action: "organisation.create" } })).toBe(1);
  });

  it("refuses everyone but the regional admin to create one", async () => {
    for (const actor of [moldeAdmin, moldeEditor, null]) {
      await expect(
        createOrganisation(unitOf(db), actor, { kind: "MUNICIPALITY", name: `X ${unique()}` }),
      ).rejects.toThrow(ForbiddenError);
    }
  });

  it("lets an organisation's admin edit its details on the current version, and emits organisation.updated", async () => {
    const molde = orgId("mun:1506");
    const { version } = await db.organisation.findUniqueOrThrow({ where: { id: molde } });
    await updateOrganisation(unitOf(db), moldeAdmin, {
      id: molde,
      version,
      email: "postmottak@molde.kommune.no",
    });
    const after = await db.organisation.findUniqueOrThrow({ where: { id: molde } });
    expect(after).toMatchObject({ email: "postmottak@molde.kommune.no", version: version + 1 });
    const events = await eventsOf(molde);
    expect(events.at(-1)).toMatchObject({
      type: "organisation.updated",
      payload: { id: molde, version: version + 1 },
    });
    await expect(
      updateOrganisation(unitOf(db), moldeAdmin, { id: molde, version, shortName: "Molde" }),
    ).rejects.toThrow(StaleVersionError);
  });

  it("sets the written language on creation and on edit (bokmål unless given), audited", async () => {
    const { id } = await createOrganisation(unitOf(db), regionalAdmin, {
      kind: "USER_ORGANISATION",
      name: `Nynorsklaget ${unique()}`,
      language: "nn",
    });
    expect(await db.organisation.findUniqueOrThrow({ where: { id } })).toMatchObject({ language: "nn" });
    const plain = await createOrganisation(unitOf(db), regionalAdmin, {
      kind: "USER_ORGANISATION",
      name: `Bokmålslaget ${unique()}`,
    });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: plain.id } })).toMatchObject({
      language: "nb",
    });

    await updateOrganisation(unitOf(db), regionalAdmin, { id, version: 1, language: "en" });
    expect(await db.organisation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      language: "en",
      version: 2,
    });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entityId: id, action: "organisation.update" },
    });
    expect(audit.changes).toMatchObject({ language: { from: "nn", to: "en" } });
    const error = await updateOrganisation(unitOf(db), regionalAdmin, {
      id,
      version: 2,
      language: "de",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainValidationError);
    expect((error as DomainValidationError).issues[0]).toMatchObject({ field: "language" });
  });

  it("refuses an editor, and an admin of another organisation", async () => {
    const trondheim = await db.organisation.findUniqueOrThrow({ where: { id: orgId("mun:5001") } });
    await expect(
      updateOrganisation(unitOf(db), moldeAdmin, {
        id: trondheim.id,
        version: trondheim.version,
        shortName: "X",
      }),
    ).rejects.toThrow(ForbiddenError);
    const molde = await db.organisation.findUniqueOrThrow({ where: { id: orgId("mun:1506") } });
    await expect(
      updateOrganisation(unitOf(db), moldeEditor, { id: molde.id, version: molde.version, shortName: "X" }),
    ).rejects.toThrow(ForbiddenError);
  });

  it("answers a taken name as a field error, not a database error", async () => {
    const error = await createOrganisation(unitOf(db), regionalAdmin, {
      kind: "MUNICIPALITY",
      name: "Molde kommune",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainValidationError);
    expect((error as DomainValidationError).issues[0]).toMatchObject({ field: "name", code: "taken" });
  });
});

describe("units", () => {
  it("lets the organisation's admin add and rename units; another organisation's admin is refused", async () => {
    const molde = orgId("mun:1506");
    const { id } = await createUnit(unitOf(db), moldeAdmin, {
      organisationId: molde,
      kind: "HEALTHY_LIVING_CENTRE",
      name: `Frisklivs ${unique()}`,
    });
    await updateUnit(unitOf(db), moldeAdmin, { id, name: "Frisklivssentralen Hjelset" });
    expect(await db.unit.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "Frisklivssentralen Hjelset",
      organisationId: molde,
    });
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(["unit.created", "unit.updated"]);
    const trondheimAdmin = viewerWith([{ org: "mun:5001", role: "ADMIN" }]);
    await expect(updateUnit(unitOf(db), trondheimAdmin, { id, name: "Kapret" })).rejects.toThrow(
      ForbiddenError,
    );
    await expect(
      createUnit(unitOf(db), trondheimAdmin, { organisationId: molde, kind: "OTHER", name: "Kapret" }),
    ).rejects.toThrow(ForbiddenError);
    // The regional admin manages every organisation's units.
    await updateUnit(unitOf(db), regionalAdmin, { id, address: "Hjelset" });
  });
});

describe("memberships", () => {
  it("changes a role and removes a membership, audited, with events of ids and roles only", async () => {
    const org = await organisationWithAdmins(2);
    const [first, second] = org.memberships;
    if (!first || !second) throw new Error("two admins expected");
    await updateMembership(unitOf(db), org.asAdmin, { id: second.id, role: "EDITOR", title: "Rådgiver" });
    expect(await db.membership.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      role: "EDITOR",
      title: "Rådgiver",
    });
    await removeMembership(unitOf(db), org.asAdmin, { id: second.id });
    expect(await db.membership.count({ where: { id: second.id } })).toBe(0);
    const events = await eventsOf(second.id);
    expect(events.map((e) => e.type)).toEqual(["membership.updated", "membership.removed"]);
    for (const e of events)
      expect(Object.keys(e.payload as object).sort()).toEqual(expect.not.arrayContaining(["name", "email"]));
    expect(events[0]?.payload).toEqual({
      id: second.id,
      organisationId: org.id,
      personId: second.personId,
      role: "EDITOR",
      previousRole: "ADMIN",
    });
    expect(await db.auditEntry.count({ where: { entityId: second.id } })).toBe(2);
  });

  it("never takes the last admin away: neither removed nor demoted", async () => {
    const org = await organisationWithAdmins(1);
    const [only] = org.memberships;
    if (!only) throw new Error("one admin expected");
    const removed = await removeMembership(unitOf(db), org.asAdmin, { id: only.id }).catch((e: unknown) => e);
    expect(removed).toBeInstanceOf(DomainValidationError);
    expect((removed as DomainValidationError).issues[0]?.code).toBe("last_admin");
    const demoted = await updateMembership(unitOf(db), regionalAdmin, { id: only.id, role: "VIEWER" }).catch(
      (e: unknown) => e,
    );
    expect((demoted as DomainValidationError).issues[0]).toMatchObject({ field: "role", code: "last_admin" });
    expect(await db.membership.findUniqueOrThrow({ where: { id: only.id } })).toMatchObject({
      role: "ADMIN",
    });
  });

  it("keeps an admin when two admins remove each other at the same moment", async () => {
    for (let round = 0; round < 5; round++) {
      const org = await organisationWithAdmins(2);
      const [a, b] = org.memberships;
      if (!a || !b) throw new Error("two admins expected");
      const outcomes = await Promise.allSettled([
        removeMembership(unitOf(db), org.asAdmin, { id: a.id }),
        removeMembership(unitOf(db), org.asAdmin, { id: b.id }),
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      expect(await db.membership.count({ where: { organisationId: org.id, role: "ADMIN" } })).toBe(1);
    }
  });

  it("refuses changes to another organisation's members, and to a unit of another organisation", async () => {
    const org = await organisationWithAdmins(2);
    const [, member] = org.memberships;
    if (!member) throw new Error("two admins expected");
    await expect(removeMembership(unitOf(db), moldeAdmin, { id: member.id })).rejects.toThrow(ForbiddenError);
    await expect(updateMembership(unitOf(db), moldeAdmin, { id: member.id, role: "VIEWER" })).rejects.toThrow(
      ForbiddenError,
    );
    const moldeUnit = await db.unit.findFirstOrThrow({ where: { organisationId: orgId("mun:1506") } });
    const error = await updateMembership(unitOf(db), org.asAdmin, {
      id: member.id,
      unitId: moldeUnit.id,
    }).catch((e: unknown) => e);
    expect((error as DomainValidationError).issues[0]).toMatchObject({
      field: "unitId",
      code: "foreign_unit",
    });
    // The system (seed, import) is not an organisation admin but may.
    await updateMembership(unitOf(db), systemActor(), { id: member.id, title: "Styreleder" });
  });
});
