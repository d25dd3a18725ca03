import {
  answerSeatOffer,
  cancelSignUpByToken,
  expireSeatOffers,
  promoteWaitingList,
  signUpForSession,
  systemActor,
  unitOf,
  updateSession,
} from "@samspill/commands";
import { DomainValidationError } from "@samspill/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { courseWithSession, person } from "../../support/sign-ups.js";

// The waiting list as a property, on Postgres and PGlite alike: random sign-ups, cancellations,
// capacity changes, seat offers accepted, declined or lapsed, and the worker's promotion run
// once or twice for the same event. After every step the database must agree with itself:
// seatsTaken is exactly the seats held, never more than the capacity; nobody holding a seat
// arrived after someone still in line; and no seat stays idle while someone waits once the
// waiting list has run.

useSeededDatabase();

type Step =
  | { kind: "signUp" }
  | { kind: "cancel"; pick: number }
  | { kind: "capacity"; capacity: number }
  | { kind: "promote"; twice: boolean }
  | { kind: "answer"; pick: number; accept: boolean }
  | { kind: "expire" };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: "signUp" as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("capacity" as const),
      capacity: fc.integer({ min: 0, max: 6 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("promote" as const), twice: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("answer" as const), pick: fc.nat(), accept: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "expire" as const }) },
);

/** Only the domain's typed refusal (not active, no open offer, below seats held) is expected. */
function refusal(error: unknown) {
  if (!(error instanceof DomainValidationError)) throw error;
}

async function invariants(sessionId: string, afterPromotion: boolean) {
  const session = await db.offerSession.findUniqueOrThrow({ where: { id: sessionId } });
  const rows = await db.sessionSignUp.findMany({ where: { sessionId }, orderBy: { sequence: "asc" } });
  const held = rows.filter((r) => r.status === "CONFIRMED" || r.status === "OFFERED");
  const waiting = rows.filter((r) => r.status === "WAITING");
  expect(session.seatsTaken).toBe(held.length);
  if (session.capacity !== null) expect(held.length).toBeLessThanOrEqual(session.capacity);
  // Order kept: every seat holder arrived before everyone still in line.
  if (waiting.length > 0 && held.length > 0)
    expect(Math.max(...held.map((r) => r.sequence))).toBeLessThan(
      Math.min(...waiting.map((r) => r.sequence)),
    );
  expect(rows.map((r) => r.sequence)).toEqual(rows.map((_, i) => i + 1));
  if (afterPromotion && waiting.length > 0) expect(session.seatsTaken).toBe(session.capacity);
}

describe("the waiting list", () => {
  it("never seats more than the capacity and keeps arrival order, whatever happens", async () => {
    let course = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 5 }),
        fc.array(step, { minLength: 1, maxLength: 25 }),
        async (capacity, steps) => {
          const { sessionId } = await courseWithSession(db, {
            title: `Ventelistekurs ${course++}`,
            capacity,
          });
          const unit = unitOf(db);
          const system = systemActor("Test");
          const tokens: string[] = [];
          let n = 0;
          for (const s of steps) {
            let promoted = false;
            if (s.kind === "signUp") {
              tokens.push(
                (await signUpForSession(unit, null, person(sessionId, n++), { retentionMonths: 6 })).token,
              );
            } else if (s.kind === "cancel" && tokens.length > 0) {
              await cancelSignUpByToken(unit, null, { token: tokens[s.pick % tokens.length] }).catch(refusal);
            } else if (s.kind === "capacity") {
              const { version } = await db.offerSession.findUniqueOrThrow({ where: { id: sessionId } });
              // Below the seats held is refused (a typed error); the test takes either answer.
              await updateSession(unit, system, { id: sessionId, version, capacity: s.capacity }).catch(
                refusal,
              );
            } else if (s.kind === "promote") {
              // The same event delivered twice, at once: the second run must find the seats offered.
              const runs = s.twice ? 2 : 1;
              await Promise.all(
                Array.from({ length: runs }, () => promoteWaitingList(unit, sessionId, { offerHours: 48 })),
              );
              promoted = true;
            } else if (s.kind === "answer" && tokens.length > 0) {
              const token = tokens[s.pick % tokens.length] as string;
              await answerSeatOffer(unit, null, { token, accept: s.accept }).catch(refusal);
            } else if (s.kind === "expire") {
              await expireSeatOffers(unit, new Date(Date.now() + 49 * 3_600_000));
            }
            await invariants(sessionId, promoted);
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);
});
