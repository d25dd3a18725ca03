import { randomUUID } from "node:crypto";
import type { Database } from "@samspill/database";
import { graphql } from "@samspill/graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { testGateway } from "../../support/gateway.js";

// A session's registrations count people, and the capacity beside them is public: 3 registered
// on a course for 150 is "3", and 147 free places says the same. Outside the provider both go
// through the small-count rule; the provider's own members see what they entered.

let db: Database;
const providerId = randomUUID();
const foreignId = randomUUID();
let offerId = "";

const sessions = graphql(`query SessionPlaces($id: ID!) {
  offer(id: $id) { sessions { capacity registrations availablePlaces } }
}`);

beforeAll(async () => {
  db = testDatabase();
  const stem = randomUUID().slice(0, 8);
  await db.organisation.createMany({
    data: [
      { id: providerId, kind: "USER_ORGANISATION", name: `Påmeldingsforeningen ${stem}` },
      { id: foreignId, kind: "USER_ORGANISATION", name: `Naboforeningen ${stem}` },
    ],
  });
  const start = Date.now() + 7 * 86_400_000;
  const offer = await db.offer.create({
    data: {
      providerId,
      title: `Påmeldingskurs ${stem}`,
      summary: "Kurs for påmeldingstesten",
      kind: "GROUP_COURSE",
      diagnosisScope: "DIAGNOSIS_SPECIFIC",
      format: "PHYSICAL",
      languages: ["nb"],
      audiences: ["PATIENTS"],
      status: "PUBLISHED",
      publishedAt: new Date(),
      sessions: {
        create: [
          { startsAt: new Date(start), endsAt: new Date(start + 3_600_000), capacity: 150, registrations: 3 },
          {
            startsAt: new Date(start + 86_400_000),
            endsAt: new Date(start + 90_000_000),
            capacity: 40,
            registrations: 12,
          },
          {
            startsAt: new Date(start + 2 * 86_400_000),
            endsAt: new Date(start + 2 * 86_400_000 + 3_600_000),
            registrations: 2,
          },
        ],
      },
    },
  });
  offerId = offer.id;
});
afterAll(() => db.$disconnect());

const member = (organisationId: string) => ({
  kind: "PERSON" as const,
  personId: null,
  tokenId: null,
  name: "Test",
  memberships: [{ organisationId, role: "VIEWER" as const }],
});

async function places(viewer: ReturnType<typeof member> | null) {
  const { data, errors } = await testGateway(db, viewer).query(sessions, { id: offerId });
  expect(errors).toBeUndefined();
  return data!.offer!.sessions;
}

describe("a session's registrations", () => {
  it("hides a small count and the free places that would give it away, signed out and to other organisations", async () => {
    for (const viewer of [null, member(foreignId)])
      expect(await places(viewer)).toEqual([
        { capacity: 150, registrations: null, availablePlaces: null },
        { capacity: 40, registrations: 12, availablePlaces: 28 },
        { capacity: null, registrations: null, availablePlaces: null },
      ]);
  });

  it("shows the provider's members what they entered", async () => {
    expect(await places(member(providerId))).toEqual([
      { capacity: 150, registrations: 3, availablePlaces: 147 },
      { capacity: 40, registrations: 12, availablePlaces: 28 },
      { capacity: null, registrations: 2, availablePlaces: null },
    ]);
  });
});
