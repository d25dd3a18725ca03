import { addSession, signUpForSession, systemActor, unitOf } from "@samspill/commands";
import type { Database } from "@samspill/database";
import { publishedPlaces, SMALL_COUNT_THRESHOLD } from "@samspill/domain";
import { graphql } from "@samspill/graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { testGateway, viewerWith } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { courseWithSession, person } from "../../support/sign-ups.js";

// The offer page's seats (issue 14): a session that takes sign-ups counts the seats its
// sign-ups hold, not the hand-typed registrations field, so a full course never shows free
// places while its sign-up form says "Fullt – venteliste". Outside the provider the count still
// goes through the small-count rule; the provider's members see the sign-up counts themselves.

useSeededDatabase();

const Places = graphql(`
  query SignUpPlaces($id: ID!) {
    offer(id: $id) {
      sessions {
        id
        capacity
        registrations
        availablePlaces
        signUpState
        signUpCounts { confirmed offered waiting requested }
      }
    }
  }
`);

/** Fills `capacity` seats and puts `waiting` more people in line, all through the command. */
async function fill(sessionId: string, capacity: number, waiting: number) {
  for (let n = 1; n <= capacity + waiting; n++)
    await signUpForSession(unitOf(db), null, person(sessionId, n), { retentionMonths: 6 });
}

async function sessionAs(offerId: string, viewer: Parameters<typeof testGateway>[1]) {
  const result = await testGateway(db, viewer).query(Places, { id: offerId });
  expect(result.errors).toBeUndefined();
  return result.data!.offer!.sessions[0]!;
}

const provider = viewerWith([{ org: "mun:1506", role: "ADMIN" }]);

describe("places of a session that takes sign-ups", () => {
  it("shows a full course as full to the public and gives the provider the sign-up counts", async () => {
    const capacity = SMALL_COUNT_THRESHOLD + 3;
    const course = await courseWithSession(db, { title: "Fullt kurs", capacity });
    await fill(course.sessionId, capacity, 2);

    const open = await sessionAs(course.offerId, null);
    expect(open.signUpState).toBe("WAITING_LIST");
    expect(open.availablePlaces).toBe(0);
    expect({ registrations: open.registrations, availablePlaces: open.availablePlaces }).toEqual(
      publishedPlaces(capacity, capacity, SMALL_COUNT_THRESHOLD),
    );
    expect(open.signUpCounts).toBeNull();

    const own = await sessionAs(course.offerId, provider);
    expect(own.registrations).toBe(capacity);
    expect(own.availablePlaces).toBe(0);
    expect(own.signUpCounts).toEqual({ confirmed: capacity, offered: 0, waiting: 2, requested: 0 });
  });

  it("suppresses a small full course's figures rather than showing its capacity as free", async () => {
    const capacity = SMALL_COUNT_THRESHOLD - 2;
    const course = await courseWithSession(db, { title: "Lite fullt kurs", capacity });
    await fill(course.sessionId, capacity, 1);

    const open = await sessionAs(course.offerId, null);
    expect(open.signUpState).toBe("WAITING_LIST");
    expect({ registrations: open.registrations, availablePlaces: open.availablePlaces }).toEqual(
      publishedPlaces(capacity, capacity, SMALL_COUNT_THRESHOLD),
    );
    expect(open.availablePlaces).not.toBe(capacity);

    const own = await sessionAs(course.offerId, provider);
    expect(own).toMatchObject({ registrations: capacity, availablePlaces: 0 });
    expect(own.signUpCounts).toEqual({ confirmed: capacity, offered: 0, waiting: 1, requested: 0 });
  });

  it("counts a referral course's requests for the provider without taking seats", async () => {
    const course = await courseWithSession(db, {
      title: "Henvisningskurs",
      capacity: 10,
      requiresReferral: true,
    });
    for (let n = 1; n <= 3; n++)
      await signUpForSession(unitOf(db), null, person(course.sessionId, n), { retentionMonths: 6 });
    const own = await sessionAs(course.offerId, provider);
    expect(own).toMatchObject({ registrations: 0, availablePlaces: 10 });
    expect(own.signUpCounts).toEqual({ confirmed: 0, offered: 0, waiting: 0, requested: 3 });
  });

  it("costs the provider's offer page no statement per session for the sign-up counts", async () => {
    const course = await courseWithSession(db, { title: "Mange datoer", capacity: 4 });
    await fill(course.sessionId, 4, 1);
    const count = async () => {
      statements.length = 0;
      const result = await testGateway(counted, provider).query(Places, { id: course.offerId });
      expect(result.errors).toBeUndefined();
      return statements.filter((q) => !/^\s*(BEGIN|COMMIT|ROLLBACK|SET|SELECT 1)\b/i.test(q)).length;
    };
    const one = await count();
    for (let i = 1; i <= 4; i++) {
      const startsAt = new Date(Date.now() + (40 + i) * 86_400_000);
      const s = await addSession(unitOf(db), systemActor("Testoppsett"), {
        offerId: course.offerId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        capacity: 4,
      });
      await fill(s.id, 1, 0);
    }
    expect(await count()).toBe(one);
  });
});

const statements: string[] = [];
let counted: Database;
beforeAll(() => {
  counted = testDatabase((sql) => statements.push(sql));
});
afterAll(() => counted.$disconnect());
