import { randomUUID } from "node:crypto";
import { type Actor, importOffer, systemActor, unitOf, upsertOrganisation } from "@samspill/commands";
import type { Database } from "@samspill/database";
import { ForbiddenError } from "@samspill/domain";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";

// The import commands the seed writes through (and the spreadsheet import will): a row named by
// the caller's id is created, updated when the import differs, and left alone (with nothing
// recorded) when it does not.

let db: Database;
let municipalityId: string;
let rhfId: string;

const person = (organisationId: string, role: Actor["memberships"][number]["role"]): Actor => ({
  kind: "PERSON",
  personId: null,
  tokenId: null,
  name: "Importer",
  memberships: [{ organisationId, role }],
});

const draft = (id: string, title: string) => ({
  id,
  providerId: municipalityId,
  title,
  summary: "Et kurs for å teste importen.",
  kind: "GROUP_COURSE",
  diagnosisScope: "DIAGNOSIS_INDEPENDENT",
  format: "PHYSICAL",
  location: "Rådhuset",
  municipalityNumbers: ["1506"],
  status: "DRAFT",
  publishedAt: null,
});

const recorded = async (id: string) => ({
  audit: await db.auditEntry.findMany({ where: { entityId: id }, orderBy: { occurredAt: "asc" } }),
  events: await db.outboxEvent.findMany({ where: { aggregateId: id }, orderBy: { sequence: "asc" } }),
});

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  municipalityId = (await db.organisation.findUniqueOrThrow({ where: { municipalityNumber: "1506" } })).id;
  rhfId = (await db.organisation.findFirstOrThrow({ where: { kind: "REGIONAL_HEALTH_AUTHORITY" } })).id;
});
afterAll(() => db.$disconnect());

describe("import commands", () => {
  it("create an offer once, record nothing when the same offer comes again, and record a real change", async () => {
    const id = randomUUID();
    const unit = unitOf(db);
    expect(await importOffer(unit, systemActor(), draft(id, "Importkurs"))).toEqual({
      id,
      outcome: "CREATED",
    });
    expect(await importOffer(unit, systemActor(), draft(id, "Importkurs"))).toEqual({
      id,
      outcome: "UNCHANGED",
    });
    let trail = await recorded(id);
    expect(trail.audit.map((a) => a.action)).toEqual(["offer.create"]);
    expect(trail.events.map((e) => e.type)).toEqual(["offer.created"]);

    expect(await importOffer(unit, systemActor(), draft(id, "Importkurs, ny tittel"))).toEqual({
      id,
      outcome: "UPDATED",
    });
    trail = await recorded(id);
    expect(trail.audit.map((a) => a.action)).toEqual(["offer.create", "offer.update"]);
    expect(trail.audit[1]!.changes).toEqual({ title: { from: "Importkurs", to: "Importkurs, ny tittel" } });
    expect(trail.events[1]).toMatchObject({ type: "offer.updated", payload: { changedFields: ["title"] } });
    expect(await db.offer.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 2 });
  });

  it("let the provider's editors import its offers, and nobody else", async () => {
    const unit = unitOf(db);
    const id = randomUUID();
    await expect(importOffer(unit, person(rhfId, "ADMIN"), draft(id, "Fremmed"))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await importOffer(unit, person(municipalityId, "EDITOR"), draft(id, "Egen"))).toMatchObject({
      outcome: "CREATED",
    });
  });

  it("keep organisations for the system and the regional admins only", async () => {
    const unit = unitOf(db);
    const organisation = {
      id: randomUUID(),
      kind: "USER_ORGANISATION",
      name: `Importforeningen ${randomUUID()}`,
    };
    await expect(
      upsertOrganisation(unit, person(municipalityId, "ADMIN"), organisation),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(upsertOrganisation(unit, person(rhfId, "EDITOR"), organisation)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await upsertOrganisation(unit, person(rhfId, "ADMIN"), organisation)).toMatchObject({
      outcome: "CREATED",
    });
    expect(await upsertOrganisation(unit, systemActor(), { ...organisation, shortName: "IF" })).toMatchObject(
      {
        outcome: "UPDATED",
      },
    );
    const trail = await recorded(organisation.id);
    expect(trail.audit.map((a) => a.action)).toEqual(["organisation.create", "organisation.update"]);
    expect(trail.events.map((e) => e.type)).toEqual(["organisation.updated"]);
  });
});
