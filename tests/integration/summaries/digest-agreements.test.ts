import type { Database } from "@samspill/database";
import { buildDigest } from "@samspill/mail";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId } from "../../support/gateway.js";

// Agreements are cooperation records: a weekly digest lists the agreements expiring soon only
// to members of a party, never to a subscriber from the public.

let db: Database;
const title = "Samarbeidsavtale mellom Helse Møre og Romsdal HF og Molde kommune";

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  const { id } = await db.agreement.findFirstOrThrow({ where: { title }, select: { id: true } });
  await db.agreement.update({
    where: { id },
    data: { status: "ACTIVE", validTo: new Date(Date.now() + 30 * 86_400_000) },
  });
});
afterAll(() => db.$disconnect());

const digestFor = (recipientOrganisationIds: string[]) =>
  buildDigest(db, {
    recipientName: "Abonnent",
    recipientOrganisationIds,
    filter: { municipalityNumbers: ["1506"], priorityGroups: [], diagnosisGroups: [] },
    since: new Date(Date.now() - 7 * 86_400_000),
    until: new Date(),
    events: [],
  });

describe("agreements in the weekly digest", () => {
  it("are listed to a party's members and to nobody else", async () => {
    expect((await digestFor([])).agreements).toEqual([]);
    expect((await digestFor([orgId("uo:safo")])).agreements).toEqual([]);
    const member = await digestFor([orgId("mun:1506")]);
    expect(member.agreements.map((a) => a.title)).toContain(title);
  });
});
