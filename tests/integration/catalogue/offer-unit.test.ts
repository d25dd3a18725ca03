import { randomUUID } from "node:crypto";
import { createOffer, importOffer, unitOf, updateOffer } from "@samspill/commands";
import type { Database } from "@samspill/database";
import { DomainValidationError } from "@samspill/domain";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, viewerWith } from "../../support/gateway.js";

// An offer names a unit (department, healthy-living centre) of its own provider only: pointing
// at another organisation's unit would put the offer under someone else's name.

let db: Database;
const molde = orgId("mun:1506");
const editor = viewerWith([{ org: "mun:1506", role: "EDITOR" }]);
let ownUnit: string;
let foreignUnit: string;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  ownUnit = (
    await db.unit.upsert({
      where: { organisationId_name: { organisationId: molde, name: "Frisklivssentralen (test)" } },
      create: { organisationId: molde, name: "Frisklivssentralen (test)", kind: "HEALTHY_LIVING_CENTRE" },
      update: {},
    })
  ).id;
  foreignUnit = (await db.unit.findFirstOrThrow({ where: { organisationId: { not: molde } } })).id;
});
afterAll(() => db.$disconnect());

const offer = (unitId: string | null) => ({
  providerId: molde,
  unitId,
  title: "Lær å leve med KOLS",
  summary: "Kurs for folk med KOLS",
  kind: "GROUP_COURSE",
  diagnosisScope: "DIAGNOSIS_SPECIFIC",
  diagnosisCodes: ["J44"],
  format: "PHYSICAL",
  location: "Molde",
  municipalityNumbers: ["1506"],
});

async function refusedOnUnit(action: Promise<unknown>) {
  const error = await action.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainValidationError);
  expect((error as DomainValidationError).issues.map((i) => i.field)).toEqual(["unitId"]);
}

describe("an offer's unit", () => {
  it("must belong to the provider on create, update and import", async () => {
    const count = () => db.offer.count({ where: { providerId: molde } });
    const before = await count();
    await refusedOnUnit(createOffer(unitOf(db), editor, offer(foreignUnit)));
    await refusedOnUnit(createOffer(unitOf(db), editor, offer(randomUUID())));
    await refusedOnUnit(
      importOffer(unitOf(db), editor, {
        ...offer(foreignUnit),
        id: randomUUID(),
        status: "DRAFT",
        publishedAt: null,
      }),
    );
    expect(await count()).toBe(before);

    const { id } = await createOffer(unitOf(db), editor, offer(ownUnit));
    expect((await db.offer.findUniqueOrThrow({ where: { id } })).unitId).toBe(ownUnit);
    await refusedOnUnit(updateOffer(unitOf(db), editor, { id, version: 1, unitId: foreignUnit }));
    const stored = await db.offer.findUniqueOrThrow({ where: { id } });
    expect({ unitId: stored.unitId, version: stored.version }).toEqual({ unitId: ownUnit, version: 1 });
  });
});
